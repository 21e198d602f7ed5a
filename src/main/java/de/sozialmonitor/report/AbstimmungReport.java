package de.sozialmonitor.report;

import de.sozialmonitor.analysis.AnalysisTables;
import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.analysis.Correlations;
import de.sozialmonitor.analysis.Distribution;
import de.sozialmonitor.analysis.IndexContribution;
import de.sozialmonitor.analysis.IndicatorAnalysis;
import de.sozialmonitor.analysis.Sensitivity;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.report.svg.ChoroplethMap;
import de.sozialmonitor.report.svg.HeatMap;
import de.sozialmonitor.report.svg.Histogram;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The committee template for choosing the attention indicators ("Abstimmung"), after Hamburg's pilot
 * report: an overview of all candidates with their correlations, the candidate sets and their
 * sensitivity, the certainty of the classes, then one page per candidate indicator (definition,
 * source, distribution, map, relations to the others, stability, a field for the recommendation).
 * HTML for the screen and, through {@link ReportPdf#renderHtml}, PDF; the figures are those of the
 * {@code analyse} commands ({@link AnalysisTables}). It is a working paper on internal figures and
 * says so on every page.
 */
public final class AbstimmungReport {
    /** The web's and the report's one sequential palette for indicator maps. */
    private static final List<String> QUINTILE_COLOURS = de.sozialmonitor.view.Choropleth.SEQUENTIAL;

    /**
     * @param areas           geometries of the analysed level by area code
     * @param boundaries      geometries of the level above, drawn over the map, with their names
     */
    public record Input(String territory, boolean synthetic, String source, String language, LocalDate date,
                        IndicatorAnalysis.Report indicators, Sensitivity.Report sensitivity, Certainty.Report certainty,
                        Map<String, Geometry> areas, Map<String, Geometry> boundaries, Map<String, String> boundaryNames) {
    }

    private final Input in;
    private final ReportTexts t;
    private final Html h = new Html();

    private AbstimmungReport(Input in) {
        this.in = in;
        this.t = new ReportTexts(in.language());
    }

    public static String html(Input in) {
        return new AbstimmungReport(in).render();
    }

    /**
     * The template's four overview chapters (candidates with heat map, candidate sets, sensitivity with
     * map, certainty with map) as an HTML fragment, for the staff pages: the same tables and charts.
     */
    public static String overviewSections(Input in) {
        AbstimmungReport r = new AbstimmungReport(in);
        r.overview();
        r.sets();
        r.sensitivity();
        r.certainty();
        return r.h.toString();
    }

    /** The PDF title of the template for this input. */
    public static String title(Input in) {
        return in.territory() + " – " + new ReportTexts(in.language()).get("abst.title") + " " + in.indicators().year();
    }

    private String render() {
        h.raw("<!DOCTYPE html>\n");
        h.open("html", "xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + t.language() + "\" xml:lang=\"" + t.language() + "\"").nl();
        h.open("head").raw("<meta charset=\"UTF-8\"/>").el("title", title(in))
                .raw("<meta name=\"author\" content=\"" + Html.esc(in.territory()) + "\"/>")
                .raw("<meta name=\"generator\" content=\"Sozialmonitor\"/>")
                .open("style").raw(ReportHtml.css()).close("style").close("head").nl();
        h.open("body", "class=\"internal\"").nl();
        running();
        titlePage();
        overview();
        sets();
        sensitivity();
        certainty();
        for (IndicatorAnalysis.IndicatorSummary s : in.indicators().indicators()) {
            indicatorPage(s);
        }
        h.close("body").close("html").nl();
        return h.toString();
    }

    private void running() {
        h.open("div", "class=\"running-header\"");
        h.el("span", "class=\"rh-left\"", in.territory() + " · " + t.get("abst.title") + " " + in.indicators().year());
        h.el("div", "class=\"internal-banner\"", t.get("abst.internal"));
        if (in.synthetic()) {
            h.el("div", "class=\"synthetic-banner\"", t.get("report.synthetic"));
        }
        if (!in.source().isEmpty()) {
            h.el("div", "class=\"source-banner\"", t.get("report.source", in.source()));
        }
        h.close("div").nl();
        h.open("div", "class=\"running-footer\"");
        h.el("span", "class=\"rf-left\"", t.get("abst.footer", t.date(in.date())));
        h.open("span", "class=\"rf-right\"").text(t.get("report.page") + " ").raw("<span class=\"pagenum\"></span>")
                .text(" " + t.get("report.pageOf") + " ").raw("<span class=\"pagecount\"></span>").close("span");
        h.close("div").nl();
    }

    private void titlePage() {
        IndicatorAnalysis.Report r = in.indicators();
        h.open("section", "class=\"title-page\"");
        h.el("div", "class=\"tp-territory\"", in.territory());
        h.el("h1", "class=\"tp-title\"", t.get("abst.title"));
        h.el("div", "class=\"tp-subtitle\"", t.get("abst.subtitle", r.year(), r.level()));
        h.open("div", "class=\"tp-box\"");
        h.el("p", t.get("abst.tp.candidates", r.indicators().size(), r.redundant().size()));
        h.el("p", t.get("abst.tp.sets", r.sets().size()));
        if (in.certainty() != null) {
            h.el("p", t.get("abst.tp.certainty", in.certainty().areas().size(), in.certainty().borderlineCount(),
                    in.certainty().options().draws()));
        }
        h.el("p", "class=\"tp-privacy\"", t.get("abst.internal"));
        if (in.synthetic()) {
            h.el("p", "class=\"tp-synthetic\"", t.get("report.synthetic"));
        }
        if (!in.source().isEmpty()) {
            h.el("p", "class=\"tp-source\"", t.get("report.source", in.source()));
        }
        h.close("div");
        h.open("div", "class=\"tp-contents\"").el("h2", t.get("report.contents")).open("ol");
        for (String id : List.of("overview", "sets", "sensitivity", "certainty")) {
            h.open("li").el("a", "href=\"#abst-" + id + "\"", t.get("abst.ch." + id)).close("li");
        }
        h.open("li").el("a", "href=\"#abst-indicators\"", t.get("abst.ch.indicators")).close("li");
        h.close("ol").close("div");
        h.close("section").nl();
    }

    private void overview() {
        IndicatorAnalysis.Report r = in.indicators();
        h.open("section", "class=\"chapter\" id=\"abst-overview\"").el("h2", t.get("abst.ch.overview"));
        h.el("p", t.get("abst.overview.text", r.level(), fmt(r.minPopulation(), 0), fmt(r.redundancyThreshold(), 1)));
        h.open("table", "class=\"data\"").open("thead").open("tr");
        for (String c : List.of("abst.col.indicator", "abst.col.inIndex", "abst.col.n", "abst.col.withheld", "abst.col.median",
                "abst.col.iqr", "abst.col.skew", "abst.col.stability", "abst.col.redundant")) {
            h.el("th", c.equals("abst.col.indicator") ? "class=\"left\"" : null, t.get(c));
        }
        h.close("tr").close("thead").open("tbody");
        for (IndicatorAnalysis.IndicatorSummary s : r.indicators()) {
            Distribution d = s.distribution();
            int u = unitDecimals(s.indicator());
            h.open("tr", s.inStatusIndex() ? "class=\"att\"" : null);
            h.el("td", "class=\"left\"", s.indicator().name(t.language()));
            h.el("td", "class=\"center\"", s.inStatusIndex() ? t.get("abst.yes") : "");
            h.el("td", "class=\"num\"", String.valueOf(d.n()));
            h.el("td", "class=\"num\"", String.valueOf(s.coverage().withheld()));
            h.el("td", "class=\"num\"", fmt(d.median(), u));
            h.el("td", "class=\"num\"", fmt(d.q1(), u) + " – " + fmt(d.q3(), u));
            h.el("td", "class=\"num\"", fmt(d.skewness(), 2));
            h.el("td", "class=\"num\"", fmt(s.meanStability(), 2));
            h.el("td", "class=\"left\"", String.join(", ", redundantWith(s.indicator().id())));
            h.close("tr");
        }
        h.close("tbody").close("table");
        h.el("h3", t.get("abst.heatmap"));
        List<String> labels = new ArrayList<>();
        for (IndicatorAnalysis.IndicatorSummary s : r.indicators()) {
            labels.add(s.indicator().name(t.language()));
        }
        h.open("div", "class=\"figure\"").raw(new HeatMap(t.get("abst.heatmap"), labels, r.correlations().spearman(),
                r.redundancyThreshold()).render()).close("div");
        h.el("p", "class=\"small\"", t.get("abst.heatmap.note", fmt(r.redundancyThreshold(), 1)));
        h.close("section").nl();
    }

    private void sets() {
        IndicatorAnalysis.Report r = in.indicators();
        h.open("section", "class=\"chapter\" id=\"abst-sets\"").el("h2", t.get("abst.ch.sets"));
        h.el("p", t.get("abst.sets.text"));
        h.open("table", "class=\"data\"").open("thead").open("tr");
        for (String c : List.of("abst.col.rank", "abst.col.set", "abst.col.areas", "abst.col.pc1", "abst.col.meanAbs",
                "abst.col.agreement", "abst.col.changes")) {
            h.el("th", c.equals("abst.col.set") ? "class=\"left\"" : null, t.get(c));
        }
        h.close("tr").close("thead").open("tbody");
        List<IndicatorAnalysis.CandidateSet> ranked = new ArrayList<>(r.sets());
        ranked.sort(Comparator.comparingInt(IndicatorAnalysis.CandidateSet::rank));
        for (IndicatorAnalysis.CandidateSet s : ranked) {
            h.open("tr", s.kind().equals("configured") ? "class=\"att\"" : null);
            h.el("td", "class=\"num\"", String.valueOf(s.rank()));
            h.el("td", "class=\"left\"", setName(s));
            h.el("td", "class=\"num\"", String.valueOf(s.contribution().participants()));
            h.el("td", "class=\"num\"", percent(s.contribution().pc1().share()));
            h.el("td", "class=\"num\"", fmt(s.contribution().meanAbsCorrelation(), 2));
            h.el("td", "class=\"num\"", percent(s.classAgreement()));
            h.el("td", "class=\"num\"", String.valueOf(s.statusChanges()));
            h.close("tr");
        }
        h.close("tbody").close("table");
        IndicatorAnalysis.CandidateSet configured = r.sets().get(0);
        h.el("h3", t.get("abst.contribution"));
        IndexContribution c = configured.contribution();
        h.open("table", "class=\"data\"").open("thead").open("tr");
        h.el("th", "class=\"left\"", t.get("abst.col.indicator")).el("th", t.get("abst.col.varianceShare"))
                .el("th", t.get("abst.col.loading"));
        h.close("tr").close("thead").open("tbody");
        Map<String, Double> shares = c.varianceShares();
        Map<String, Double> loadings = c.loadings();
        for (String id : c.ids()) {
            h.open("tr").el("td", "class=\"left\"", name(id)).el("td", "class=\"num\"", percent(shares.get(id)))
                    .el("td", "class=\"num\"", fmt(loadings.get(id), 2)).close("tr");
        }
        h.close("tbody").close("table");
        h.el("p", "class=\"small\"", t.get("abst.contribution.note"));
        h.close("section").nl();
    }

    private void sensitivity() {
        Sensitivity.Report s = in.sensitivity();
        h.open("section", "class=\"chapter\" id=\"abst-sensitivity\"").el("h2", t.get("abst.ch.sensitivity"));
        h.el("p", t.get("abst.sensitivity.text", s.changesByArea().size()));
        h.open("table", "class=\"data\"").open("thead").open("tr");
        for (String c : List.of("abst.col.variant", "abst.col.statusChanges", "abst.col.dynamicsChanges",
                "abst.col.attentionChanges")) {
            h.el("th", c.equals("abst.col.variant") ? "class=\"left\"" : null, t.get(c));
        }
        h.close("tr").close("thead").open("tbody");
        for (Sensitivity.Outcome o : s.outcomes()) {
            h.open("tr");
            h.el("td", "class=\"left\"", variantName(o.variant()));
            if (o.error() != null) {
                h.el("td", "class=\"left\" colspan=\"3\"", o.error());
            } else {
                h.el("td", "class=\"num\"", String.valueOf(o.statusChanges()));
                h.el("td", "class=\"num\"", String.valueOf(o.dynamicsChanges()));
                h.el("td", "class=\"num\"", String.valueOf(o.attentionChanges()));
            }
            h.close("tr");
        }
        h.close("tbody").close("table");
        Map<String, Integer> category = new LinkedHashMap<>();
        s.changesByArea().forEach((code, n) -> category.put(code, n == 0 ? 0 : n <= 2 ? 1 : n <= 5 ? 2 : 3));
        List<ChoroplethMap.Swatch> legend = List.of(new ChoroplethMap.Swatch("#f7f7f7", t.get("abst.map.changes0")),
                new ChoroplethMap.Swatch("#fddbc7", t.get("abst.map.changes1")),
                new ChoroplethMap.Swatch("#ef8a62", t.get("abst.map.changes3")),
                new ChoroplethMap.Swatch("#b2182b", t.get("abst.map.changes6")));
        map(t.get("abst.map.sensitivity"), category, legend, t.get("abst.map.sensitivityLegend"));
        h.close("section").nl();
    }

    private void certainty() {
        Certainty.Report c = in.certainty();
        h.open("section", "class=\"chapter\" id=\"abst-certainty\"").el("h2", t.get("abst.ch.certainty"));
        if (c == null) {
            h.el("p", t.get("abst.certainty.none"));
            h.close("section").nl();
            return;
        }
        h.el("p", t.get("abst.certainty.text", c.options().draws(), c.options().model().key(), c.areas().size(),
                c.borderlineCount()));
        Map<String, Integer> category = new LinkedHashMap<>();
        for (Certainty.AreaCertainty a : c.areas()) {
            double p = Math.min(a.statusCertainty(), Double.isNaN(a.dynamicsCertainty()) ? 1 : a.dynamicsCertainty());
            p = Math.min(p, a.attentionCertainty());
            category.put(a.code(), p >= 0.95 ? 0 : p >= Certainty.BORDERLINE ? 1 : 2);
        }
        List<ChoroplethMap.Swatch> legend = List.of(new ChoroplethMap.Swatch("#d9f0d3", t.get("abst.map.sure")),
                new ChoroplethMap.Swatch("#fee090", t.get("abst.map.fair")),
                new ChoroplethMap.Swatch("#d73027", t.get("abst.map.borderline")));
        map(t.get("abst.map.certainty"), category, legend, t.get("abst.map.certaintyLegend"));
        List<Certainty.AreaCertainty> borderline = c.areas().stream().filter(Certainty.AreaCertainty::borderline).toList();
        if (!borderline.isEmpty()) {
            h.el("h3", t.get("abst.certainty.borderline"));
            h.open("table", "class=\"data\"").open("thead").open("tr");
            for (String col : List.of("abst.col.area", "abst.col.status", "abst.col.statusCertainty", "abst.col.dynamics",
                    "abst.col.dynamicsCertainty", "abst.col.attentionCertainty")) {
                h.el("th", col.equals("abst.col.area") ? "class=\"left\"" : null, t.get(col));
            }
            h.close("tr").close("thead").open("tbody");
            for (Certainty.AreaCertainty a : borderline) {
                h.open("tr");
                h.el("td", "class=\"left\"", a.name());
                h.el("td", "class=\"left\"", a.status() == null ? "" : t.get("class." + a.status().code()));
                h.el("td", "class=\"num\"", percent(a.statusCertainty()));
                h.el("td", "class=\"left\"", a.dynamics() == null ? "" : t.get("class." + a.dynamics().code()));
                h.el("td", "class=\"num\"", percent(a.dynamicsCertainty()));
                h.el("td", "class=\"num\"", percent(a.attentionCertainty()));
                h.close("tr");
            }
            h.close("tbody").close("table");
        }
        h.close("section").nl();
    }

    private void indicatorPage(IndicatorAnalysis.IndicatorSummary s) {
        Indicator ind = s.indicator();
        Distribution d = s.distribution();
        int u = unitDecimals(ind);
        boolean first = in.indicators().indicators().get(0) == s;
        h.open("section", "class=\"chapter\"" + (first ? " id=\"abst-indicators\"" : ""));
        h.el("h2", ind.name(t.language()) + (s.inStatusIndex() ? " · " + t.get("abst.inIndex") : ""));
        h.open("table", "class=\"data\"").open("tbody");
        row(t.get("abst.def.definition"), ind.definition() == null || ind.definition().isBlank() ? "–" : ind.definition());
        row(t.get("abst.def.formula"), (ind.isDelivered() ? t.get("abst.def.delivered", ind.delivered())
                : fmt(ind.scale(), 0) + " × " + ind.formula())
                + (ind.unit() == null || ind.unit().isBlank() ? "" : " (" + ind.unit() + ")")
                + (ind.targetGroup().isTotal() ? "" : " · " + t.get("col.targetGroup") + ": " + t.targetGroup(ind.targetGroup().key())));
        row(t.get("abst.def.polarity"), t.get(ind.polarity() == Polarity.HIGHER_IS_BETTER ? "abst.def.better" : "abst.def.worse"));
        row(t.get("abst.def.source"), ind.source() == null || ind.source().isBlank() ? "–" : ind.source());
        IndicatorAnalysis.Coverage c = s.coverage();
        row(t.get("abst.def.coverage"), t.get("abst.def.coverageText", c.areas(), c.withValue(), c.missing(), c.withheld(),
                c.belowMinPopulation()));
        h.close("tbody").close("table");

        h.el("h3", t.get("abst.distribution"));
        h.open("div", "class=\"figure\" style=\"page-break-inside: avoid\"").raw(new Histogram(t.get("abst.distribution") + ": " + ind.name(t.language()),
                d.binEdges(), d.binCounts(), d.q1(), d.median(), d.q3(), v -> fmt(v, u), t.get("abst.areas")).render())
                .close("div");
        h.el("p", t.get("abst.distribution.text", d.n(), fmt(d.min(), u), fmt(d.q1(), u), fmt(d.median(), u), fmt(d.q3(), u),
                fmt(d.max(), u), fmt(d.mean(), u), fmt(d.sd(), u), fmt(d.skewness(), 2),
                d.lowOutliers().size() + d.highOutliers().size()));

        h.el("h3", t.get("abst.map"));
        double[] breaks = d.breaks(5);
        Map<String, Integer> category = new LinkedHashMap<>();
        for (int i = 0; i < d.codes().size(); i++) {
            double v = d.values()[i];
            int k = 0;
            while (k < breaks.length && v > breaks[k]) {
                k++;
            }
            category.put(d.codes().get(i), k);
        }
        List<ChoroplethMap.Swatch> legend = new ArrayList<>();
        for (int k = 0; k <= breaks.length; k++) {
            String from = k == 0 ? fmt(d.min(), u) : fmt(breaks[k - 1], u);
            String to = k == breaks.length ? fmt(d.max(), u) : fmt(breaks[k], u);
            legend.add(new ChoroplethMap.Swatch(QUINTILE_COLOURS.get(Math.min(k, QUINTILE_COLOURS.size() - 1)), from + " – " + to));
        }
        map(ind.name(t.language()), category, legend, t.get("abst.map.quintiles"));

        h.el("h3", t.get("abst.relations"));
        Correlations.CorrelationMatrix m = in.indicators().correlations();
        List<String> others = new ArrayList<>(m.ids());
        others.remove(ind.id());
        others.sort(Comparator.comparingDouble((String o) -> {
            double v = Math.abs(m.spearman(ind.id(), o));
            return Double.isNaN(v) ? 0 : v;
        }).reversed());
        h.open("table", "class=\"data\"").open("thead").open("tr");
        h.el("th", "class=\"left\"", t.get("abst.col.indicator")).el("th", "r").el("th", "ρ").el("th", "class=\"left\"", "");
        h.close("tr").close("thead").open("tbody");
        for (String o : others.subList(0, Math.min(6, others.size()))) {
            double rho = m.spearman(ind.id(), o);
            h.open("tr").el("td", "class=\"left\"", name(o)).el("td", "class=\"num\"", fmt(m.pearson(ind.id(), o), 2))
                    .el("td", "class=\"num\"", fmt(rho, 2))
                    .el("td", "class=\"left\"", Math.abs(rho) >= in.indicators().redundancyThreshold() ? t.get("abst.redundant") : "")
                    .close("tr");
        }
        h.close("tbody").close("table");

        h.el("h3", t.get("abst.stability"));
        List<String> years = new ArrayList<>();
        for (IndicatorAnalysis.YearStability y : s.stability()) {
            years.add(y.fromYear() + "→" + y.toYear() + ": " + fmt(y.spearman(), 2));
        }
        h.el("p", years.isEmpty() ? t.get("abst.stability.none") : String.join(" · ", years));

        h.el("h3", t.get("abst.recommendation"));
        h.open("div", "class=\"tp-box\"");
        h.el("p", "☐ " + t.get("abst.rec.take") + "    ☐ " + t.get("abst.rec.profile") + "    ☐ " + t.get("abst.rec.drop")
                + "    ☐ " + t.get("abst.rec.check"));
        h.el("p", t.get("abst.rec.notes") + " ______________________________________________________________");
        h.el("p", "______________________________________________________________________________");
        h.close("div");
        h.close("section").nl();
    }

    private void map(String title, Map<String, Integer> category, List<ChoroplethMap.Swatch> legend, String legendTitle) {
        if (in.areas().isEmpty()) {
            h.el("p", "class=\"small\"", t.get("abst.map.noGeometry"));
            return;
        }
        ChoroplethMap map = new ChoroplethMap(title, in.areas(), category, legend,
                new ChoroplethMap.Swatch("#e0e0e0", t.get("abst.map.noValue")), in.boundaries(), in.boundaryNames(), Map.of(), Map.of(),
                t.get("abst.map.source", in.territory(), in.indicators().year()), legendTitle, t.get("map.north"),
                t.get("map.boundary"));
        h.open("div", "class=\"figure\" style=\"page-break-inside: avoid\"").raw(map.render()).close("div");
    }

    private void row(String label, String value) {
        h.open("tr").el("th", "class=\"left\"", label).el("td", "class=\"left\"", value).close("tr");
    }

    private List<String> redundantWith(String id) {
        List<String> out = new ArrayList<>();
        for (Correlations.RedundantPair p : in.indicators().redundant()) {
            if (p.first().equals(id)) {
                out.add(name(p.second()));
            } else if (p.second().equals(id)) {
                out.add(name(p.first()));
            }
        }
        return out;
    }

    private String name(String id) {
        IndicatorAnalysis.IndicatorSummary s = in.indicators().indicator(id);
        return s == null ? id : s.indicator().name(t.language());
    }

    private String setName(IndicatorAnalysis.CandidateSet s) {
        return switch (s.kind()) {
            case "configured" -> t.get("abst.set.configured");
            case "without" -> t.get("abst.set.without", name(s.name().substring(1)));
            case "with" -> t.get("abst.set.with", name(s.name().substring(1)));
            default -> String.join(", ", s.ids().stream().map(this::name).toList());
        };
    }

    private String variantName(Sensitivity.Variant v) {
        String p = v.parameter();
        return switch (v.kind()) {
            case "leave_out" -> t.get("abst.variant.leave_out", name(p));
            case "weight" -> t.get("abst.variant.weight", name(p.substring(0, p.lastIndexOf('×'))));
            default -> t.get("abst.variant." + v.kind(), p);
        };
    }

    private static int unitDecimals(Indicator ind) {
        return Math.max(1, ind.precision());
    }

    private String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "–" : t.number(v, decimals);
    }

    private String fmt(Double v, int decimals) {
        return v == null ? "–" : fmt(v.doubleValue(), decimals);
    }

    private String percent(double v) {
        return Double.isNaN(v) ? "–" : t.number(100 * v, 0) + " %";
    }

    private String percent(Double v) {
        return v == null ? "–" : percent(v.doubleValue());
    }
}
