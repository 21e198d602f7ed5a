package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.privacy.DisclosureRules;
import de.sozialmonitor.workflow.ReleaseWorkflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The attention list's early warning compares with the previous release, not merely the previous year. */
class AttentionPageTest {
    WebFixture fx;
    ReleaseWorkflow releases;

    @BeforeEach
    void start() {
        fx = WebFixture.start();
        releases = new ReleaseWorkflow(fx.db.jdbi());
        // a newer computation in which L1 falls from "hoch" to "niedrig" and newly needs attention
        fx.db.jdbi().useHandle(h -> h.execute("UPDATE result_area SET status_class = 'niedrig', attention = TRUE "
                + "WHERE result_set_id = 2 AND area_code = 'L1' AND year = 2023"));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private int release(String title, Integer corrects) {
        var cfg = fx.workspace.config();
        return releases.create(new ReleaseWorkflow.CreateRequest(title, 2023, corrects, cfg.territoryCode(), cfg.territoryName(),
                cfg.synthetic(), DisclosureRules.of(cfg.privacy()), cfg.method(), fx.workspace.catalog()), "test").number();
    }

    private static String rowOf(String html, String areaCode) {
        int at = html.indexOf("href=\"/gebiet/" + areaCode + "?");
        assertThat(at).as("row of %s", areaCode).isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    @Test
    void staffSeeWhatChangedAgainstTheNewestPublishedRelease() {
        String html = fx.loggedIn("analyst1").get("/aufmerksamkeit?year=2023").body();
        assertThat(html).contains("Frühwarnung: Veränderung gegenüber Berichtsstand 1 (2023)")
                .contains("neu mit Aufmerksamkeitsbedarf: 1 Gebiete");
        assertThat(rowOf(html, "L1")).contains("neu mit Aufmerksamkeitsbedarf").contains("Status von hoch auf niedrig");
        assertThat(rowOf(html, "L5")).contains("unverändert");
    }

    @Test
    void thePublicComparesThePublishedReleaseWithThePublishedOneBeforeIt() {
        int third = release("Berichtsstand 2023, neu berechnet", null);
        releases.publish(third, "test");
        String html = fx.client().get("/aufmerksamkeit").body();
        assertThat(html).contains("Berichtsstand " + third).contains("Veränderung gegenüber Berichtsstand 1 (2023)");
        assertThat(rowOf(html, "L1")).contains("neu mit Aufmerksamkeitsbedarf").contains("Status von hoch auf niedrig");
    }

    @Test
    void anEarlierPublishedReleaseCanBeChosenButNeverAnUnpublishedOne() {
        int third = release("Berichtsstand 2023, neu berechnet", null);
        releases.publish(third, "test");
        String html = fx.client().get("/aufmerksamkeit").body();
        assertThat(html).contains("id=\"berichtsstand\"").contains("Berichtsstand 1: Berichtsstand 2023 (2023)");
        String first = fx.client().get("/aufmerksamkeit?berichtsstand=1").body();
        // release 1 is the first published one: there is nothing before it to compare with
        assertThat(first).contains("Veröffentlichter Berichtsstand 1").contains("keinen früheren veröffentlichten Berichtsstand");
        assertThat(rowOf(first, "L5")).doesNotContain("Status von hoch auf niedrig");
        // release 2 exists but is not published: the public gets the default view, nothing of release 2
        String unpublished = fx.client().get("/aufmerksamkeit?berichtsstand=2").body();
        assertThat(unpublished).contains("Veröffentlichter Berichtsstand " + third);
        for (String leak : WebFixture.INTERNAL_VALUE_TEXTS) {
            assertThat(unpublished).doesNotContain(leak);
        }
    }

    @Test
    void aCorrectedReleaseIsNotTheComparisonBasis() {
        int third = release("Berichtsstand 2023, neu berechnet", null);
        releases.publish(third, "test");
        int fourth = release("Berichtsstand 2023, Korrektur", third);
        releases.publish(fourth, "test");
        String html = fx.client().get("/aufmerksamkeit").body();
        assertThat(html).contains("Veränderung gegenüber Berichtsstand 1 (2023)").doesNotContain("gegenüber Berichtsstand " + third);
    }

    @Test
    void anEarlierYearOfAReleaseHasNoClassesAndSoNoEarlyWarning() {
        // a release classifies its own year only; its earlier years carry rates
        String html = fx.client().get("/aufmerksamkeit?year=2022").body();
        assertThat(html).contains("keinen früheren veröffentlichten Berichtsstand").doesNotContain("href=\"/gebiet/L5?");
    }

    @Test
    void thePublicSeesWhyWithTheMethodsZScoresOfThePublishedRates() {
        String html = fx.client().get("/aufmerksamkeit").body();
        // L5 has the highest rates of the localities; migrant_u18 2023: values 12, 14, 16, 18, 20
        // for L1..L5, mean 16, SD sqrt(10): z = 4 / 3.162 = 1.26
        assertThat(rowOf(html, "L5")).contains("Kinder und Jugendliche mit Migrationshintergrund (z = 1,3)");
        String staff = fx.loggedIn("analyst1").get("/aufmerksamkeit").body();
        assertThat(rowOf(staff, "L5")).contains("(z = 1,3)");
    }

    @Test
    void negativeDynamicsAreExplainedByTheWorstChanges() {
        // L4's dynamics are negative in 2023; in the newer computation its changes are the largest
        fx.db.jdbi().useHandle(h -> {
            h.execute("UPDATE result_value SET change_value = 5 WHERE result_set_id = 2 AND area_code = 'L4' AND year = 2023");
            WebFixture.componentStats(h, 2);
        });
        String staff = fx.loggedIn("analyst1").get("/aufmerksamkeit").body();
        assertThat(rowOf(staff, "L4")).contains("Entwicklung: ").contains("(z = 1,8)");
        assertThat(rowOf(staff, "L5")).doesNotContain("Entwicklung: ");
    }
}
