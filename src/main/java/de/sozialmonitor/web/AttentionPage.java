package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.method.EarlyWarning;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.web.MonitoringData.AreaInfo;
import de.sozialmonitor.web.MonitoringData.AreaResult;
import de.sozialmonitor.web.MonitoringData.Cell;
import io.javalin.http.Context;
import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attention list: areas needing attention in the shown release, why, and the early warning
 * against the previous release.
 */
final class AttentionPage {
    private final WebServer.WebContext web;

    AttentionPage(WebServer.WebContext web) {
        this.web = web;
    }

    void attention(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Pages.Selection s = releaseSelection(ctx, Pages.selection(web, ctx));
        String title = t.get("attention.title");
        if (s.scope().isEmpty()) {
            ctx.html(Layout.page(web, v, ctx, title, "nav.attention", h1(title), Layout.scopeNotice(v, s.scope())));
            return;
        }
        Map<String, AreaInfo> areas = web.data().areas(s.year());
        Map<String, AreaResult> now = web.data().areaResults(s.scope(), s.year());
        Map<String, Map<String, Cell>> values = web.data().values(s.scope(), s.year());
        Basis basis = basis(t, s);
        Drivers drivers = new Drivers(web.data().componentStats(s.scope(), s.year()));
        EarlyWarning.Report report = EarlyWarning.compare(snapshot(basis.year(), basis.results(), basis.values()),
                snapshot(s.year(), now, values), web.config().method().earlyWarningThresholds(),
                id -> web.catalog().indicator(id).map(Indicator::polarity).orElse(null));
        java.util.Set<String> warned = new java.util.HashSet<>();
        report.alerts().stream().filter(al -> al.kind().warns()).forEach(al -> warned.add(al.areaCode()));
        List<Map.Entry<String, AreaResult>> listed = now.entrySet().stream()
                .filter(e -> areas.containsKey(e.getKey()))
                .filter(e -> e.getValue().attention() || warned.contains(e.getKey())
                        || (basis.results().containsKey(e.getKey()) && basis.results().get(e.getKey()).attention()))
                .sorted(Comparator.comparing((Map.Entry<String, AreaResult> e) -> !e.getValue().attention())
                        .thenComparing(e -> -(e.getValue().statusIndex() == null ? -99 : e.getValue().statusIndex()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s.scope()),
                p(t.get("attention.intro")),
                releaseAndYearSwitch(t, s),
                h2(basis.year() == null ? t.get("attention.earlyWarningTitle") : t.get("attention.earlyWarning", basis.label())),
                basis.year() == null ? p(t.get("attention.noBasis")) : earlyWarningSummary(t, report),
                listed.isEmpty() ? p(t.get("attention.none")) : table(
                        caption(basis.year() == null ? t.get("attention.captionNoBasis", s.year()) : t.get("attention.caption", s.year(), basis.label())),
                        thead(tr(th(t.get("table.area")).attr("scope", "col"), th(t.get("table.status")).attr("scope", "col"),
                                th(t.get("table.dynamics")).attr("scope", "col"), th(t.get("attention.why")).attr("scope", "col"),
                                th(t.get("attention.change")).attr("scope", "col"))),
                        tbody(each(listed, e -> {
                            AreaInfo a = areas.get(e.getKey());
                            AreaResult r = e.getValue();
                            return tr(
                                    th(a(a.name()).withHref("/gebiet/" + Layout.enc(a.code()) + "?year=" + s.year())).attr("scope", "row"),
                                    td(r.statusClass() == null ? text("–") : span(t.statusClass(r.statusClass())).withClass("badge status-" + r.statusClass())),
                                    td(r.dynamicsClass() == null ? text("–") : span(t.dynamicsClass(r.dynamicsClass())).withClass("badge dynamics-" + r.dynamicsClass())),
                                    td(drivers(v, drivers, r, values.getOrDefault(e.getKey(), Map.of()))),
                                    td(change(v, basis, report.ofArea(e.getKey()), e.getKey())));
                        })))
                        .withClass("data-table"));
        ctx.html(Layout.page(web, v, ctx, title, "nav.attention", body));
    }

    /** {@code ?berichtsstand=N}: a published release chosen instead of the viewer's default results. */
    private Pages.Selection releaseSelection(Context ctx, Pages.Selection s) {
        int asked = Api.parseInt(ctx.queryParam("berichtsstand"), -1);
        if (asked < 0 || java.util.Objects.equals(asked, s.scope().releaseNumber())) {
            return s;
        }
        return web.visibility().publishedRelease(asked)
                .map(scope -> new Pages.Selection(scope, s.level(), scope.yearOr(Api.parseInt(ctx.queryParam("year"), -1)), s.mode()))
                .orElse(s);
    }

    /** Release (when more than one is published) and year of the attention list. */
    private DomContent releaseAndYearSwitch(Texts t, Pages.Selection s) {
        List<de.sozialmonitor.store.ReleaseRepository.ReleaseInfo> releases = web.visibility().publishedReleases();
        boolean chooseRelease = releases.size() > 1;
        if (!chooseRelease) {
            return Pages.yearSwitch(t, s, "/aufmerksamkeit");
        }
        Integer shown = s.scope().releaseNumber();
        List<Integer> years = s.scope().years();
        return form(
                label(t.get("attention.release")).attr("for", "berichtsstand"),
                select(iff(shown == null, option(t.get("attention.internalResults")).withValue("").isSelected()),
                        each(releases, r -> option(t.get("attention.releaseOption", r.number(), r.title(), r.year()))
                                .withValue(Integer.toString(r.number())).withCondSelected(java.util.Objects.equals(shown, r.number()))))
                        .withId("berichtsstand").withName("berichtsstand").withClass("autosubmit"),
                label(t.get("controls.year")).attr("for", "year"),
                select(each(years, y -> option(Integer.toString(y)).withValue(Integer.toString(y)).withCondSelected(y == s.year())))
                        .withId("year").withName("year"),
                button(t.get("controls.apply")).withType("submit").withClass("apply"))
                .withMethod("get").withAction("/aufmerksamkeit").withClass("controls inline no-print");
    }

    /**
     * What the selected year is compared with: the previous release when the selected year is the
     * scope's newest one and that release is not newer; otherwise the previous year of the scope.
     */
    private record Basis(String label, Integer year, Map<String, AreaResult> results, Map<String, Map<String, Cell>> values) {
    }

    private Basis basis(Texts t, Pages.Selection s) {
        if (s.year() == s.scope().latestYear()) {
            Optional<ResultScope> release = web.visibility().previousRelease(s.scope())
                    .filter(r -> r.latestYear() <= s.year());
            if (release.isPresent()) {
                ResultScope r = release.get();
                int year = r.latestYear();
                Map<String, AreaResult> results = web.data().areaResults(r, year);
                if (!results.isEmpty()) {
                    return new Basis(t.get("attention.basisRelease", r.releaseNumber(), year), year, results, web.data().values(r, year));
                }
            }
        }
        List<Integer> years = s.scope().years();
        int idx = years.indexOf(s.year());
        if (idx <= 0) {
            return new Basis(t.get("attention.basisNone"), null, Map.of(), Map.of());
        }
        int year = years.get(idx - 1);
        // a release publishes classes for its own year only: the year before has none to compare
        Map<String, AreaResult> results = web.data().areaResults(s.scope(), year);
        if (results.isEmpty()) {
            return new Basis(t.get("attention.basisNone"), null, Map.of(), Map.of());
        }
        return new Basis(t.get("attention.basisYear", year), year, results, web.data().values(s.scope(), year));
    }

    private EarlyWarning.Snapshot snapshot(Integer year, Map<String, AreaResult> results, Map<String, Map<String, Cell>> values) {
        List<EarlyWarning.AreaState> states = new ArrayList<>();
        results.forEach((code, r) -> {
            Map<String, Double> v = new java.util.HashMap<>();
            values.getOrDefault(code, Map.of()).forEach((id, c) -> {
                if (c.value() != null) {
                    v.put(id, c.value());
                }
            });
            states.add(new EarlyWarning.AreaState(code, code, null, true,
                    r.statusClass() == null ? null : StatusClass.fromCode(r.statusClass()),
                    r.dynamicsClass() == null ? null : DynamicsClass.fromCode(r.dynamicsClass()), r.attention(), v));
        });
        return new EarlyWarning.Snapshot(year == null ? 0 : year, states);
    }

    private static DomContent earlyWarningSummary(Texts t, EarlyWarning.Report report) {
        return ul(each(List.of(EarlyWarning.Kind.NEWLY_FLAGGED, EarlyWarning.Kind.STATUS_FELL, EarlyWarning.Kind.DYNAMICS_TURNED_NEGATIVE,
                        EarlyWarning.Kind.THRESHOLD_CROSSED, EarlyWarning.Kind.FLAG_ENDED, EarlyWarning.Kind.STATUS_ROSE),
                k -> li(t.get("attention.count." + k.name(), report.of(k).size())))).withClass("early-warning");
    }

    private String change(Viewer v, Basis basis, List<EarlyWarning.Alert> alerts, String areaCode) {
        Texts t = v.texts();
        if (basis.year() == null || !basis.results().containsKey(areaCode)) {
            return t.get("attention.noPrevious");
        }
        List<String> changes = new ArrayList<>();
        for (EarlyWarning.Alert al : alerts) {
            changes.add(switch (al.kind()) {
                case NEWLY_FLAGGED -> t.get("attention.new");
                case FLAG_ENDED -> t.get("attention.ended");
                case STATUS_FELL, STATUS_ROSE -> t.get("attention.statusMoved", t.statusClass(al.from()), t.statusClass(al.to()));
                case DYNAMICS_TURNED_NEGATIVE -> t.get("attention.turnedNegative");
                case THRESHOLD_CROSSED -> {
                    Indicator i = web.catalog().indicator(al.indicatorId()).orElseThrow();
                    yield t.get("attention.thresholdCrossed", i.name(v.lang()), t.number(al.threshold(), i.precision()),
                            t.number(al.previousValue(), i.precision()), t.number(al.currentValue(), i.precision()));
                }
            });
        }
        return changes.isEmpty() ? t.get("attention.unchanged") : String.join("; ", changes);
    }

    /**
     * The z-scores behind "why", from the mean and SD the method standardised with (stored with
     * the result set and published with the release): for the status of each shown rate, for the
     * dynamics of each shown change; the sign reversed where a higher value is better. A withheld
     * value has no z-score. The same z-scores the committee report prints.
     */
    private record Drivers(Map<String, double[]> stats) {
        private Double z(String component, Indicator indicator, Double x) {
            double[] meanAndSd = stats.get(component + "|" + indicator.id());
            if (meanAndSd == null || x == null) {
                return null;
            }
            double z = (x - meanAndSd[0]) / meanAndSd[1];
            return indicator.polarity() == de.sozialmonitor.model.Polarity.HIGHER_IS_BETTER ? -z : z;
        }

        Double status(Indicator indicator, Cell c) {
            return z(de.sozialmonitor.method.ComponentStat.STATUS, indicator, c.value());
        }

        Double dynamics(Indicator indicator, Cell c) {
            return z(de.sozialmonitor.method.ComponentStat.DYNAMICS, indicator, c.change());
        }
    }

    /**
     * What drives the flag: the attention indicators with the highest status z-scores (above +1
     * SD), and for negative dynamics those whose change was worst (above +1 SD).
     */
    private String drivers(Viewer v, Drivers drivers, AreaResult result, Map<String, Cell> cells) {
        List<String> parts = new ArrayList<>();
        List<String> status = highest(v, cells, 3, web.config().method().statusIndicators().keySet(), drivers::status);
        if (!status.isEmpty()) {
            parts.add(String.join("; ", status));
        }
        if ("negativ".equals(result.dynamicsClass())) {
            List<String> dynamics = highest(v, cells, 2, web.config().method().dynamicsIndicators().keySet(), drivers::dynamics);
            if (!dynamics.isEmpty()) {
                parts.add(v.texts().get("attention.whyDynamics", String.join(", ", dynamics)));
            }
        }
        return parts.isEmpty() ? "–" : String.join(". ", parts);
    }

    private List<String> highest(Viewer v, Map<String, Cell> cells, int limit, java.util.Set<String> indicators,
                                 java.util.function.BiFunction<Indicator, Cell, Double> zOf) {
        List<Map.Entry<Indicator, Double>> high = new ArrayList<>();
        cells.forEach((id, c) -> web.catalog().indicator(id).filter(i -> indicators.contains(id)).ifPresent(i -> {
            Double z = zOf.apply(i, c);
            if (z != null && z > 1.0) {
                high.add(Map.entry(i, z));
            }
        }));
        return high.stream()
                .sorted(Map.Entry.<Indicator, Double>comparingByValue().reversed())
                .limit(limit)
                .map(e -> e.getKey().name(v.lang()) + " (z = " + v.texts().number(e.getValue(), 1) + ")")
                .toList();
    }
}
