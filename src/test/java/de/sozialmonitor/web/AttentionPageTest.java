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

    /** The card of an area in the list (from its start to the next card or the end of its group). */
    static String cardOf(String html, String areaCode) {
        int at = html.indexOf("href=\"/gebiet/" + areaCode + "?");
        assertThat(at).as("card of %s", areaCode).isPositive();
        int start = html.lastIndexOf("<li class=\"attention-card\"", at);
        int next = html.indexOf("<li class=\"attention-card\"", at);
        int end = html.indexOf("</ol>", at);
        return html.substring(start, next < 0 ? end : Math.min(next, end));
    }

    /** The group (new, continuing, ended, watch, flagged) an area's card is listed in. */
    static String groupOf(String html, String areaCode) {
        int at = html.indexOf("href=\"/gebiet/" + areaCode + "?");
        int g = html.lastIndexOf("id=\"gruppe-", at);
        return html.substring(g + "id=\"gruppe-".length(), html.indexOf('"', g + "id=\"gruppe-".length()));
    }

    /** The cards listed in each group, and the count its heading and the summary give. */
    static void assertCountsAreTheCardsListed(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<section class=\"attention-group\"><h2 id=\"gruppe-([a-z]+)\">[^<]*?: (\\d+) Gebiete?</h2>")
                .matcher(html);
        int groups = 0;
        while (m.find()) {
            groups++;
            int end = html.indexOf("</section>", m.end());
            String section = html.substring(m.end(), end);
            int cards = section.split("<li class=\"attention-card\"", -1).length - 1;
            assertThat(cards).as("cards in group %s", m.group(1)).isEqualTo(Integer.parseInt(m.group(2)));
            assertThat(html).as("summary of group %s", m.group(1)).contains("href=\"#gruppe-" + m.group(1) + "\">");
            int summary = html.indexOf("href=\"#gruppe-" + m.group(1) + "\">");
            String line = html.substring(summary, html.indexOf("</a>", summary));
            assertThat(line).endsWith(": " + cards + (cards == 1 ? " Gebiet" : " Gebiete"));
        }
        assertThat(groups).isPositive();
    }

    @Test
    void staffSeeWhatChangedAgainstTheNewestPublishedRelease() {
        String html = fx.loggedIn("analyst1").get("/aufmerksamkeit?year=2023").body();
        assertThat(html).contains("verglichen mit Berichtsstand 1 (2023)")
                .contains("Neu mit Aufmerksamkeitsbedarf: 1 Gebiet<").contains("Weiterhin mit Aufmerksamkeitsbedarf: 2 Gebiete");
        assertThat(groupOf(html, "L1")).isEqualTo("new");
        assertThat(cardOf(html, "L1")).contains("Status von hoch auf niedrig");
        assertThat(groupOf(html, "L5")).isEqualTo("continuing");
        assertThat(cardOf(html, "L5")).contains("Klassen unverändert");
        assertCountsAreTheCardsListed(html);
    }

    @Test
    void thePublicComparesThePublishedReleaseWithThePublishedOneBeforeIt() {
        int third = release("Berichtsstand 2023, neu berechnet", null);
        releases.publish(third, "test");
        String html = fx.client().get("/aufmerksamkeit").body();
        assertThat(html).contains("Berichtsstand " + third).contains("verglichen mit Berichtsstand 1 (2023)");
        assertThat(groupOf(html, "L1")).isEqualTo("new");
        assertThat(cardOf(html, "L1")).contains("Status von hoch auf niedrig");
        assertCountsAreTheCardsListed(html);
    }

    @Test
    void anEarlierPublishedReleaseCanBeChosenButNeverAnUnpublishedOne() {
        int third = release("Berichtsstand 2023, neu berechnet", null);
        releases.publish(third, "test");
        String html = fx.client().get("/aufmerksamkeit").body();
        assertThat(html).contains("id=\"berichtsstand\"").contains(">2023 (Berichtsstand 1)<");
        String first = fx.client().get("/aufmerksamkeit?berichtsstand=1").body();
        // release 1 is the first published one: there is nothing before it to compare with
        assertThat(first).contains("Veröffentlichter Berichtsstand 1").contains("keinen früheren veröffentlichten Berichtsstand");
        assertThat(groupOf(first, "L5")).isEqualTo("flagged");
        assertThat(cardOf(first, "L5")).doesNotContain("Status von hoch auf niedrig");
        // links keep the chosen release
        assertThat(first).contains("/gebiet/L5?year=2023&amp;berichtsstand=1");
        // release 2 exists but is not published: the public gets the default view, nothing of release 2
        String unpublished = fx.client().get("/aufmerksamkeit?berichtsstand=2").body();
        // (release 3 freezes the same computation as release 2 and is published, so its figures may show)
        assertThat(unpublished).contains("Veröffentlichter Berichtsstand " + third).doesNotContain("<option value=\"2\"")
                .doesNotContain("Berichtsstand 2 ");
    }

    @Test
    void aCorrectedReleaseIsNotTheComparisonBasis() {
        int third = release("Berichtsstand 2023, neu berechnet", null);
        releases.publish(third, "test");
        int fourth = release("Berichtsstand 2023, Korrektur", third);
        releases.publish(fourth, "test");
        String html = fx.client().get("/aufmerksamkeit").body();
        assertThat(html).contains("verglichen mit Berichtsstand 1 (2023)").doesNotContain("verglichen mit Berichtsstand " + third);
    }

    @Test
    void anEarlierYearOfAReleaseHasNoClassesAndSoNoEarlyWarning() {
        // a release classifies its own year only; its earlier years carry rates
        String html = fx.client().get("/aufmerksamkeit?year=2022").body();
        assertThat(html).contains("Für 2022 gibt es in diesem Berichtsstand keine Einstufung").doesNotContain("href=\"/gebiet/L5?")
                .doesNotContain("attention-card");
    }

    @Test
    void thePublicReadsTheReasonsInWordsWithFiguresStaffAlsoSeeTheZScores() {
        String html = fx.client().get("/aufmerksamkeit").body();
        // L5 has the highest rates of the localities; migrant_u18 2023: values 12, 14, 16, 18, 20
        // for L1..L5, mean 16, SD sqrt(10): z = 4 / 3.162 = 1.26, above one standard deviation
        assertThat(cardOf(html, "L5")).contains("Kinder und Jugendliche mit Migrationshintergrund: 20,0 % – Landkreis Musterstadt 6,0 %")
                .doesNotContain("z = ");
        String staff = fx.loggedIn("analyst1").get("/aufmerksamkeit").body();
        assertThat(cardOf(staff, "L5")).contains("<details class=\"z-details\">").contains("z = 1,26");
    }

    @Test
    void theListIsOrderedByNeedLowestStatusFirst() {
        String html = fx.client().get("/aufmerksamkeit").body();
        // release 1: L5 sehr niedrig, L4 niedrig with negative dynamics
        assertThat(html.indexOf("href=\"/gebiet/L5?")).isPositive().isLessThan(html.indexOf("href=\"/gebiet/L4?"));
        assertCountsAreTheCardsListed(html);
    }

    @Test
    void negativeDynamicsAreExplainedByTheWorstChanges() {
        // L4's dynamics are negative in 2023; in the newer computation its changes are the largest
        fx.db.jdbi().useHandle(h -> {
            de.sozialmonitor.store.ResultValueStore.rewrite(h, 2, r -> r.areaCode().equals("L4") && r.year() == 2023
                    ? new de.sozialmonitor.store.ResultValueStore.Row(r.areaCode(), r.year(), r.indicatorId(), r.targetGroup(),
                            r.numerator(), r.denominator(), r.value(), 5.0, r.zStatus(), r.zDynamics())
                    : r);
            WebFixture.componentStats(h, 2);
        });
        String staff = fx.loggedIn("analyst1").get("/aufmerksamkeit").body();
        // the change in words: +5,0 percentage points since the base year, against the county's +0,5
        assertThat(cardOf(staff, "L4")).contains("Prozentpunkte seit 2020 – Landkreis Musterstadt +0,5").contains("z = 1,79");
        assertThat(cardOf(staff, "L5")).doesNotContain("Prozentpunkte seit");
    }
}
