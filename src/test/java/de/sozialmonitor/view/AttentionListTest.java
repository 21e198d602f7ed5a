package de.sozialmonitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.PrivacyConfig;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.privacy.FrozenResults;
import de.sozialmonitor.view.AttentionList.Group;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The attention list groups against the previous release and orders each group by need. */
class AttentionListTest {
    /** One area's classes: status class, status index, dynamics class, attention. */
    record State(String status, double index, String dynamics, boolean attention) {
    }

    static ResultView view(int year, Map<String, State> states) {
        Map<String, AreaInfo> areas = new LinkedHashMap<>();
        areas.put("K", new AreaInfo("K", "Kreis", "Kreis", null, 0));
        areas.put("G", new AreaInfo("G", "Gemeinde", "Gemeinde", "K", 1));
        states.keySet().forEach(code -> areas.put(code, new AreaInfo(code, "Ort " + code, "Ortsteil", "G", 2)));
        List<FrozenResults.AreaRow> rows = new ArrayList<>();
        states.forEach((code, s) -> rows.add(new FrozenResults.AreaRow(code, year, s.index(), s.status(), 0.0, s.dynamics(), s.attention(), null)));
        MethodConfig d = MethodConfig.defaults();
        // no indicators: the test is about classes (and every entering figure of none is shown)
        MethodConfig method = new MethodConfig("Ortsteil", "pop_total", 300, Map.of(), Map.of(), 3, d.statusThresholds(),
                d.dynamicsThresholds(), d.attentionRule(), Map.of(), d.standardisation(), d.exclude());
        ResultView.Frozen frozen = new ResultView.Frozen(method, new IndicatorCatalog(List.of(), List.of()),
                PrivacyConfig.defaults(), "Ortsteil", year, areas, List.of(), List.of());
        ResultView.Source source = new ResultView.Source(null, year, null, null, null, null, null, false, false);
        return ResultView.ofComputedValues(source, new ResultView.Territory("K", "Kreis", true), frozen, List.of(), rows, Map.of());
    }

    static List<String> codes(AttentionList list, Group g) {
        return list.entries(g).stream().map(e -> e.area().code()).toList();
    }

    @Test
    void areasAreGroupedAgainstThePreviousReleaseAndOrderedByNeed() {
        Map<String, State> before = new LinkedHashMap<>();
        before.put("A", new State("mittel", 0.2, "stabil", false));
        before.put("B", new State("niedrig", 1.2, "stabil", true));
        before.put("C", new State("niedrig", 1.1, "stabil", true));
        before.put("D", new State("hoch", -1.5, "stabil", false));
        before.put("E", new State("mittel", 0.0, "stabil", false));
        before.put("F", new State("sehr_niedrig", 1.8, "negativ", true));
        before.put("H", new State("mittel", 0.9, "stabil", false));
        Map<String, State> now = new LinkedHashMap<>();
        now.put("A", new State("niedrig", 1.3, "stabil", true));       // new
        now.put("B", new State("sehr_niedrig", 1.9, "stabil", true));  // still
        now.put("C", new State("mittel", 0.7, "stabil", false));       // no longer
        now.put("D", new State("mittel", -0.5, "stabil", false));      // fell from hoch to mittel: early warning only
        now.put("E", new State("mittel", 0.5, "negativ", true));       // new, by its dynamics
        now.put("F", new State("sehr_niedrig", 1.6, "stabil", true));  // still
        now.put("H", new State("sehr_niedrig", 2.4, "stabil", true));  // new, most need
        now.put("N", new State("niedrig", 1.4, "stabil", true));       // a new area: it had no classes before

        AttentionList list = AttentionList.of(view(2024, now), view(2023, before));

        assertThat(list.shownGroups()).containsExactly(Group.NEW, Group.CONTINUING, Group.ENDED, Group.WATCH);
        // by need: status class first (sehr niedrig before niedrig before mittel), then negative dynamics, then the index
        assertThat(codes(list, Group.NEW)).containsExactly("H", "N", "A", "E");
        assertThat(codes(list, Group.CONTINUING)).containsExactly("B", "F");
        assertThat(codes(list, Group.ENDED)).containsExactly("C");
        assertThat(codes(list, Group.WATCH)).containsExactly("D");
        assertThat(list.count(Group.NEW)).isEqualTo(4);
        // an area appears in one group only, and an area that neither needs attention nor warns is not listed
        assertThat(list.groups().values().stream().mapToInt(List::size).sum()).isEqualTo(8);
    }

    @Test
    void withoutAPreviousReleaseTheListHasTheFlaggedAreasOnly() {
        Map<String, State> now = new LinkedHashMap<>();
        now.put("A", new State("niedrig", 1.3, "stabil", true));
        now.put("B", new State("mittel", 0.1, "stabil", false));
        now.put("C", new State("sehr_niedrig", 1.6, "positiv", true));
        AttentionList list = AttentionList.of(view(2024, now), null);
        assertThat(list.shownGroups()).containsExactly(Group.FLAGGED);
        assertThat(codes(list, Group.FLAGGED)).containsExactly("C", "A");
    }

    @Test
    void staffSeeTheIndexAndItsBandTheBandOfAnAreaWithWithheldFiguresIsNotPublished() {
        Map<String, State> now = Map.of("A", new State("niedrig", 1.23, "stabil", true));
        AreaClasses a = view(2024, now).classes("A").orElseThrow();
        assertThat(a.statusIndex()).isEqualTo(1.23);
        // every entering figure is shown (the catalog has no indicators here): the band is there
        assertThat(a.statusBand()).isEqualTo(new de.sozialmonitor.privacy.IndexBand(1.0, 1.5));
    }
}
