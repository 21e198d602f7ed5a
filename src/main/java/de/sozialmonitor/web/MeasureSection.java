package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.i18n.TextBundle;
import de.sozialmonitor.method.TrendComparison;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.Measure;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.view.MeasureView;
import j2html.tags.DomContent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures as the public pages show them (the area profile, the page of all measures): the facts
 * of each measure and how the indicators it aims at developed before and after its start beside
 * the county, always labelled as a description, not proof of effect. Renders a {@link MeasureView}.
 */
final class MeasureSection {
    private MeasureSection() {
    }

    static TextBundle texts(Viewer v) {
        return TextBundle.of("i18n.steering", v.texts().locale());
    }

    /** The section of an area profile: the measures concerning the area, or nothing if there are none. */
    static DomContent forArea(Viewer v, MeasureView measures, String areaCode, String query) {
        List<MeasureView.Entry> entries = measures.concerning(areaCode);
        if (entries.isEmpty()) {
            return text("");
        }
        TextBundle st = texts(v);
        return section(h2(st.get("measures.title")).withId("massnahmen"),
                p(st.get("measures.profileIntro")).withClass("hint"),
                each(entries, e -> measure(v, measures, e, query, areaCode, 3)),
                p(a(st.get("measures.all")).withHref("/massnahmen?" + query)).withClass("no-print"))
                .withClass("measures");
    }

    /**
     * One measure: facts, description, and the before/after table of its indicators (restricted to
     * one area if given); its title a heading of {@code level} (2 on the page of all measures, 3
     * inside the profile's section), so that heading levels never skip one.
     */
    static DomContent measure(Viewer v, MeasureView measures, MeasureView.Entry e, String query, String onlyArea, int level) {
        TextBundle st = texts(v);
        Texts t = v.texts();
        Measure m = e.measure();
        List<DomContent> facts = new ArrayList<>();
        fact(facts, st.get("measures.field"), m.fieldOfAction());
        fact(facts, st.get("measures.office"), m.office());
        fact(facts, st.get("measures.period"), period(st, t, m));
        fact(facts, st.get("measures.budget"), m.budget() == null ? null : money(t, m.budget()));
        fact(facts, st.get("measures.funding"), m.funding());
        fact(facts, st.get("measures.targetGroup"), m.targetGroup());
        facts.add(dt(st.get("measures.areas")));
        facts.add(dd(each(e.areas(), a -> span(a(a.name()).withHref("/gebiet/" + Layout.enc(a.code()) + "?" + query), text(" "))),
                iff(!e.otherAreas().isEmpty(), span(st.get("measures.otherAreas", String.join(", ", e.otherAreas()))))));
        List<String> aimed = m.indicatorIds().stream().map(id -> measures.view().catalog().indicator(id)
                .map(i -> i.name(v.lang())).orElse(id)).toList();
        fact(facts, st.get("measures.indicators"), aimed.isEmpty() ? null : String.join(", ", aimed));
        List<MeasureView.Trend> trends = measures.trends(e).stream()
                .filter(tr -> onlyArea == null || tr.area().code().equals(onlyArea) || !e.covers(onlyArea)).toList();
        DomContent[] title = {text(m.title()), iff(!m.shownPublic(), span(" " + st.get("measures.internal")).withClass("badge internal"))};
        return article(
                level == 2 ? h2(title) : h3(title),
                dl(each(facts, x -> x)).withClass("definition measure-facts"),
                iff(m.description() != null, p(m.description() == null ? "" : m.description())),
                iff(!trends.isEmpty(), trendTable(v, trends, m)))
                .withClass("measure").withId("massnahme-" + m.key().replaceAll("[^A-Za-z0-9_-]", "-"));
    }

    private static DomContent trendTable(Viewer v, List<MeasureView.Trend> trends, Measure m) {
        TextBundle st = texts(v);
        Texts t = v.texts();
        int base = TrendComparison.baseYearOf(m.start().getYear());
        String area = st.get("measures.trendArea");
        String county = st.get("measures.trendCounty");
        return div(
                table(caption(st.get("measures.trendTitle")),
                        thead(tr(th(area).attr("scope", "col"), th(st.get("measures.trendIndicator")).attr("scope", "col"),
                                th(st.get("measures.trendBefore") + " – " + area).attr("scope", "col"),
                                th(st.get("measures.trendBefore") + " – " + county).attr("scope", "col"),
                                th(st.get("measures.trendAfter") + " – " + area).attr("scope", "col"),
                                th(st.get("measures.trendAfter") + " – " + county).attr("scope", "col"),
                                th(st.get("measures.trendDid")).attr("scope", "col"),
                                th(st.get("measures.trendReading")).attr("scope", "col"))),
                        tbody(each(trends, tr -> trendRow(v, st, t, tr)))).withClass("data-table stack trend-table"),
                p(st.get("measures.trendIntro", base)).withClass("hint"))
                .withClass("trend");
    }

    private static DomContent trendRow(Viewer v, TextBundle st, Texts t, MeasureView.Trend tr) {
        TrendComparison c = tr.comparison();
        Indicator i = tr.indicator();
        int d = i.precision() + 1;
        String area = st.get("measures.trendArea");
        String county = st.get("measures.trendCounty");
        if (!c.made()) {
            return tr(th(tr.area().name()).attr("scope", "row"), td(i.name(v.lang())).attr("data-label", st.get("measures.trendIndicator")),
                    td(st.get("measures.reason." + c.reason(), c.baseYear())).attr("colspan", "6").attr("data-label", st.get("measures.trendReading")));
        }
        String before = " (" + st.get("measures.trendYears", c.firstYear(), c.baseYear()) + ")";
        String after = " (" + st.get("measures.trendYears", c.baseYear(), c.lastYear()) + ")";
        return tr(th(tr.area().name()).attr("scope", "row"),
                td(i.name(v.lang()) + " (" + st.get("measures.unit", i.unit()) + ")").attr("data-label", st.get("measures.trendIndicator")),
                td(signed(t, c.areaBefore(), d) + before).withClass("num").attr("data-label", st.get("measures.trendBefore") + " – " + area),
                td(signed(t, c.countyBefore(), d)).withClass("num").attr("data-label", st.get("measures.trendBefore") + " – " + county),
                td(signed(t, c.areaAfter(), d) + after).withClass("num").attr("data-label", st.get("measures.trendAfter") + " – " + area),
                td(signed(t, c.countyAfter(), d)).withClass("num").attr("data-label", st.get("measures.trendAfter") + " – " + county),
                td(signed(t, c.differenceOfDifferences(), d)).withClass("num strong").attr("data-label", st.get("measures.trendDid")),
                td(st.get("measures.reading." + c.reading(i.polarity().sign(), i.precision()))).attr("data-label", st.get("measures.trendReading")));
    }

    static String signed(Texts t, Double v, int decimals) {
        if (v == null) {
            return "–";
        }
        String s = t.number(Math.abs(v), decimals);
        return (v < 0 && !s.matches("[0,.]+") ? "−" : v > 0 && !s.matches("[0,.]+") ? "+" : "") + s;
    }

    private static void fact(List<DomContent> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(dt(label));
            facts.add(dd(value));
        }
    }

    static String period(TextBundle st, Texts t, Measure m) {
        return m.end() == null ? st.get("measures.periodOpen", date(t, m.start()))
                : st.get("measures.periodRange", date(t, m.start()), date(t, m.end()));
    }

    static String date(Texts t, LocalDate d) {
        return d == null ? "" : "de".equals(t.language()) ? d.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) : d.toString();
    }

    static String money(Texts t, BigDecimal amount) {
        int decimals = amount.stripTrailingZeros().scale() > 0 ? 2 : 0;
        return "de".equals(t.language()) ? t.number(amount.doubleValue(), decimals) + " €" : "€" + t.number(amount.doubleValue(), decimals);
    }

    /** The hatching of areas with measures, one pattern for the map's paths and the legend's swatch (fill="url(#measure-hatch)"). */
    private static final String HATCH = "<svg class=\"hatch-defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\">"
            + "<defs><pattern id=\"measure-hatch\" patternUnits=\"userSpaceOnUse\" width=\"7\" height=\"7\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"7\" height=\"7\" fill=\"#ffffff\" fill-opacity=\"0.15\"/>"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" stroke=\"#3f007d\" stroke-width=\"2.6\"/></pattern></defs></svg>";

    /**
     * The map's measure layer: a switch (on at first) that marks the areas of the shown level with a
     * measure the viewer may see (the public: those marked public), hatched, and its legend entry
     * with the count; nothing where there is none. The map's script draws the layer from the map
     * data's {@code measures} property.
     */
    static DomContent mapLayer(Viewer v, MeasureView measures, String level) {
        int marked = measures.byArea(level).size();
        if (marked == 0) {
            return text("");
        }
        TextBundle st = texts(v);
        return div(rawHtml(HATCH),
                label(input().withType("checkbox").withId("measure-layer").attr("checked", "checked"), text(" " + st.get("measures.mapLayer")))
                        .withClass("measure-layer-switch"),
                p(rawHtml("<svg class=\"swatch swatch-measures\" viewBox=\"0 0 21 16\" aria-hidden=\"true\" focusable=\"false\">"
                                + "<rect width=\"21\" height=\"16\" fill=\"url(#measure-hatch)\" stroke=\"#3f007d\" stroke-width=\"2\"/></svg>"),
                        text(st.get("measures.mapLegend") + " (" + marked + ")")).withClass("legend-measures"),
                p(a(st.get("measures.all")).withHref("/massnahmen")).withClass("hint"))
                .withClass("legend measure-layer");
    }

    /** The areas of a measure as a short text (for tables and the map). */
    static String areaNames(MeasureView.Entry e) {
        List<String> names = new ArrayList<>(e.areas().stream().map(AreaInfo::name).toList());
        names.addAll(e.otherAreas());
        return String.join(", ", names);
    }
}
