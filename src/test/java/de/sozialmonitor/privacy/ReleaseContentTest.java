package de.sozialmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseContentTest {

    private static ReleaseContent content(DisclosureRules rules, List<Integer> publicRecord, ReleaseContent.AreaInputs areas,
                                          String source) {
        FrozenResults data = SyntheticCounty.generate(3, 1, 2, false);
        ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, rules);
        var n = JsonNodeFactory.instance.objectNode();
        return new ReleaseContent(ReleaseContent.FORMAT, 1, "Stand", 2023, null, "K", "Kreis", true,
                ReleaseContent.Rules.of(rules), 1, "ortsteil", n, n, n, List.of(), data, List.of(), table.summary(), table.rows(),
                publicRecord, areas, source, null);
    }

    @Test
    void aReleaseFrozenBeforeThePublicRecordSchemeReserialisesToItsOwnBytes() {
        // such a release has no scheme, public record, area inputs, source or inherited count in its stored JSON
        DisclosureRules single = new DisclosureRules(de.sozialmonitor.model.PrivacyConfig.defaults(), 0, DisclosureRules.SINGLE_RELEASE);
        ReleaseContent old = content(single, null, null, null);
        String json = new String(old.canonicalBytes(), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("scheme").doesNotContain("publicRecord").doesNotContain("areaInputs")
                .doesNotContain("inherited").doesNotContain("source\"").doesNotContain("certainty");
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

        assertThat(again.rules().toRules().scheme()).isEqualTo(DisclosureRules.GIVEN_COUNTS_NOT_PARTNERS);
        assertThat(again.publicRecord()).containsExactly(2, 1);
        assertThat(again.areaInputs()).isEqualTo(areas);
        assertThat(again.source()).isEqualTo("Amt für Statistik, CC BY 4.0");
        assertThat(again.summary().inherited()).isZero();
        assertThat(again.canonicalBytes()).isEqualTo(now.canonicalBytes());
    }

    @Test
    void aFrozenCertaintyRoundTripsToTheSameBytesAndItsJsonDownloadCarriesTheBandsOnly() {
        ReleaseCertainty certainty = new ReleaseCertainty("poisson", 1000, 1, 0.8, 2023, 2020, true,
                List.of(ReleaseCertainty.area("L1", 0.913, 0.5, 0.77, true, 0.8), ReleaseCertainty.area("L2", 1.0, null, 1.0, true, 0.8)),
                List.of(), null);
        ReleaseContent now = content(DisclosureRules.defaults(), List.of(), null, null).withCertainty(certainty);

        ReleaseContent again = ReleaseContent.parse(new String(now.canonicalBytes(), StandardCharsets.UTF_8));

        assertThat(again.certainty()).isEqualTo(certainty);
        assertThat(again.canonicalBytes()).isEqualTo(now.canonicalBytes());
        assertThat(ReleaseContent.sha256(now.canonicalBytes())).isNotEqualTo(ReleaseContent.sha256(now.withCertainty(null).canonicalBytes()));
        assertThat(certainty.areas().get(0)).extracting(ReleaseCertainty.Area::statusBand, ReleaseCertainty.Area::dynamicsBand,
                ReleaseCertainty.Area::attentionBand).containsExactly("sicher", "knapp", "knapp");
        assertThat(certainty.areas().get(1).dynamicsBand()).isNull();

        var header = new ReleaseDownload.Header(1, "Stand", 2023, null, "abc", "K", "Kreis", true, null);
        byte[] json = ReleaseDownload.write(ReleaseDownload.Format.JSON, header, now.published(), certainty.published());
        assertThat(ReleaseDownload.readCertainty(json)).isEqualTo(certainty.published());
        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("0.913").doesNotContain("0.77");
        assertThat(ReleaseDownload.write(ReleaseDownload.Format.CSV, header, now.published(), certainty.published()))
                .isEqualTo(ReleaseDownload.csv(now.published()));
        // a release frozen without certainty: its JSON download has the bytes it always had
        assertThat(ReleaseDownload.write(ReleaseDownload.Format.JSON, header, now.published(), null))
                .isEqualTo(ReleaseDownload.json(header, now.published()));
        assertThat(ReleaseDownload.readCertainty(ReleaseDownload.json(header, now.published()))).isNull();
    }
}
