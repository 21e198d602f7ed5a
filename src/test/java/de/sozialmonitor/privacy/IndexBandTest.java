package de.sozialmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class IndexBandTest {
    @Property
    void theBandHoldsTheIndexAndIsHalfAStandardDeviationWideOrOpenBeyondTwo(@ForAll @DoubleRange(min = -6, max = 6) double index) {
        IndexBand band = IndexBand.of(index);
        assertThat(band.contains(index)).isTrue();
        if (index >= -IndexBand.OUTER && index < IndexBand.OUTER) {
            assertThat(band.upper() - band.lower()).isEqualTo(IndexBand.WIDTH);
            // the edges lie on the half-unit grid, and so on the default class thresholds
            assertThat(band.lower() * 2).isEqualTo(Math.rint(band.lower() * 2));
        } else {
            assertThat(Double.isInfinite(band.lower()) || Double.isInfinite(band.upper())).isTrue();
        }
    }

    @Test
    void bandsOfTypicalValues() {
        assertThat(IndexBand.of(1.23)).isEqualTo(new IndexBand(1.0, 1.5));
        assertThat(IndexBand.of(-0.1)).isEqualTo(new IndexBand(-0.5, 0.0));
        assertThat(IndexBand.of(1.0)).isEqualTo(new IndexBand(1.0, 1.5));
        assertThat(IndexBand.of(2.7)).isEqualTo(new IndexBand(2.0, Double.POSITIVE_INFINITY));
        assertThat(IndexBand.of(-2.2)).isEqualTo(new IndexBand(Double.NEGATIVE_INFINITY, -2.0));
    }

    @Test
    void anAreaWithAWithheldEnteringFigureGetsNoBand() {
        assertThat(IndexBand.published(1.23, false)).isEmpty();
        assertThat(IndexBand.published(null, true)).isEmpty();
        assertThat(IndexBand.published(1.23, true)).contains(new IndexBand(1.0, 1.5));
    }
}
