package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.i18n.TextBundle;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.ReferenceRegion;
import de.sozialmonitor.view.Figure;
import de.sozialmonitor.view.ReferenceView;
import j2html.tags.DomContent;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference regions on the public pages: on an area profile the county's official figure, its
 * Land and Germany beside the area and the county as the monitoring computes it; on an indicator
 * page every reference region. Renders a {@link ReferenceView}; years other than the shown one are
 * named in each cell.
 */
final class ReferenceSection {
    private ReferenceSection() {
    }

    /** The profile's section, or nothing if no reference region has a value for any of the indicators. */
    static DomContent forArea(Viewer v, ReferenceView refs, AreaProfilePage.ProfileFigures profile) {
        List<ReferenceRegion> regions = refs.forProfile();
        int year = profile.year();
        List<Indicator> rows = profile.indicators().stream()
                .filter(i -> regions.stream().anyMatch(r -> refs.value(i, r.code(), year).isPresent())).toList();
        if (rows.isEmpty()) {
            return text("");
        }
        TextBundle st = MeasureSection.texts(v);
        Texts t = v.texts();
        String rootName = profile.root() == null ? t.get("profile.root") : profile.root().name();
        return section(h2(st.get("references.title")).withId("vergleichsregionen"),
                p(st.get("references.profileIntro", year)).withClass("hint"),
                table(thead(tr(th(t.get("profile.indicator")).attr("scope", "col"),
                                th(profile.area().name()).attr("scope", "col"),
                                iff(profile.root() != null && !profile.root().code().equals(profile.area().code()),
                                        th(st.get("references.monitoring", rootName)).attr("scope", "col")),
                                each(regions, r -> th(columnName(st, refs, r)).attr("scope", "col")))),
                        tbody(each(rows, i -> tr(
                                th(text(i.name(v.lang())), span(" (" + i.unit() + ")").withClass("unit")).attr("scope", "row"),
                                td(Pages.cellText(t, profile.value(i.id()), i.precision())).withClass("num strong"),
                                iff(profile.root() != null && !profile.root().code().equals(profile.area().code()),
                                        td(Pages.cellText(t, profile.rootValue(i.id()), i.precision())).withClass("num")),
                                each(regions, r -> td(cell(t, refs.value(i, r.code(), year), i, year)).withClass("num"))))))
                        .withClass("data-table profile-table reference-table"),
                p(st.get("references.note")).withClass("hint"))
                .withClass("references");
    }

    /** The indicator page's table of every reference region with a value (folded), or nothing. */
    static DomContent forIndicator(Viewer v, ReferenceView refs, Indicator i, int year, Figure county, String countyName) {
        TextBundle st = MeasureSection.texts(v);
        Texts t = v.texts();
        List<Map.Entry<ReferenceRegion, ReferenceView.Value>> rows = refs.all().stream()
                .map(r -> refs.value(i, r.code(), year).filter(ReferenceView.Value::shown).map(x -> Map.entry(r, x)).orElse(null))
                .filter(e -> e != null)
                .sorted(Comparator.comparing((Map.Entry<ReferenceRegion, ReferenceView.Value> e) -> e.getValue().value()).reversed())
                .toList();
        if (rows.isEmpty()) {
            return text("");
        }
        return section(h2(st.get("references.title")).withId("vergleichsregionen"),
                p(st.get("references.indicatorIntro", year, countyName,
                        county != null && county.shown() ? t.number(county.value(), i.precision()) : "–")).withClass("hint"),
                details(summary(st.get("references.table", rows.size())),
                        table(thead(tr(th(st.get("references.region")).attr("scope", "col"), th(st.get("references.code")).attr("scope", "col"),
                                        th(st.get("references.kind")).attr("scope", "col"), th(t.get("profile.value")).attr("scope", "col"))),
                                tbody(each(rows, e -> tr(th(columnName(st, refs, e.getKey())).attr("scope", "row"),
                                        td(e.getKey().code()), td(st.get("references.kind." + e.getKey().kind().code())),
                                        td(cell(t, Optional.of(e.getValue()), i, year)).withClass("num"))
                                        .withCondClass(refs.isTerritory(e.getKey()), "own"))))
                                .withClass("data-table reference-table")),
                p(st.get("references.note")).withClass("hint"))
                .withClass("references");
    }

    private static String columnName(TextBundle st, ReferenceView refs, ReferenceRegion r) {
        return refs.isTerritory(r) ? st.get("references.official", r.name()) : r.name();
    }

    /** The value with the indicator's precision, its year if not the shown one; a placeholder's symbol; a dash for none. */
    static String cell(Texts t, Optional<ReferenceView.Value> value, Indicator i, int year) {
        if (value.isEmpty()) {
            return "–";
        }
        ReferenceView.Value x = value.get();
        String s = x.shown() ? t.number(x.value(), i.precision()) : x.status().symbol();
        return x.year() == year ? s : s + " (" + x.year() + ")";
    }
}
