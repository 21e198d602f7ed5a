package de.sozialmonitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.Polarity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChoroplethTest {
    @Test
    void quantileBreaksGiveAtMostFiveClassesAndColoursFollowPolarity() {
        double[] breaks = Choropleth.quantileBreaks(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0));
        assertThat(breaks).hasSize(4);
        assertThat(Choropleth.classOf(1.0, breaks)).isZero();
        assertThat(Choropleth.classOf(10.0, breaks)).isEqualTo(4);
        assertThat(Choropleth.quantileBreaks(List.of(2.0, 2.0, 2.0))).isEmpty();
        assertThat(Choropleth.sequentialColour(4, 5, Polarity.HIGHER_IS_WORSE))
                .isEqualTo(Choropleth.sequentialColour(0, 5, Polarity.HIGHER_IS_BETTER));
    }
}
