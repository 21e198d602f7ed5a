package de.sozialmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseContentTest {

    private static ReleaseContent content(DisclosureRules rules, List<Integer> publicRecord, ReleaseContent.AreaInputs areas,
                                          String source) {
        ReleaseData data = SyntheticCounty.generate(3, 1, 2, false);
        ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, rules);
        var n = JsonNodeFactory.instance.objectNode();
        return new ReleaseContent(ReleaseContent.FORMAT, 1, "Stand", 2023, null, "K", "Kreis", true,
                ReleaseContent.Rules.of(rules), 1, "ortsteil", n, n, n, List.of(), data, List.of(), table.summary(), table.rows(),
                publicRecord, areas, source);
    }

    @Test
    void aReleaseFrozenBeforeThePublicRecordSchemeReserialisesToItsOwnBytes() {
        // such a release has no scheme, public record, area inputs, source or inherited count in its stored JSON
        DisclosureRules single = new DisclosureRules(de.sozialmonitor.model.PrivacyConfig.defaults(), 0, DisclosureRules.SINGLE_RELEASE);
        ReleaseContent old = content(single, null, null, null);
        String json = new String(old.canonicalBytes(), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("scheme").doesNotContain("publicRecord").doesNotContain("areaInputs")
                .doesNotContain("inherited").doesNotContain("source\"");
        ReleaseContent again = ReleaseContent.parse(json);
        assertThat(again.canonicalBytes()).isEqualTo(old.canonicalBytes());
        assertThat(again.rules().toRules().singleRelease()).isTrue();
    }

    @Test
    void aNewReleaseRecordsItsSchemePublicRecordAreasAndSource() {
        var areas = new ReleaseContent.AreaInputs(List.of("kreis"),
                List.of(new ReleaseContent.AreaInputs.AreaVersion("K", "Kreis", "kreis", null, "2000-01-01", null)), List.of());
        ReleaseContent now = content(DisclosureRules.defaults(), List.of(2, 1), areas, "Amt für Statistik, CC BY 4.0");

        ReleaseContent again = ReleaseContent.parse(new String(now.canonicalBytes(), StandardCharsets.UTF_8));

        assertThat(again.rules().toRules().scheme()).isEqualTo(DisclosureRules.PUBLIC_RECORD_AS_SEEN_OUTSIDE);
        assertThat(again.publicRecord()).containsExactly(2, 1);
        assertThat(again.areaInputs()).isEqualTo(areas);
        assertThat(again.source()).isEqualTo("Amt für Statistik, CC BY 4.0");
        assertThat(again.summary().inherited()).isZero();
        assertThat(again.canonicalBytes()).isEqualTo(now.canonicalBytes());
    }
}
