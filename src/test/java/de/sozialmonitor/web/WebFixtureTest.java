package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.view.AreaClasses;
import de.sozialmonitor.view.ResultView;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the web tests rely on, as the method and disclosure control make it from the fixture's
 * delivered counts (the tests read classes and values from the release, so a change of the method
 * changes what they expect; this says plainly when the fixture no longer gives them anything to check).
 */
class WebFixtureTest {
    static WebFixture fx;

    @BeforeAll
    static void start() {
        fx = WebFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static List<AreaClasses> localities(ResultView view) {
        return WebFixture.LOCALITIES.stream().map(c -> view.classes(c).orElseThrow()).toList();
    }

    @Test
    void thePublishedReleaseHasEveryStatusClassEveryDynamicsClassAndAreasThatNeedAttention() {
        List<AreaClasses> classes = localities(fx.published());
        assertThat(classes).extracting(AreaClasses::statusClass).filteredOn(Objects::nonNull).containsAll(List.of(StatusClass.values()));
        assertThat(classes).extracting(AreaClasses::dynamicsClass).filteredOn(Objects::nonNull).containsAll(List.of(DynamicsClass.values()));
        // attention for a low status, and for negative dynamics alone
        assertThat(classes).anyMatch(c -> c.attention() && c.lowStatus())
                .anyMatch(c -> c.attention() && !c.lowStatus() && c.dynamicsClass() == DynamicsClass.NEGATIV);
    }

    @Test
    void theSmallLocalityTakesNoPartAndItsRatesAreNotPublished() {
        AreaClasses small = fx.published().classes(WebFixture.SMALL).orElseThrow();
        assertThat(small.excluded()).isEqualTo("population_below_minimum");
        assertThat(small.statusClass()).isNull();
        assertThat(fx.published().rate("migrant_u18", WebFixture.SMALL, WebFixture.YEAR).symbol()).isEqualTo("x");
    }

    @Test
    void theSmallCountIsWithheldFromThePublicAndShownToStaff() {
        assertThat(fx.published().rate(WebFixture.WITHHELD_INDICATOR, WebFixture.WITHHELD_AREA, WebFixture.YEAR).withheld()).isTrue();
        assertThat(fx.internal().rate(WebFixture.WITHHELD_INDICATOR, WebFixture.WITHHELD_AREA, WebFixture.YEAR).shown()).isTrue();
    }

    @Test
    void theCorrectedDeliveryReachesOnlyTheNewerUnpublishedComputation() {
        assertThat(fx.internal().rate("migrant_u18", WebFixture.CORRECTED, WebFixture.YEAR).value())
                .isCloseTo(WebFixture.INTERNAL_VALUE, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(fx.published().rate("migrant_u18", WebFixture.CORRECTED, WebFixture.YEAR).value()).isLessThan(50.0);
        assertThat(fx.views().publishedReleases()).extracting(r -> r.number()).containsExactly(1);
        assertThat(fx.views().allReleases()).extracting(r -> r.number()).containsExactly(1, 2);
        // the correction moves the corrected locality into attention
        assertThat(fx.published().classes(WebFixture.CORRECTED).orElseThrow().attention()).isFalse();
        assertThat(fx.internal().classes(WebFixture.CORRECTED).orElseThrow().attention()).isTrue();
    }
}
