package de.sozialmonitor.report;

import de.sozialmonitor.method.MethodProse;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.Polarity;

import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.report.ReportModel.AreaResult;
import de.sozialmonitor.report.ReportModel.AttentionEntry;
import de.sozialmonitor.report.ReportModel.Cell;
import de.sozialmonitor.report.ReportModel.ChangeEntry;
import de.sozialmonitor.report.ReportModel.IndicatorDescription;
import de.sozialmonitor.report.ReportModel.ProfilePage;
import de.sozialmonitor.report.svg.ChoroplethMap;
import de.sozialmonitor.report.svg.ChoroplethMap.Swatch;
import de.sozialmonitor.report.svg.TrendChart;
import de.sozialmonitor.view.Choropleth;
import de.sozialmonitor.view.Drivers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * THE report template: one XHTML document, used as it is for {@code --format html} and given to
 * openhtmltopdf for {@code --format pdf}. Print layout (pages, running header and footer) is CSS
 * {@code @page}; the screen gets the same content in one column. Section order follows issue 7.
 */
public final class ReportHtml {

    private final ReportModel m;
    private final ReportTexts t;
    private final Html h = new Html();
    /** Symbols used in the current table, for its footnote. */
    private final Set<String> usedSymbols = new LinkedHashSet<>();
    /** Chapters written so far. */
    private int chapters;

    public ReportHtml(ReportModel model) {
        this.m = model;
        this.t = new ReportTexts(model.options().language());
    }

    public static String render(ReportModel model) {
        return new ReportHtml(model).render();
    }

    public String render() {
        String title = m.territory().name() + " – " + t.get("report.kind") + " " + m.release().referenceYear();
        h.raw("<!DOCTYPE html>\n");
        h.open("html", "xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + t.language() + "\" xml:lang=\"" + t.language() + "\"").nl();
        h.open("head").raw("<meta charset=\"UTF-8\"/>").el("title", title)
                .raw("<meta name=\"subject\" content=\"" + Html.esc(t.get("report.subtitle")) + "\"/>")
                .raw("<meta name=\"author\" content=\"" + Html.esc(m.territory().name()) + "\"/>")
                .raw("<meta name=\"keywords\" content=\"" + Html.esc(t.get("report.release", m.release().number()) + ", "
                        + m.release().checksum()) + "\"/>")
                .raw("<meta name=\"generator\" content=\"Sozialmonitor\"/>")
                .open("style").raw(css()).close("style").close("head").nl();
        h.open("body", m.options().internal() ? "class=\"internal\"" : null).nl();
        runningElements();
        titlePage();
        summary();
        method();
        maps();
        tables();
        references();
        measures();
        profiles();
        annex();
        h.close("body").close("html").nl();
        return h.toString();
    }

    // ---------------------------------------------------------------- frame

    private void runningElements() {
        h.open("div", "class=\"running-header\"");
        h.el("span", "class=\"rh-left\"", m.territory().name() + " · " + t.get("report.kind") + " "
                + m.release().referenceYear());
        h.el("span", "class=\"rh-right\"", t.get("report.release", m.release().number())
                + (m.release().published() ? "" : " · " + t.get("report.status.draft")));
        if (m.options().internal()) {
            h.el("div", "class=\"internal-banner\"", t.get("report.internal"));
        }
        if (m.territory().synthetic()) {
            h.el("div", "class=\"synthetic-banner\"", t.get("report.synthetic"));
        }
        if (!m.territory().source().isEmpty()) {
            h.el("div", "class=\"source-banner\"", t.get("report.source", m.territory().source()));
        }
        h.close("div").nl();
        h.open("div", "class=\"running-footer\"");
        h.el("span", "class=\"rf-left\"", t.get("report.checksum") + ": " + shortChecksum());
        h.open("span", "class=\"rf-right\"").text(t.get("report.page") + " ").raw("<span class=\"pagenum\"></span>")
                .text(" " + t.get("report.pageOf") + " ").raw("<span class=\"pagecount\"></span>").close("span");
        h.close("div").nl();
    }

    private String shortChecksum() {
        String c = m.release().checksum();
        return c == null ? "" : c.length() > 16 ? c.substring(0, 16) + "…" : c;
    }

    private void titlePage() {
        h.open("section", "class=\"title-page\"");
        h.el("div", "class=\"tp-territory\"", m.territory().name());
        h.el("h1", "class=\"tp-title\"", t.get("report.kind") + " " + m.release().referenceYear());
        h.el("div", "class=\"tp-subtitle\"", t.get("report.subtitle"));
        h.open("div", "class=\"tp-box\"");
        h.el("p", "class=\"tp-release\"", t.get("report.release", m.release().number())
                + (m.release().title() == null || m.release().title().isBlank() ? "" : ": " + m.release().title()));
        h.el("p", t.get("report.referenceYear", Integer.toString(m.release().referenceYear())));
        h.el("p", t.get("report.createdOn", t.date(m.release().createdOn())));
        if (m.release().published()) {
            h.el("p", t.get("report.publishedOn", t.date(m.release().publishedOn())));
        }
        h.el("p", "class=\"tp-status " + (m.release().published() ? "published" : "draft") + "\"",
                m.release().published() ? t.get("report.status.published") : t.get("report.status.draft"));
        h.el("p", "class=\"tp-privacy\"", m.options().internal() ? t.get("report.internal") : t.get("report.public"));
        if (m.territory().synthetic()) {
            h.el("p", "class=\"tp-synthetic\"", t.get("report.synthetic"));
        }
        if (!m.territory().source().isEmpty()) {
            h.el("p", "class=\"tp-source\"", t.get("report.source", m.territory().source()));
        }
        h.close("div");
        h.open("div", "class=\"tp-contents\"").el("h2", t.get("report.contents")).open("ol");
        String[][] toc = {{"summary", "section.summary"}, {"method", "section.method"}, {"maps", "section.maps"},
                {"tables", "section.tables"}, {"references", "section.references"}, {"measures", "section.measures"},
                {"profiles", "section.profiles"}, {"annex", "section.annex"}};
        for (String[] entry : toc) {
            if ("profiles".equals(entry[0]) && m.profiles().isEmpty()
                    || "references".equals(entry[0]) && m.steering().references().isEmpty()
                    || "measures".equals(entry[0]) && m.steering().measures().isEmpty()) {
                continue;
            }
            h.open("li").raw("<a href=\"#" + entry[0] + "\" title=\"" + Html.esc(t.get(entry[1])) + "\">").text(t.get(entry[1])).close("a").close("li");
        }
        h.close("ol").close("div");
        h.open("div", "class=\"tp-footer\"");
        h.el("p", "class=\"tp-checksum-label\"", t.get("report.checksum"));
        h.el("p", "class=\"tp-checksum\"", m.release().checksum());
        h.el("p", "class=\"tp-generated\"", t.get("report.generated", m.release().number()));
        h.close("div");
        h.close("section").nl();
    }

    // ---------------------------------------------------------------- 1 summary

    private void summary() {
        chapter("summary", t.get("section.summary"));
        h.open("div", "class=\"summary-text\"");
        for (String sentence : new SummaryWriter(m, t).sentences()) {
            h.el("p", sentence);
        }
        h.close("div");
        keyFigures();
        classMatrix();
        changesTable();
        h.close("section").nl();
    }

    private void keyFigures() {
        h.el("h3", t.get("summary.keyFigures"));
        openTable("key-figures",
                col(t.get("col.indicator"), "left"),
                col(t.get("col.territory", m.territory().name()), null),
                col(t.get("col.min"), null),
                col(t.get("col.max"), null));
        for (IndicatorDescription ind : m.attentionIndicators()) {
            List<Double> values = m.areas().stream().map(a -> a.value(ind.id())).filter(Cell::hasValue)
                    .map(Cell::value).sorted().toList();
            h.open("tr");
            td(ind.name() + " (" + ind.unit() + ")", "left");
            cellTd(m.territoryTotal() == null ? Cell.missing() : m.territoryTotal().value(ind.id()), ind.precision());
            cellTd(values.isEmpty() ? Cell.missing() : Cell.of(values.get(0)), ind.precision());
            cellTd(values.isEmpty() ? Cell.missing() : Cell.of(values.get(values.size() - 1)), ind.precision());
            h.close("tr");
        }
        h.close("tbody").close("table");
        symbolFootnote();
    }

    private void classMatrix() {
        h.el("h3", t.get("summary.matrix"));
        List<Column> columns = new ArrayList<>();
        columns.add(col(t.get("col.statusClass") + " \\ " + t.get("col.dynamicsClass"), "left"));
        for (DynamicsClass d : DynamicsClass.values()) {
            columns.add(col(t.classLabel(d.code()), null));
        }
        columns.add(col(t.get("class.excluded"), null));
        openTable("matrix", columns);
        for (StatusClass s : StatusClass.values()) {
            h.open("tr");
            td(t.classLabel(s.code()), "left");
            for (DynamicsClass d : DynamicsClass.values()) {
                long n = m.areas().stream().filter(a -> a.statusClass() == s && a.dynamicsClass() == d).count();
                boolean attention = m.areas().stream().anyMatch(a -> a.statusClass() == s && a.dynamicsClass() == d && a.attention());
                h.el("td", "class=\"num" + (attention ? " flag" : "") + "\"", Long.toString(n));
            }
            long noDyn = m.areas().stream().filter(a -> a.statusClass() == s && a.dynamicsClass() == null).count();
            h.el("td", "class=\"num\"", Long.toString(noDyn));
            h.close("tr");
        }
        long excluded = m.areas().stream().filter(a -> a.statusClass() == null).count();
        h.open("tr");
        td(t.get("class.excluded"), "left");
        h.el("td", "class=\"num\" colspan=\"3\"", "");
        h.el("td", "class=\"num\"", Long.toString(excluded));
        h.close("tr");
        h.close("tbody").close("table");
    }

    private void changesTable() {
        ReportModel.Changes changes = m.changes();
        if (changes.previousNumber() == null || changes.changes().isEmpty()) {
            return;
        }
        h.el("h3", t.get("changes.title", changes.previousNumber()));
        openTable("changes",
                col(t.get("col.area"), "left"),
                col(t.get("changes.kind"), "left"),
                col(t.get("changes.before"), null),
                col(t.get("changes.after"), null));
        for (ChangeEntry c : changes.changes()) {
            h.open("tr");
            td(c.areaName(), "left");
            String kind = c.kind() == ReportModel.ChangeKind.THRESHOLD_CROSSED
                    ? t.get("changes.THRESHOLD_CROSSED", m.indicator(c.indicatorId()).name() + " "
                    + t.number(c.threshold(), m.indicator(c.indicatorId()).precision()))
                    : t.get("changes." + c.kind().name());
            td(kind, "left");
            String[] beforeAfter = beforeAndAfter(c);
            td(beforeAfter[0], "left");
            td(beforeAfter[1], "left");
            h.close("tr");
        }
        h.close("tbody").close("table");
    }

    /**
     * What the "before" and "now" columns say for a change: the classes for a class change; for a
     * change of the attention flag the flag and, now, the classes that set it; for a crossed
     * threshold the threshold and the area's value now (never "mittel → mittel" or "– → –").
     */
    private String[] beforeAndAfter(ChangeEntry c) {
        AreaResult now = m.areas().stream().filter(a -> a.code().equals(c.areaCode())).findFirst().orElse(null);
        return switch (c.kind()) {
            case NEW_ATTENTION, ATTENTION_ENDED -> {
                boolean flagged = c.kind() == ReportModel.ChangeKind.NEW_ATTENTION;
                String classes = now == null || now.statusClass() == null ? "" : " (" + classesInWords(now) + ")";
                yield new String[] {t.get(flagged ? "changes.flag.no" : "changes.flag.yes"),
                        t.get(flagged ? "changes.flag.yes" : "changes.flag.no") + classes};
            }
            case THRESHOLD_CROSSED -> {
                IndicatorDescription ind = m.indicator(c.indicatorId());
                Cell value = now == null ? Cell.missing() : now.value(ind.id());
                yield new String[] {t.get("changes.threshold.before", t.number(c.threshold(), ind.precision())),
                        t.cell(value, ind.precision()) + (value.hasValue() ? " " + ind.unit() : "")};
            }
            default -> new String[] {changeValue(c.before()), changeValue(c.after())};
        };
    }

    private String classesInWords(AreaResult a) {
        return t.get("col.statusClass") + " " + t.classLabel(a.statusClass().code())
                + (a.dynamicsClass() == null ? "" : ", " + t.get("col.dynamicsClass") + " " + t.classLabel(a.dynamicsClass().code()));
    }

    private String changeValue(String v) {
        if (v == null) {
            return "–";
        }
        String label = t.get("class." + v);
        return label.equals("class." + v) ? v : label;
    }

    // ---------------------------------------------------------------- 2 method

    private void method() {
        ReportModel.MethodInfo mi = m.method();
        chapter("method", t.get("section.method"));
        int year = m.release().referenceYear();
        h.el("p", t.get("method.intro", m.release().number()));
        MethodConfig config = new MethodConfig(mi.analysisLevel(), null, mi.minPopulation(), mi.statusWeights(), mi.dynamicsWeights(),
                mi.dynamicsYears(), mi.statusThresholds(), mi.dynamicsThresholds(), mi.attentionRule(), mi.earlyWarningThresholds(),
                mi.standardisation(), mi.exclude());
        List<MethodProse.IndicatorRef> names = m.indicators().stream()
                .map(i -> new MethodProse.IndicatorRef(i.id(), i.name(), i.polarity() == Polarity.HIGHER_IS_BETTER)).toList();
        for (String paragraph : MethodProse.paragraphs(new MethodProse.Parameters(year, config, names, mi.analysisLevel(),
                mi.minCount(), mi.minPopulationForRates()), t.locale())) {
            h.el("p", paragraph);
        }
        if (m.options().internal()) {
            h.el("p", "class=\"internal-note\"", t.get("method.privacy.internal"));
        }
        h.el("h3", t.get("col.indicators"));
        openTable("method-indicators",
                col(t.get("col.indicator"), "left"),
                col(t.get("col.definition"), "left"),
                col(t.get("col.weight"), null));
        for (IndicatorDescription ind : m.attentionIndicators()) {
            h.open("tr");
            h.open("td", "class=\"left\"").el("strong", ind.name()).raw("<br/>").el("span", "class=\"small\"", ind.source()).close("td");
            td(ind.definition(), "left small");
            Double w = mi.statusWeights().get(ind.id());
            td(w == null ? "–" : t.number(w, w == Math.rint(w) ? 0 : 2), null);
            h.close("tr");
        }
        h.close("tbody").close("table");
        if (!mi.stats().isEmpty()) {
            h.el("h3", t.get("method.stats"));
            openTable("stats",
                    col(t.get("col.indicator"), "left"),
                    col(t.get("col.component"), null),
                    col(t.get("col.n"), null),
                    col(t.get("col.mean"), null),
                    col(t.get("col.sd"), null));
            for (ReportModel.IndicatorStat s : mi.stats()) {
                IndicatorDescription ind = m.indicators().stream().filter(i -> i.id().equals(s.indicatorId())).findFirst().orElse(null);
                if (ind == null) {
                    continue; // the method's own rows (the index, "_index") are no indicator of the catalog
                }
                String name = ind.name();
                int precision = ind.precision() + 1;
                h.open("tr");
                td(name + (s.leftOut() ? " (" + t.get("method.leftOut") + ")" : ""), "left");
                td(t.get("component." + s.component()), null);
                td(Integer.toString(s.n()), null);
                td(s.mean() == null ? "x" : t.number(s.mean(), precision), null);
                td(s.sd() == null ? "x" : t.number(s.sd(), precision), null);
                h.close("tr");
            }
            h.close("tbody").close("table");
        }
        h.close("section").nl();
    }

    // ---------------------------------------------------------------- 3 maps

    private void maps() {
        chapter("maps", t.get("section.maps"));
        if (m.map().isEmpty()) {
            h.el("p", t.get("map.noData"));
            h.close("section").nl();
            return;
        }
        h.el("p", t.get("maps.intro", m.method().analysisLevel()));
        int year = m.release().referenceYear();
        figure(statusMap(), t.get("map.status", Integer.toString(year)));
        figure(dynamicsMap(), t.get("map.dynamics", Integer.toString(year - m.method().dynamicsYears()), Integer.toString(year)));
        figure(overallMap(), t.get("map.overall", Integer.toString(year)));
        h.el("h2", "class=\"subchapter\"", t.get("section.indicatorMaps"));
        for (IndicatorDescription ind : m.attentionIndicators()) {
            figure(indicatorMap(ind), t.get("map.indicator", ind.name(), Integer.toString(year)));
        }
        h.close("section").nl();
    }

    private int mapNumber;

    private void figure(String svg, String caption) {
        mapNumber++;
        h.open("figure", "class=\"map\"").el("figcaption", t.get("map.caption", mapNumber, caption)).raw(svg)
                .close("figure").nl();
    }

    String statusMap() {
        return map(t.get("map.status", Integer.toString(m.release().referenceYear())), t.get("map.legend.status"), "status");
    }

    String dynamicsMap() {
        int year = m.release().referenceYear();
        return map(t.get("map.dynamics", Integer.toString(year - m.method().dynamicsYears()), Integer.toString(year)),
                t.get("map.legend.dynamics"), "dynamics");
    }

    String overallMap() {
        return map(t.get("map.overall", Integer.toString(m.release().referenceYear())), t.get("map.legend.overall"), "attention");
    }

    String indicatorMap(IndicatorDescription ind) {
        return map(t.get("map.indicator", ind.name(), Integer.toString(m.release().referenceYear())),
                t.get("map.legend.indicator", ind.unit()), "ind:" + ind.id());
    }

    /** A map of the classes the web map shows for the same areas: {@link Choropleth}'s classes, colours and legend. */
    private String map(String title, String legendTitle, String mode) {
        Choropleth.Shading shading = m.map().shadings().get(mode);
        List<Swatch> legend = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Swatch noData = null;
        for (Choropleth.LegendEntry e : shading.legend()) {
            if (e.noValue()) {
                noData = new Swatch(e.colour(), e.label());
            } else {
                legend.add(new Swatch(e.colour(), e.label()));
                keys.add(e.key());
            }
        }
        Map<String, Integer> categories = new LinkedHashMap<>();
        shading.classes().forEach((code, key) -> categories.put(code, keys.indexOf(key)));
        return map(title, legendTitle, legend, categories, noData);
    }

    private String map(String title, String legendTitle, List<Swatch> legend, Map<String, Integer> categories,
                       Swatch noData) {
        return new ChoroplethMap(title, m.map().areas(), categories, legend, noData,
                m.map().municipalities(), m.map().municipalityNames(), m.map().areaNames(), m.map().labelPoints(),
                t.get("map.source", m.territory().name(), m.release().number(),
                        m.map().geometrySource() == null ? m.territory().name() : m.map().geometrySource()),
                legendTitle, t.get("map.north"), t.get("map.boundary")).render();
    }

    // ---------------------------------------------------------------- 4 tables

    private void tables() {
        chapter("tables", t.get("section.tables"));
        attentionTable();
        h.el("h3", t.get("section.tables") + ": " + m.method().analysisLevel());
        h.el("p", t.get("tables.intro", m.method().analysisLevel()));
        openTable("areas",
                col(t.get("col.code"), "left w-code"),
                col(t.get("col.area"), "left w-name"),
                col(t.get("col.municipality"), "left w-mun"),
                col(t.get("col.population"), "w-num"),
                col(t.get("col.statusIndex"), "w-idx"),
                col(t.get("col.statusClass"), "left w-cls"),
                col(t.get("col.dynamicsIndex"), "w-idx"),
                col(t.get("col.dynamicsClass"), "left w-cls"),
                col(t.get("col.attention"), "center w-att"));
        for (AreaResult a : m.areas()) {
            h.open("tr", a.attention() ? "class=\"flagged\"" : null);
            td(a.code(), "left code");
            td(a.name(), "left");
            td(a.parentName(), "left");
            cellTd(a.population(), 0);
            indexTd(a.statusClass() != null, a.statusIndex(), a.statusBand());
            td(a.statusClass() == null ? t.exclusion(a.excluded()) : t.classLabel(a.statusClass().code()), "left cls");
            indexTd(a.dynamicsClass() != null, a.dynamicsIndex(), a.dynamicsBand());
            td(a.dynamicsClass() == null ? "" : t.classLabel(a.dynamicsClass().code()), "left cls");
            td(a.attention() ? "●" : "", "center");
            h.close("tr");
        }
        h.close("tbody").close("table");
        symbolFootnote();
        if (m.areas().stream().anyMatch(a -> a.statusIndex() == null && a.statusBand() != null
                || a.dynamicsIndex() == null && a.dynamicsBand() != null)) {
            h.el("p", "class=\"footnote\"", t.get("tables.bands"));
        }
        valuesTable(false);
        valuesTable(true);
        h.close("section").nl();
    }

    /**
     * The index where the report may print it, else its band as the web shows it to the public
     * ("+1,0 bis +1,5"; may wrap at its spaces, never inside a number), else "."; "x" without a class.
     */
    private void indexTd(boolean classified, Double index, de.sozialmonitor.privacy.IndexBand band) {
        if (!classified) {
            td(symbol("x"), null);
        } else if (index != null) {
            td(t.index(index), null);
        } else if (band != null) {
            h.open("td", "class=\"num band\"");
            String[] words = t.band(band).split(" ");
            for (int i = 0; i < words.length; i++) {
                h.raw(i == 0 ? "" : " ").raw(nobr(words[i]));
            }
            h.close("td");
        } else {
            td(symbol("."), null);
        }
    }

    private void valuesTable(boolean changes) {
        int year = m.release().referenceYear();
        List<IndicatorDescription> inds = m.attentionIndicators();
        h.el("h3", changes ? changesHeading(inds) : t.get("tables.values", Integer.toString(year), unitsOf(inds)));
        List<Column> columns = new ArrayList<>(List.of(col(t.get("col.area"), "left w-vname")));
        inds.forEach(ind -> columns.add(col(shortName(ind), "ind")));
        openTable("values", columns);
        if (!changes && m.territoryTotal() != null) {
            valuesRow(m.territoryTotal(), inds, false, "total");
        }
        if (!changes) {
            for (AreaResult mun : m.municipalities()) {
                valuesRow(mun, inds, false, "municipality");
            }
        }
        for (AreaResult a : m.areas()) {
            valuesRow(a, inds, changes, null);
        }
        h.close("tbody").close("table");
        symbolFootnote();
    }

    private void valuesRow(AreaResult a, List<IndicatorDescription> inds, boolean changes, String cls) {
        h.open("tr", cls == null ? null : "class=\"" + cls + "\"");
        td(a.name(), "left name");
        for (IndicatorDescription ind : inds) {
            cellTd(changes ? a.change(ind.id()) : a.value(ind.id()), ind.precision());
        }
        h.close("tr");
    }

    /**
     * The attention list as the web shows it (view.AttentionList): against the previous release the
     * groups new, still, no longer and early warning, each ordered by need; without one, the areas
     * that need attention. A summary line per group counts exactly the rows of its table.
     */
    private void attentionTable() {
        h.el("h3", t.get("section.attention"));
        List<ReportModel.AttentionGroup> groups = m.attentionGroups();
        Integer previous = m.changes().previousNumber();
        String basis = previous == null ? null : t.get("attention.basisRelease", previous,
                m.changes().previousYear() == null ? "" : Integer.toString(m.changes().previousYear()));
        h.el("p", t.get("attention.intro"));
        h.el("p", basis == null ? t.get("attention.summaryNoBasis", Integer.toString(m.release().referenceYear()))
                : t.get("attention.summary", Integer.toString(m.release().referenceYear()), basis));
        h.open("ul", "class=\"attention-summary\"");
        for (ReportModel.AttentionGroup g : groups) {
            h.el("li", t.get("attention.group." + groupKey(g), g.entries().size()));
        }
        h.close("ul");
        for (ReportModel.AttentionGroup g : groups) {
            h.el("h4", t.get("attention.group." + groupKey(g), g.entries().size()));
            h.el("p", "class=\"small\"", t.get("attention.group." + groupKey(g) + ".explain", basis == null ? "" : basis));
            if (g.entries().isEmpty()) {
                h.el("p", "class=\"small\"", t.get("attention.group.none"));
                continue;
            }
            openTable("attention",
                    col(t.get("col.area"), "left"),
                    col(t.get("col.municipality"), "left"),
                    col(t.get("col.statusClass"), "left"),
                    col(t.get("col.dynamicsClass"), "left"),
                    col(reasonsHeading(), "left"));
            for (AttentionEntry e : g.entries()) {
                AreaResult a = e.area();
                h.open("tr");
                h.open("td", "class=\"left\"").el("strong", a.name()).raw("<br/>").el("span", "class=\"small code\"", a.code()).close("td");
                td(a.parentName(), "left");
                td(t.classLabel(a.statusClass() == null ? null : a.statusClass().code()), "left cls");
                td(a.dynamicsClass() == null ? "–" : t.classLabel(a.dynamicsClass().code()), "left cls");
                String reasons = reasons(a, e.drivers());
                h.open("td", "class=\"left\"").raw(reasons.isEmpty() ? "–" : reasons).close("td");
                h.close("tr");
            }
            h.close("tbody").close("table");
        }
        symbolFootnote();
    }

    private static String groupKey(ReportModel.AttentionGroup g) {
        return g.group().name().toLowerCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------- reference regions, measures

    /**
     * The county beside its official figure, its Land, Germany and other counties, for each
     * indicator with a reference figure; an earlier year in parentheses. Never mixed into the figures.
     */
    private void references() {
        ReportModel.ReferenceComparison r = m.steering().references();
        if (r.isEmpty()) {
            return;
        }
        chapter("references", t.get("section.references"));
        h.el("p", t.steering("references.profileIntro", Integer.toString(r.year())));
        List<Column> columns = new ArrayList<>(List.of(col(t.get("col.indicator"), "left w-vname"),
                col(t.steering("references.monitoring", m.territory().name()), null)));
        r.regions().forEach(c -> columns.add(col(c.officialTerritory() ? t.steering("references.official", c.name()) : c.name(), null)));
        openTable("references", columns);
        boolean placeholders = false;
        boolean none = false;
        for (ReportModel.ReferenceRow row : r.rows()) {
            IndicatorDescription ind = m.indicator(row.indicatorId());
            h.open("tr");
            td(ind.name() + " (" + ind.unit() + ")", "left name");
            cellTd(row.county(), ind.precision());
            for (ReportModel.ReferenceCell c : row.regions()) {
                if (c.cell().hasValue()) {
                    td(t.number(c.cell().value(), ind.precision()) + (c.year() == null ? "" : " (" + c.year() + ")"), null);
                } else {
                    placeholders |= "reference".equals(c.cell().footnote());
                    none |= !"reference".equals(c.cell().footnote());
                    h.el("td", "class=\"num sym\"", c.cell().symbol());
                }
            }
            h.close("tr");
        }
        h.close("tbody").close("table");
        symbolFootnote();
        h.el("p", "class=\"footnote\"", t.steering("references.note")
                + (placeholders ? " " + t.get("references.placeholders") : "") + (none ? " " + t.get("references.none") : ""));
        h.close("section").nl();
    }

    /**
     * The measures in the county's areas: per area which measures (field of action, period), then
     * each measure with its before/after description, labelled as no proof of effect.
     */
    private void measures() {
        ReportModel.Steering st = m.steering();
        if (st.measures().isEmpty()) {
            return;
        }
        chapter("measures", t.get("section.measures"));
        h.el("p", t.get(m.options().internal() ? "measures.introInternal" : "measures.introPublic"));
        if (!st.measureAreas().isEmpty()) {
            h.el("h3", t.get("measures.byArea"));
            openTable("measure-areas",
                    col(t.get("col.area"), "left"),
                    col(t.steering("measures.title"), "left"),
                    col(t.steering("measures.field"), "left"),
                    col(t.steering("measures.period"), "left"));
            String previous = null;
            for (ReportModel.MeasureArea a : st.measureAreas()) {
                h.open("tr");
                td(a.areaCode().equals(previous) ? "" : a.areaName(), "left name");
                td(a.title() + (a.internalOnly() ? " (" + t.steering("measures.internal") + ")" : ""), "left");
                td(a.fieldOfAction(), "left");
                td(period(a.start(), a.end()), "left nowrap");
                h.close("tr");
                previous = a.areaCode();
            }
            h.close("tbody").close("table");
        }
        for (ReportModel.MeasureEntry e : st.measures()) {
            h.el("h3", e.title() + (e.internalOnly() ? " (" + t.steering("measures.internal") + ")" : ""));
            List<String> facts = new ArrayList<>();
            facts.add(t.steering("measures.field") + ": " + e.fieldOfAction());
            if (e.office() != null && !e.office().isBlank()) {
                facts.add(t.steering("measures.office") + ": " + e.office());
            }
            facts.add(t.steering("measures.period") + ": " + period(e.start(), e.end()));
            if (e.funding() != null && !e.funding().isBlank()) {
                facts.add(t.steering("measures.funding") + ": " + e.funding());
            }
            if (e.targetGroup() != null && !e.targetGroup().isBlank()) {
                facts.add(t.steering("measures.targetGroup") + ": " + e.targetGroup());
            }
            facts.add(t.steering("measures.areas") + ": " + String.join(", ", e.areaNames()));
            if (!e.indicatorIds().isEmpty()) {
                facts.add(t.steering("measures.indicators") + ": "
                        + String.join(", ", e.indicatorIds().stream().map(id -> m.indicator(id).name()).toList()));
            }
            h.el("p", "class=\"measure-facts\"", String.join(" · ", facts));
            if (e.description() != null && !e.description().isBlank()) {
                h.el("p", e.description());
            }
            if (!e.trends().isEmpty()) {
                trendTable(e);
            }
        }
        h.close("section").nl();
    }

    private void trendTable(ReportModel.MeasureEntry e) {
        String area = t.steering("measures.trendArea");
        String county = t.steering("measures.trendCounty");
        h.el("h4", "class=\"trend-title\"", t.steering("measures.trendTitle"));
        openTable("trends",
                col(area, "left"),
                col(t.steering("measures.trendIndicator"), "left"),
                col(t.steering("measures.trendBefore") + " – " + area, null),
                col(t.steering("measures.trendBefore") + " – " + county, null),
                col(t.steering("measures.trendAfter") + " – " + area, null),
                col(t.steering("measures.trendAfter") + " – " + county, null),
                col(t.steering("measures.trendDid"), null),
                col(t.steering("measures.trendReading"), "left"));
        for (ReportModel.MeasureTrend tr : e.trends()) {
            IndicatorDescription ind = m.indicator(tr.indicatorId());
            de.sozialmonitor.method.TrendComparison c = tr.comparison();
            int d = ind.precision() + 1;
            h.open("tr");
            td(tr.areaName(), "left name");
            td(ind.name() + " (" + t.steering("measures.unit", ind.unit()) + ")", "left");
            if (!c.made()) {
                h.el("td", "class=\"left\" colspan=\"6\"", t.steering("measures.reason." + c.reason(), Integer.toString(c.baseYear())));
            } else {
                td(signed(c.areaBefore(), d) + " (" + c.firstYear() + "–" + c.baseYear() + ")", null);
                td(signed(c.countyBefore(), d), null);
                td(signed(c.areaAfter(), d) + " (" + c.baseYear() + "–" + c.lastYear() + ")", null);
                td(signed(c.countyAfter(), d), null);
                td(signed(c.differenceOfDifferences(), d), "num strong");
                td(t.steering("measures.reading." + c.reading(ind.polarity() == null ? 1 : ind.polarity().sign(), ind.precision())), "left");
            }
            h.close("tr");
        }
        h.close("tbody").close("table");
        int base = e.start() == null ? 0 : de.sozialmonitor.method.TrendComparison.baseYearOf(e.start().getYear());
        h.el("p", "class=\"footnote\"", t.steering("measures.trendIntro", Integer.toString(base)));
    }

    private String signed(Double v, int decimals) {
        if (v == null) {
            return "–";
        }
        String s = t.number(Math.abs(v), decimals);
        boolean zero = s.replaceAll("[^1-9]", "").isEmpty();
        return (zero ? "" : v < 0 ? "−" : "+") + s;
    }

    private String period(java.time.LocalDate start, java.time.LocalDate end) {
        return end == null ? t.steering("measures.periodOpen", t.date(start))
                : t.steering("measures.periodRange", t.date(start), t.date(end));
    }

    // ---------------------------------------------------------------- 5 profiles

    private void profiles() {
        if (m.profiles().isEmpty()) {
            return;
        }
        boolean first = true;
        for (ProfilePage p : m.profiles()) {
            if (first) {
                chapter("profiles", t.get("section.profiles"));
                first = false;
            } else {
                h.open("section", "class=\"chapter profile\"");
            }
            profile(p);
            h.close("section").nl();
        }
    }

    private void profile(ProfilePage p) {
        AreaResult a = p.area();
        h.el("h2", "class=\"profile-title\"", t.get("profile.title", a.name()));
        String pop = t.cell(a.population(), 0);
        String mun = a.parentName() == null ? "–" : a.parentName();
        h.el("p", "class=\"facts\"", a.statusClass() != null
                ? t.get("profile.facts", a.code(), mun, pop, t.classLabel(a.statusClass().code()),
                a.dynamicsClass() == null ? "–" : t.classLabel(a.dynamicsClass().code()))
                : t.get("profile.factsExcluded", a.code(), mun, pop, t.exclusion(a.excluded())));
        if (!p.drivers().isEmpty()) {
            h.open("p", "class=\"drivers\"").text(reasonsHeading() + ": ").raw(reasons(a, p.drivers())).close("p");
        }
        h.el("h3", t.get("profile.values"));
        openTable("profile-values",
                col(t.get("col.indicator"), "left"),
                col(t.get("col.unit"), null),
                col(t.get("profile.area"), null),
                col(mun, null),
                col(m.territory().name(), null),
                col(changesHeading(m.indicators()), null));
        for (IndicatorDescription ind : m.indicators()) {
            Cell v = a.value(ind.id());
            Cell mv = p.municipality() == null ? Cell.missing() : p.municipality().value(ind.id());
            Cell tv = m.territoryTotal() == null ? Cell.missing() : m.territoryTotal().value(ind.id());
            if (!v.hasValue() && !mv.hasValue() && !tv.hasValue() && !v.isSuppressed()) {
                continue;
            }
            h.open("tr", ind.attention() ? "class=\"att\"" : null);
            td(ind.name(), "left");
            td(ind.unit(), null);
            cellTd(v, ind.precision());
            cellTd(mv, ind.precision());
            cellTd(tv, ind.precision());
            cellTd(a.change(ind.id()), ind.precision());
            h.close("tr");
        }
        h.close("tbody").close("table");
        symbolFootnote();
        if (!p.trends().isEmpty()) {
            h.el("h3", t.get("profile.trends"));
            List<TrendChart> charts = new ArrayList<>();
            for (ReportModel.Trend tr : p.trends()) {
                IndicatorDescription ind = m.indicator(tr.indicatorId());
                List<TrendChart.Series> series = List.of(
                        new TrendChart.Series(a.name(), values(tr.area()), "#b2182b", null),
                        new TrendChart.Series(mun, values(tr.municipality()), "#2166ac", "4 2"),
                        new TrendChart.Series(m.territory().name(), values(tr.territory()), "#555555", "1.5 2"));
                charts.add(new TrendChart(ind.name() + " (" + ind.unit() + ")", tr.years(), series,
                        v -> t.number(v, v == Math.rint(v) ? 0 : 1)));
            }
            int rows = (charts.size() + 2) / 3;
            h.open("div", "class=\"trends rows-" + rows + "\"")
                    .raw(TrendChart.panel(t.get("profile.trends") + " " + a.name(), charts, 3)).close("div");
            h.el("p", "class=\"small\"", t.get("profile.legend", m.territory().name()));
        }
        h.el("h3", t.get("profile.targetGroups"));
        if (p.targetGroups().isEmpty()) {
            h.el("p", "class=\"small\"", t.get("profile.none"));
        } else {
            targetGroupTable(p.targetGroups());
        }
    }

    /**
     * The target groups of a profile as one compact table: a row per indicator (by name) with the
     * area's value in each group and, below it in grey, the territory's; groups as columns, those
     * by one feature first (sex, then nationality), then the combinations.
     */
    private void targetGroupTable(List<ReportModel.TargetGroupRow> rows) {
        List<String> groups = rows.stream().map(ReportModel.TargetGroupRow::targetGroup).distinct()
                .sorted(java.util.Comparator.comparingInt((String g) -> g.split(";").length)
                        .thenComparing(g -> g.startsWith("sex=") ? 0 : 1).thenComparing(this::targetGroupLabel))
                .toList();
        Map<String, Map<String, ReportModel.TargetGroupRow>> byIndicator = new java.util.TreeMap<>();
        for (ReportModel.TargetGroupRow row : rows) {
            byIndicator.computeIfAbsent(row.indicatorId(), k -> new LinkedHashMap<>()).put(row.targetGroup(), row);
        }
        List<String> indicators = byIndicator.keySet().stream()
                .sorted(java.util.Comparator.comparing((String id) -> m.indicator(id).name(), String.CASE_INSENSITIVE_ORDER)).toList();
        List<Column> columns = new ArrayList<>(List.of(col(t.get("col.indicator"), "left tg-name")));
        groups.forEach(g -> columns.add(col(targetGroupLabel(g), "tg")));
        openTable("target-groups", columns);
        for (String id : indicators) {
            IndicatorDescription ind = m.indicator(id);
            Map<String, ReportModel.TargetGroupRow> cells = byIndicator.get(id);
            h.open("tr", "class=\"tg-area\"");
            td(ind.name() + " (" + ind.unit() + ")", "left");
            for (String g : groups) {
                ReportModel.TargetGroupRow row = cells.get(g);
                cellTd(row == null ? Cell.EMPTY : row.area(), ind.precision());
            }
            h.close("tr").open("tr", "class=\"tg-territory\"");
            td(m.territory().name(), "left");
            for (String g : groups) {
                ReportModel.TargetGroupRow row = cells.get(g);
                cellTd(row == null ? Cell.EMPTY : row.territory(), ind.precision());
            }
            h.close("tr");
        }
        h.close("tbody").close("table");
        symbolFootnote();
    }

    /** The heading of a column of changes, in points of the unit of its indicators (percentage points for %). */
    private String changesHeading(List<IndicatorDescription> inds) {
        int year = m.release().referenceYear();
        Set<String> units = new TreeSet<>();
        inds.forEach(i -> units.add(i.unit()));
        String key = units.equals(Set.of("%")) ? "tables.changes" : units.equals(Set.of("‰")) ? "tables.changes.permille"
                : "tables.changes.points";
        return t.get(key, Integer.toString(year - m.method().dynamicsYears()), Integer.toString(year));
    }

    private static String unitsOf(List<IndicatorDescription> inds) {
        return String.join(", ", inds.stream().map(IndicatorDescription::unit).distinct().toList());
    }

    /** The change of an indicator in words: "+2,3 Prozentpunkte" for %, "Promillepunkte" for ‰, else the unit. */
    private String changeWithUnit(double change, IndicatorDescription ind) {
        String unit = "%".equals(ind.unit()) ? t.get("unit.percentagePoints") : "‰".equals(ind.unit()) ? t.get("unit.permillePoints")
                : ind.unit();
        return signed(change, ind.precision()) + " " + unit;
    }

    private String reasonsHeading() {
        return m.options().internal() ? t.get("col.reasons.internal", m.territory().name()) : t.get("col.reasons", m.territory().name());
    }

    /**
     * Why an area needs attention, in words and figures (as the web's attention list): for status
     * "Kinder in Mindestsicherung: 26,0 % – Landkreis Peine 12,8 %", for dynamics the change against
     * the territory's. The z-values only in the internal report. Every figure is kept on one line.
     */
    private String reasons(AreaResult a, List<Drivers.Driver> drivers) {
        StringBuilder sb = new StringBuilder();
        boolean both = drivers.stream().map(Drivers.Driver::component).distinct().count() > 1;
        String component = null;
        AreaResult total = m.territoryTotal();
        for (Drivers.Driver d : drivers) {
            if (!d.component().equals(component)) {
                if (sb.length() > 0) {
                    sb.append(". ");
                }
                if (both || "dynamics".equals(d.component())) {
                    sb.append(Html.esc(t.get("component." + d.component()))).append(": ");
                }
                component = d.component();
            } else {
                sb.append("; ");
            }
            IndicatorDescription ind = m.indicator(d.indicatorId());
            boolean dynamics = "dynamics".equals(d.component());
            Cell here = dynamics ? a.change(ind.id()) : a.value(ind.id());
            Cell there = total == null ? Cell.missing() : dynamics ? total.change(ind.id()) : total.value(ind.id());
            sb.append(Html.esc(ind.name())).append(": ").append(nobr(figure(here, ind, dynamics)));
            if (!there.hasValue() && !there.isSuppressed()) {
                // no figure of the territory to compare with (e.g. its change is not computed): the area's alone
                if (m.options().internal()) {
                    sb.append(' ').append(nobr("(z " + t.index(d.z()) + ")"));
                }
                continue;
            }
            sb.append(" – ").append(Html.esc(m.territory().name())).append(' ')
                    // a change names its unit once (at the area's figure): "+2,8 Prozentpunkte – Landkreis Peine +0,3"
                    .append(nobr(dynamics && there.hasValue() ? signed(there.value(), ind.precision()) : figure(there, ind, dynamics)));
            if (m.options().internal()) {
                sb.append(' ').append(nobr("(z " + t.index(d.z()) + ")"));
            }
        }
        return sb.toString();
    }

    private String figure(Cell c, IndicatorDescription ind, boolean change) {
        if (!c.hasValue()) {
            usedSymbols.add(c.symbol());
            return c.symbol();
        }
        return change ? changeWithUnit(c.value(), ind) : t.number(c.value(), ind.precision()) + " " + ind.unit();
    }

    private String signed(double value, int decimals) {
        String n = t.number(value, decimals);
        return (value > 0 && !n.equals(t.number(0, decimals)) ? "+" : "") + n;
    }

    private static String nobr(String text) {
        return "<span class=\"nobr\">" + Html.esc(text) + "</span>";
    }

    /** A short column header: {@code short.<id>} of the texts where there is one, else the full name. */
    private String shortName(IndicatorDescription ind) {
        String key = "short." + ind.id();
        String s = t.get(key);
        return s.equals(key) ? ind.name() : s;
    }

    private String targetGroupLabel(String key) {
        return t.targetGroup(key);
    }

    /**
     * The formula as the catalog writes it and, for an indicator of one target group, that group in
     * words: "sgb2_u65 / (pop_total - pop_65plus) · Zielgruppe: ausländische Staatsangehörigkeit"
     * (without it, {@code sgb2_foreign} would read like {@code sgb2}).
     */
    private void formulaWithTargetGroup(IndicatorDescription ind) {
        h.el("span", "class=\"formula\"", ind.formula());
        if (!ind.targetGroup().isEmpty()) {
            h.text(" · " + t.get("col.targetGroup") + ": " + targetGroupLabel(ind.targetGroup()));
        }
    }

    private static List<Double> values(List<Cell> cells) {
        List<Double> out = new ArrayList<>(cells.size());
        cells.forEach(c -> out.add(c.hasValue() ? c.value() : null));
        return out;
    }

    // ---------------------------------------------------------------- 6 annex

    private void annex() {
        chapter("annex", t.get("section.annex"));
        h.el("h3", t.get("section.catalog"));
        openTable("catalog",
                col(t.get("col.indicator"), "left"),
                col(t.get("col.definition"), "left"),
                col(t.get("col.unit"), null));
        for (IndicatorDescription ind : m.indicators()) {
            h.open("tr");
            h.open("td", "class=\"left\"").el("strong", ind.name()).raw("<br/>").el("span", "class=\"small code\"",
                    ind.id() + (ind.attention() ? " · A" : "")).close("td");
            h.open("td", "class=\"left small\"").text(ind.definition()).raw("<br/>");
            formulaWithTargetGroup(ind);
            h.close("td");
            td(ind.unit(), null);
            h.close("tr");
        }
        h.close("tbody").close("table");

        h.el("h3", t.get("section.sources"));
        h.el("p", "class=\"small\"", t.get("annex.sources.note"));
        openTable("sources",
                col(t.get("col.source"), "left"),
                col(t.get("col.indicators"), "left"),
                col(t.get("col.latestYear"), null));
        for (ReportModel.SourceInfo s : m.sources()) {
            h.open("tr");
            td(s.source(), "left");
            td(String.join(", ", s.indicatorIds().stream().map(id -> m.indicator(id).name()).toList()), "left small");
            td(s.latestYear() == null ? "…" : Integer.toString(s.latestYear()), null);
            h.close("tr");
        }
        h.close("tbody").close("table");

        h.el("h3", t.get("section.imports"));
        if (m.imports().isEmpty()) {
            h.el("p", t.get("annex.imports.none"));
        } else {
            openTable("imports",
                    col(t.get("col.file"), "left"),
                    col(t.get("col.source"), "left"),
                    col(t.get("col.importedOn"), null),
                    col(t.get("col.rows"), null),
                    col("SHA-256", "left"));
            for (ReportModel.ImportInfo i : m.imports()) {
                h.open("tr");
                td(i.fileName(), "left small");
                td(i.source() + " (" + i.format() + ")", "left small");
                td(t.date(i.importedOn()), null);
                td(t.count(i.rowsRead()) + " / " + t.count(i.rowsAccepted()) + " / " + t.count(i.rowsRejected()), null);
                td(i.sha256() == null ? "" : i.sha256().substring(0, Math.min(12, i.sha256().length())) + "…", "left code");
                h.close("tr");
            }
            h.close("tbody").close("table");
        }
        certaintyAnnex();
        h.el("h3", t.get("section.symbols"));
        h.open("ul", "class=\"symbols\"");
        for (String key : List.of("symbol.suppressed", "symbol.missing", "symbol.not_applicable", "symbol.nothing")) {
            h.el("li", t.get(key));
        }
        h.close("ul");
        h.el("p", "class=\"small\"", t.get("report.checksum") + ": " + m.release().checksum());
        h.el("p", "class=\"small\"", t.get("report.generated", m.release().number()));
        h.close("section").nl();
    }

    /** How certain each area's classes are (view.Certainties: shares internally, bands in a public report). */
    private void certaintyAnnex() {
        de.sozialmonitor.view.Certainties c = m.certainty();
        if (c == null) {
            return;
        }
        h.el("h3", t.get("section.certainty"));
        if (!c.available()) {
            h.el("p", "class=\"small\"", t.get("annex.certainty.unavailable",
                    t.get("annex.certainty.unavailable." + c.reason().name(), c.detail())));
            return;
        }
        if (!c.anyShown()) {
            h.el("p", "class=\"small\"", t.get("annex.certainty.withheld", c.options().draws()));
            return;
        }
        h.el("p", "class=\"small\"", t.get(c.probabilities() ? "annex.certainty.text" : "annex.certainty.textBands",
                c.options().draws(), c.areas().size(), c.borderlineCount()));
        openTable("certainty",
                col(t.get("col.area"), "left"),
                col(t.get("annex.certainty.status"), "left"),
                col(t.get("annex.certainty.dynamics"), "left"),
                col(t.get("annex.certainty.attention"), "left"));
        for (AreaResult a : m.areas()) {
            de.sozialmonitor.view.ClassCertainty cc = c.area(a.code()).orElse(null);
            if (cc == null) {
                continue;
            }
            h.open("tr", cc.borderline() ? "class=\"borderline\"" : null);
            td(a.name(), "left");
            td(certaintyCell(a.statusClass() == null ? null : t.classLabel(a.statusClass().code()), cc.status()), "left");
            td(certaintyCell(a.dynamicsClass() == null ? null : t.classLabel(a.dynamicsClass().code()), cc.dynamics()), "left");
            td(certaintyCell(t.get(a.attention() ? "annex.certainty.flag" : "annex.certainty.noFlag"), cc.attention()), "left");
            h.close("tr");
        }
        h.close("tbody").close("table");
    }

    /** "niedrig: sicher (97 %)", "mittel: knapp", "–" where the area has no such class. */
    private String certaintyCell(String label, de.sozialmonitor.view.ClassCertainty.Part part) {
        if (part == null || label == null) {
            return "–";
        }
        String band = t.get("annex.certainty.band." + part.band().code());
        String text = part.probability() == null ? band
                : t.get("annex.certainty.withShare", band, t.number(Math.floor(100 * part.probability() + 1e-9), 0));
        return label + ": " + text;
    }

    // ---------------------------------------------------------------- helpers

    /** Opens a chapter, numbered in the order chapters are written (chapters without content are left out). */
    private void chapter(String id, String title) {
        chapters++;
        h.open("section", "class=\"chapter\" id=\"" + id + "\"");
        h.el("h2", chapters + " " + title);
    }

    /** A column of a table's head: its title and its CSS class (null: a right-aligned number). */
    private record Column(String title, String cssClass) {
    }

    private static Column col(String title, String cssClass) {
        return new Column(title, cssClass);
    }

    /** Opens {@code <table class="data CSS">} with its head row, leaving the body open for the rows. */
    private void openTable(String cssClass, Column... columns) {
        openTable(cssClass, List.of(columns));
    }

    private void openTable(String cssClass, List<Column> columns) {
        h.open("table", "class=\"data " + cssClass + "\"").open("thead").open("tr");
        for (Column c : columns) {
            h.el("th", "scope=\"col\"" + (c.cssClass() == null ? "" : " class=\"" + c.cssClass() + "\""), c.title());
        }
        h.close("tr").close("thead").open("tbody");
    }

    private void td(String text, String cls) {
        h.el("td", cls == null ? "class=\"num\"" : "class=\"" + cls + "\"", text);
    }

    private String symbol(String s) {
        usedSymbols.add(s);
        return s;
    }

    private void cellTd(Cell c, int decimals) {
        if (!c.hasValue()) {
            usedSymbols.add(c.symbol());
            h.el("td", "class=\"num sym" + (c.isSuppressed() ? " suppressed" : "") + "\"", c.symbol());
        } else {
            td(t.number(c.value(), decimals), null);
        }
    }

    /** The footnote of a table: the meaning of every symbol that appears in it. */
    private void symbolFootnote() {
        if (usedSymbols.isEmpty()) {
            return;
        }
        Map<String, String> keys = Map.of(".", "symbol.suppressed", "…", "symbol.missing", "x", "symbol.not_applicable",
                "–", "symbol.nothing");
        List<String> notes = new ArrayList<>();
        for (String s : usedSymbols) {
            String key = keys.get(s);
            notes.add(key == null ? s : t.get(key));
        }
        h.el("p", "class=\"footnote\"", String.join(" · ", notes));
        usedSymbols.clear();
    }

    static String css() {
        try (InputStream in = ReportHtml.class.getResourceAsStream("/report/report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For the web engineer: the status map of a model as standalone SVG. */
    public static Function<ReportModel, String> statusMapSvg() {
        return model -> new ReportHtml(model).statusMap();
    }
}
