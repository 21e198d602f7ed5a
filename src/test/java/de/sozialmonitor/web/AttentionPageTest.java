package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.view.AttentionList;
import de.sozialmonitor.view.Drivers;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.workflow.ReleaseWorkflow;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attention list's early warning compares with the previous release, not merely the previous
 * year. What the list must show is what the read side's {@link AttentionList} and {@link Drivers}
 * make of the fixture's releases and computations (the corrected delivery moves L1 into attention).
 */
class AttentionPageTest {
    WebFixture fx;
    ReleaseWorkflow releases;

    @BeforeEach
    void start() {
        fx = WebFixture.start();
        releases = new ReleaseWorkflow(fx.db.jdbi());
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private int release(String title, Integer corrects) {
        return releases.create(ReleaseWorkflow.CreateRequest.of(fx.workspace.config(), fx.workspace.catalog(), title, 2023, corrects),
                "test").number();
    }

    /** "Status von mittel auf niedrig": how a card says that the status class moved. */
    static String statusMoved(ResultView before, ResultView now, String code) {
        return "Status von " + words(before.classes(code).orElseThrow().statusClass()) + " auf "
                + words(now.classes(code).orElseThrow().statusClass());
    }

    static String words(StatusClass c) {
        return c.code().replace('_', ' ');
    }

    /** The first area of a group of the list; fails if the group is empty. */
    static String firstOf(AttentionList list, AttentionList.Group group) {
        assertThat(list.entries(group)).as("areas in group %s", group).isNotEmpty();
        return list.entries(group).get(0).area().code();
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
        ResultView published = fx.published();
        ResultView internal = fx.views().internal(2023, false).orElseThrow();
        AttentionList expected = AttentionList.of(internal, published);
        String html = fx.loggedIn("analyst1").get("/aufmerksamkeit?year=2023").body();
        int added = expected.count(AttentionList.Group.NEW);
        int continuing = expected.count(AttentionList.Group.CONTINUING);
        assertThat(html).contains("verglichen mit Berichtsstand 1 (2023)")
                .contains("Neu mit Aufmerksamkeitsbedarf: " + added + (added == 1 ? " Gebiet<" : " Gebiete<"))
                .contains("Weiterhin mit Aufmerksamkeitsbedarf: " + continuing + (continuing == 1 ? " Gebiet<" : " Gebiete<"));
        // the corrected delivery moved L1 into attention: its status class fell
        assertThat(expected.entries(AttentionList.Group.NEW)).extracting(e -> e.area().code()).contains(WebFixture.CORRECTED);
        assertThat(groupOf(html, WebFixture.CORRECTED)).isEqualTo("new");
        assertThat(cardOf(html, WebFixture.CORRECTED)).contains(statusMoved(published, internal, WebFixture.CORRECTED));
        AttentionList.Entry unchanged = expected.entries(AttentionList.Group.CONTINUING).stream().filter(e -> e.alerts().isEmpty())
                .findFirst().orElseThrow();
        assertThat(groupOf(html, unchanged.area().code())).isEqualTo("continuing");
        assertThat(cardOf(html, unchanged.area().code())).contains("Klassen unverändert");
        assertCountsAreTheCardsListed(html);
    }

    @Test
    void thePublicComparesThePublishedReleaseWithThePublishedOneBeforeIt() {
        int third = release("Berichtsstand 2023, neu berechnet", null);
        releases.publish(third, "test");
        String html = fx.client().get("/aufmerksamkeit").body();
        assertThat(html).contains("Berichtsstand " + third).contains("verglichen mit Berichtsstand 1 (2023)");
        ResultView now = fx.views().published(third).orElseThrow();
        AttentionList expected = AttentionList.of(now, fx.published());
        assertThat(expected.entries(AttentionList.Group.NEW)).extracting(e -> e.area().code()).contains(WebFixture.CORRECTED);
        assertThat(groupOf(html, WebFixture.CORRECTED)).isEqualTo("new");
        assertThat(cardOf(html, WebFixture.CORRECTED)).contains(statusMoved(fx.published(), now, WebFixture.CORRECTED));
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
        String most = firstOf(AttentionList.of(fx.published(), null), AttentionList.Group.FLAGGED);
        assertThat(first).contains("Veröffentlichter Berichtsstand 1").contains("keinen früheren veröffentlichten Berichtsstand");
        assertThat(groupOf(first, most)).isEqualTo("flagged");
        assertThat(cardOf(first, most)).doesNotContain("Status von");
        // links keep the chosen release
        assertThat(first).contains("/gebiet/" + most + "?year=2023&amp;berichtsstand=1");
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
        String most = firstOf(AttentionList.of(fx.published(), null), AttentionList.Group.FLAGGED);
        String html = fx.client().get("/aufmerksamkeit?year=2022").body();
        assertThat(html).contains("Für 2022 gibt es in diesem Berichtsstand keine Einstufung").doesNotContain("href=\"/gebiet/" + most + "?")
                .doesNotContain("attention-card");
    }

    @Test
    void thePublicReadsTheReasonsInWordsWithFiguresStaffAlsoSeeTheZScores() {
        ResultView published = fx.published();
        AttentionList.Entry most = AttentionList.of(published, null).entries(AttentionList.Group.FLAGGED).get(0);
        String code = most.area().code();
        // the reasons are the indicators more than one standard deviation above the mean, with the county's figure
        Drivers.Driver why = most.drivers().get(0);
        Indicator indicator = published.catalog().indicator(why.indicatorId()).orElseThrow();
        String html = fx.client().get("/aufmerksamkeit").body();
        assertThat(cardOf(html, code)).contains(indicator.nameDe() + ": "
                        + Texts.GERMAN.number(published.rate(indicator.id(), code, 2023).value(), indicator.precision()) + " % – Landkreis Musterstadt "
                        + Texts.GERMAN.number(published.rate(indicator.id(), "K", 2023).value(), indicator.precision()) + " %")
                .doesNotContain("z = ");
        // staff see the newest computation, and the z-scores behind its reasons
        ResultView internal = fx.views().internal(2023, true).orElseThrow();
        Drivers.Driver staffWhy = Drivers.of(internal, code).get(0);
        String staff = fx.loggedIn("analyst1").get("/aufmerksamkeit").body();
        assertThat(cardOf(staff, code)).contains("<details class=\"z-details\">").contains("z = " + Texts.GERMAN.number(staffWhy.z(), 2));
        assertThat(staffWhy.z()).isGreaterThan(Drivers.MIN_Z);
    }

    @Test
    void theListIsOrderedByNeedLowestStatusFirst() {
        String html = fx.client().get("/aufmerksamkeit").body();
        List<AttentionList.Entry> entries = AttentionList.of(fx.published(), null).entries(AttentionList.Group.FLAGGED);
        // the release has areas of very low and of low status, and one flagged for its dynamics alone
        assertThat(entries).extracting(e -> e.classes().statusClass())
                .containsSubsequence(StatusClass.SEHR_NIEDRIG, StatusClass.NIEDRIG, StatusClass.MITTEL);
        List<Integer> positions = entries.stream().map(e -> html.indexOf("href=\"/gebiet/" + e.area().code() + "?")).toList();
        assertThat(positions).doesNotContain(-1).isSorted();
        assertCountsAreTheCardsListed(html);
    }

    @Test
    void negativeDynamicsAreExplainedByTheWorstChanges() {
        ResultView internal = fx.views().internal(2023, true).orElseThrow();
        AttentionList.Entry negative = AttentionList.of(internal, null).entries(AttentionList.Group.FLAGGED).stream()
                .filter(e -> e.drivers().stream().anyMatch(d -> d.component().equals("dynamics"))).findFirst().orElseThrow();
        Drivers.Driver why = negative.drivers().stream().filter(d -> d.component().equals("dynamics")).findFirst().orElseThrow();
        Indicator indicator = internal.catalog().indicator(why.indicatorId()).orElseThrow();
        String code = negative.area().code();
        String staff = fx.loggedIn("analyst1").get("/aufmerksamkeit").body();
        // the change in words, since the base year, against the county's change
        assertThat(cardOf(staff, code)).contains(indicator.nameDe() + ": "
                        + Texts.GERMAN.signed(internal.change(indicator.id(), code, 2023).value(), indicator.precision())
                        + " Prozentpunkte seit " + internal.baseYear() + " – Landkreis Musterstadt "
                        + Texts.GERMAN.signed(internal.change(indicator.id(), "K", 2023).value(), indicator.precision()))
                .contains("z = " + Texts.GERMAN.number(why.z(), 2));
        assertThat(internal.baseYear()).isEqualTo(2021);
        // an area flagged for its status alone is explained by its status indicators only
        String statusOnly = AttentionList.of(internal, null).entries(AttentionList.Group.FLAGGED).stream()
                .filter(e -> e.classes().dynamicsClass() != DynamicsClass.NEGATIV).findFirst().orElseThrow().area().code();
        assertThat(cardOf(staff, statusOnly)).doesNotContain("Prozentpunkte seit");
    }
}
