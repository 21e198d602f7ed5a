package de.sozialmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.view.Certainties;
import de.sozialmonitor.view.CertaintyCounty;
import de.sozialmonitor.view.ClassCertainty;
import de.sozialmonitor.view.ResultViews;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's annex lists the class certainty of every area in the index: shares internally, bands in public. */
class CertaintyAnnexTest {
    @TempDir
    static Path tmp;
    static CertaintyCounty county;
    static ReportModelBuilder builder;

    @BeforeAll
    static void start() throws Exception {
        county = CertaintyCounty.withSmallCount(tmp.resolve("ws"));
        builder = new ReportModelBuilder(county.views(), ReportModelBuilder.Context.of(county.ws));
    }

    @AfterAll
    static void stop() {
        county.close();
    }

    private static String rowOf(String html, String name) {
        int table = html.indexOf("class=\"data certainty\"");
        int at = html.indexOf(">" + name + "<", table);
        assertThat(at).as(name).isGreaterThan(table);
        return html.substring(at, html.indexOf("</tr>", at));
    }

    @Test
    void aPublicReportWithAWithheldRateBehindTheIndexSaysWhyItShowsNoCertainty() {
        ReportModel m = builder.build(CertaintyCounty.RELEASE, new ReportModel.Options("de", false, false));
        ResultViews views = county.views();
        Certainties expected = views.certainty(views.published(CertaintyCounty.RELEASE).orElseThrow());
        assertThat(m.certainty()).isEqualTo(expected);
        assertThat(expected.anyShown()).isFalse();
        String html = ReportHtml.render(m);
        assertThat(html).contains("<h3>Klassensicherheit</h3>")
                .contains("Dieser Berichtsstand weist die Klassensicherheit (1000 Ziehungen der Fallzahlen")
                .doesNotContain("class=\"data certainty\"");
    }

    @Test
    void theInternalReportShowsTheSharesOfEveryArea() {
        ReportModel m = builder.build(CertaintyCounty.RELEASE, new ReportModel.Options("de", true, false));
        assertThat(m.certainty().probabilities()).isTrue();
        String html = ReportHtml.render(m);
        assertThat(html).contains(m.certainty().borderlineCount() + " von " + m.certainty().areas().size() + " Gebieten im Index");
        for (var e : m.certainty().areas().entrySet()) {
            assertThat(rowOf(html, "Ort " + e.getKey().substring(1))).contains(e.getValue().status().band() == ClassCertainty.Band.KNAPP
                    ? "knapp (" : "sicher (");
        }
        ClassCertainty small = m.certainty().area(CertaintyCounty.SMALL).orElseThrow();
        String share = (int) Math.floor(100 * small.status().probability() + 1e-9) + " %";
        assertThat(rowOf(html, "Ort 3")).contains(share);
    }
}
