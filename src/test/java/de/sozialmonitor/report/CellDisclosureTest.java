package de.sozialmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.PrivacyConfig;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.report.CellDisclosure.Key;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellDisclosureTest {
    private static PublishedRow rate(String area, String status, String symbol, String reason) {
        return new PublishedRow(PublishedRow.RATE, "sgb2", "sgb2_u65", "pop_total - pop_65plus", "100", area, "", "Ortsteil",
                "", 2024, "", "", PublishedRow.OK.equals(status) ? "9,2" : "", status, symbol, reason, "");
    }

    private static Key key(String area) {
        return new Key(Key.RATE, "sgb2", area, 2024, "");
    }

    @Test
    void primaryRulesWithholdSmallCountsAndRatesOfSmallAreasButNotZero() {
        CellDisclosure p = CellDisclosure.primary(PrivacyConfig.defaults());
        assertThat(p.rate(key("a"), 50.0, 2.0, 4.0, 1000.0).isSuppressed()).isTrue();
        assertThat(p.rate(key("a"), 0.0, 0.0, 40.0, 1000.0).value()).isEqualTo(0.0);
        assertThat(p.rate(key("a"), 10.0, 4.0, 40.0, 299.0).isSuppressed()).isTrue();
        assertThat(p.rate(key("a"), 10.0, 4.0, 40.0, 300.0).value()).isEqualTo(10.0);
        assertThat(p.count("a", 2024, 2.0).isSuppressed()).isTrue();
        assertThat(p.count("a", 2024, 0.0).value()).isEqualTo(0.0);
    }

    @Test
    void theReleasesProtectedRowsDecideWhereTheyExist() {
        CellDisclosure p = CellDisclosure.protectedRows(List.of(
                rate("published", PublishedRow.OK, "", ""),
                // secondary suppression: the primary rules alone would print this value
                rate("secondary", PublishedRow.SUPPRESSED, ".", PublishedRow.COUNTS_CONFIDENTIAL),
                rate("none", PublishedRow.MISSING, "x", PublishedRow.NOT_AVAILABLE)),
                "pop_total", CellDisclosure.primary(PrivacyConfig.defaults()));
        assertThat(p.rate(key("published"), 9.2, 50.0, 543.0, 700.0).value()).isEqualTo(9.2);
        assertThat(p.rate(key("secondary"), 9.2, 50.0, 543.0, 700.0).isSuppressed()).isTrue();
        assertThat(p.rate(key("none"), null, null, null, 700.0).symbol()).isEqualTo("…");
        // no row in the release: the primary rules still apply
        assertThat(p.rate(key("elsewhere"), 50.0, 2.0, 4.0, 1000.0).isSuppressed()).isTrue();
    }

    @Test
    void anIndexTheReleaseWithholdsIsNotPrintedWhileOthersAre() {
        PublishedRow withheld = new PublishedRow(PublishedRow.AREA_RESULT, "status_index", "", "", "", "small", "", "Ortsteil",
                "", 2024, "", "", "", PublishedRow.SUPPRESSED, ".", PublishedRow.COUNTS_CONFIDENTIAL, "");
        PublishedRow shown = new PublishedRow(PublishedRow.AREA_RESULT, "status_index", "", "", "", "big", "", "Ortsteil",
                "", 2024, "", "", "1,234", PublishedRow.OK, "", "", "");
        CellDisclosure p = CellDisclosure.protectedRows(List.of(withheld, shown), "pop_total",
                CellDisclosure.primary(PrivacyConfig.defaults()));
        assertThat(p.index("status_index", "small", 2024, 1.234)).isNull();
        assertThat(p.index("status_index", "big", 2024, 1.234)).isEqualTo(1.234);
        assertThat(p.index("dynamics_index", "small", 2024, -0.5)).isEqualTo(-0.5);
        assertThat(CellDisclosure.internal().index("status_index", "small", 2024, 1.234)).isEqualTo(1.234);
    }
}
