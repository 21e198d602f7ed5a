package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.view.Certainties;
import de.sozialmonitor.view.CertaintyCounty;
import de.sozialmonitor.view.ClassCertainty;
import de.sozialmonitor.view.ResultView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The area profile and the attention list show the class certainty of the one read side, as the public may see it. */
class CertaintyPagesTest {
    @TempDir
    static Path tmp;
    static CertaintyCounty county;
    static WebServer server;
    static Certainties published;
    static ResultView view;

    @BeforeAll
    static void start() throws Exception {
        county = CertaintyCounty.withLargeCounts(tmp.resolve("ws"));
        server = new WebServer(county.ws, county.db).start(0);
        var views = county.views();
        view = views.latestPublished().orElseThrow();
        published = views.certainty(view);
        assertThat(published.available()).as(published.detail()).isTrue();
    }

    @AfterAll
    static void stop() {
        server.close();
        county.close();
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static String certaintyLine(String html) {
        int at = html.indexOf("Klassensicherheit: ");
        assertThat(at).isPositive();
        return html.substring(at, html.indexOf("</p>", at));
    }

    @Test
    void theProfileShowsTheBandsOfTheReleaseWithoutShares() throws Exception {
        assertThat(published.anyShown()).isTrue();
        for (Map.Entry<String, ClassCertainty> e : published.areas().entrySet()) {
            ClassCertainty c = e.getValue();
            String page = get("/gebiet/" + e.getKey() + "?year=" + CertaintyCounty.YEAR);
            assertThat(certaintyLine(page)).as(e.getKey())
                    .contains("Status " + (c.status().band() == ClassCertainty.Band.KNAPP ? "knapp" : "sicher"))
                    .contains("Aufmerksamkeit " + (c.attention().band() == ClassCertainty.Band.KNAPP ? "knapp" : "sicher"))
                    .doesNotContain("%");
        }
    }

    @Test
    void everyCardOfTheAttentionListSaysHowCertainTheAreasClassesAre() throws Exception {
        String html = get("/aufmerksamkeit");
        List<String> flagged = view.allClasses().entrySet().stream().filter(e -> e.getValue().attention()).map(Map.Entry::getKey).toList();
        assertThat(flagged).isNotEmpty();
        assertThat(html).contains("Ziehungen");
        for (String area : flagged) {
            int at = html.indexOf("href=\"/gebiet/" + area + "?");
            assertThat(at).as(area).isPositive();
            String card = html.substring(at, html.indexOf("</li>", at));
            ClassCertainty c = published.area(area).orElseThrow();
            assertThat(card).as(area).contains("Sicherheit: ").contains("certainty-" + c.overall().code())
                    .contains(c.overall() == ClassCertainty.Band.KNAPP ? "knapp" : "sicher");
        }
    }
}
