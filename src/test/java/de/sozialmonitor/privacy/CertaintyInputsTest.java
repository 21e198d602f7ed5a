package de.sozialmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit of published certainty bands reads the areas in the index from the table too, not only from the band list. */
class CertaintyInputsTest {
    private static final List<FrozenResults.IndicatorInfo> INDICATORS =
            List.of(new FrozenResults.IndicatorInfo("sgb2", "sgb2_u65", "pop_u65", "", 100, 1));

    private static PublishedRow count(String measure, String area, String value, boolean withheld) {
        return new PublishedRow(PublishedRow.COUNT, measure, "", "", "", area, area, "Ortsteil", "K", 2024, "", "",
                withheld ? "" : value, withheld ? PublishedRow.SUPPRESSED : PublishedRow.OK, withheld ? "." : "",
                withheld ? PublishedRow.CONFIDENTIAL : "", "");
    }

    private static PublishedRow statusClass(String area, String cls) {
        return new PublishedRow(PublishedRow.AREA_RESULT, "status_class", "", "", "", area, area, "Ortsteil", "K", 2024, "", "",
                cls, PublishedRow.OK, "", "", "");
    }

    private static ReleaseCertainty.Published bandsOnlyFor(String area) {
        return new ReleaseCertainty.Published("poisson", 1000, 3157, 0.8, 2024, 2021, true,
                List.of(new ReleaseCertainty.PublishedBand(area, ReleaseCertainty.SICHER, null, ReleaseCertainty.SICHER)));
    }

    /** Regression (the audit trusted the published band list): a list that leaves out an area whose count is withheld. */
    @Test
    void anAreaTheTableClassifiesCountsAsDrawnFromEvenWhenTheBandListLeavesItOut() {
        List<PublishedRow> rows = List.of(
                count("sgb2_u65", "L1", "120", false), count("pop_u65", "L1", "2000", false), statusClass("L1", "mittel"),
                count("sgb2_u65", "L2", "", true), count("pop_u65", "L2", "900", false), statusClass("L2", "hoch"));

        List<String> findings = CertaintyInputs.audit(rows, bandsOnlyFor("L1"), INDICATORS, Set.of("sgb2"));

        assertThat(findings).singleElement().asString().contains("sgb2_u65 L2 2024");
    }

    @Test
    void withEveryCountTheDrawsReadPublishedTheBandsPass() {
        List<PublishedRow> rows = List.of(
                count("sgb2_u65", "L1", "120", false), count("pop_u65", "L1", "2000", false), statusClass("L1", "mittel"),
                count("sgb2_u65", "L2", "40", false), count("pop_u65", "L2", "900", false), statusClass("L2", "hoch"),
                statusClass("L3", ""));

        assertThat(CertaintyInputs.audit(rows, bandsOnlyFor("L1"), INDICATORS, Set.of("sgb2"))).isEmpty();
    }
}
