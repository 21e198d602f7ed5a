package de.sozialmonitor.report;

import de.sozialmonitor.method.ComponentStat;
import de.sozialmonitor.method.EarlyWarning;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.Measure;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.ReferenceRegion;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.report.ReportModel.AreaResult;
import de.sozialmonitor.report.ReportModel.AttentionEntry;
import de.sozialmonitor.report.ReportModel.Cell;
import de.sozialmonitor.report.ReportModel.ChangeEntry;
import de.sozialmonitor.report.ReportModel.ChangeKind;
import de.sozialmonitor.report.ReportModel.IndicatorDescription;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.store.ReleaseRepository.ReleaseInfo;
import de.sozialmonitor.view.AreaClasses;
import de.sozialmonitor.view.AttentionList;
import de.sozialmonitor.view.Choropleth;
import de.sozialmonitor.view.Drivers;
import de.sozialmonitor.view.EarlyWarnings;
import de.sozialmonitor.view.Figure;
import de.sozialmonitor.view.MeasureView;
import de.sozialmonitor.view.ReferenceView;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.view.ResultViews;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;

/**
 * Lays out the {@link ReportModel} of one release from its {@link ResultView}: the same figures,
 * classes, "why" ({@link Drivers}) and early warning ({@link EarlyWarnings}) the web shows, in the
 * report's order. A public report renders the release's protected figures, an internal one every
 * frozen figure; the method, catalog and disclosure rules are those frozen with the release.
 */
public final class ReportModelBuilder {

    /** What the report takes from the workspace: the maps' credit line ({@code web.attribution}, shared with the web maps). */
    public record Context(String geometryAttribution) {
        public static Context of(de.sozialmonitor.workspace.Workspace ws) {
            var raw = ws.config().raw();
            String attribution = raw == null ? "" : raw.get("web").get("attribution").string("");
            return new Context(attribution.isBlank() ? null : attribution);
        }
    }

    private final ResultViews views;
    private final Context context;

    public ReportModelBuilder(ResultViews views, Context context) {
        this.views = views;
        this.context = context;
    }

    /** The model of release {@code number}; IllegalArgumentException if there is no such release. */
    public ReportModel build(int number, ReportModel.Options options) {
        ResultView view = views.release(number, !options.internal())
                .orElseThrow(() -> new IllegalArgumentException("there is no release " + number));
        return build(view, views.previous(view), options);
    }

    /** The newest release (newest Berichtsjahr, then highest number), if any. */
    public Optional<Integer> latestRelease() {
        return views.allReleases().stream().max(ReleaseRepository.OLDEST_FIRST).map(ReleaseInfo::number);
    }

    private ReportModel build(ResultView view, Optional<ResultView> previous, ReportModel.Options options) {
        int year = view.year();
        MethodConfig method = view.method();
        String analysisLevel = view.analysisLevel();
        String territoryLevel = levelAt(view, 0);
        String municipalityLevel = levelAt(view, 1);
        if (municipalityLevel != null && municipalityLevel.equals(analysisLevel)) {
            municipalityLevel = null;
        }
        List<IndicatorDescription> indicators = indicators(view, options.language());

        List<AreaResult> areas = new ArrayList<>();
        List<AreaResult> municipalities = new ArrayList<>();
        AreaResult territoryTotal = null;
        for (AreaInfo a : view.areas().values()) {
            if (a.level().equals(analysisLevel)) {
                areas.add(area(view, a, indicators));
            } else if (municipalityLevel != null && a.level().equals(municipalityLevel)) {
                municipalities.add(area(view, a, indicators));
            } else if (a.level().equals(territoryLevel)) {
                territoryTotal = area(view, a, indicators);
            }
        }
        areas.sort(Comparator.comparing(AreaResult::code));
        municipalities.sort(Comparator.comparing(AreaResult::code));

        List<ReportModel.AttentionGroup> attention = attentionGroups(view, previous.orElse(null), areas);
        ReportModel.Changes changes = previous.map(p -> changes(p, view, areas)).orElse(ReportModel.Changes.none());

        Map<String, AreaResult> byCode = new LinkedHashMap<>();
        municipalities.forEach(m -> byCode.put(m.code(), m));
        List<ReportModel.ProfilePage> profiles = new ArrayList<>();
        for (AreaResult a : areas) {
            if (options.profilesForAllAreas() || a.attention()) {
                profiles.add(profile(view, a, byCode.get(a.parentCode()), territoryTotal, indicators));
            }
        }

        Map<String, Geometry> areaGeoms = geometries(view, analysisLevel);
        Map<String, Geometry> munGeoms = municipalityLevel == null ? Map.of() : geometries(view, municipalityLevel);
        Map<String, String> munNames = new TreeMap<>();
        munGeoms.keySet().forEach(code -> view.area(code).ifPresent(a -> munNames.put(code, a.name())));
        Map<String, String> areaNames = new TreeMap<>();
        areaGeoms.keySet().forEach(code -> view.area(code).ifPresent(a -> areaNames.put(code, a.name())));
        // computed once for all maps of the report
        Map<String, de.sozialmonitor.model.AreaGeometry.LabelPoint> labelPoints = new TreeMap<>();
        areaGeoms.forEach((code, g) -> labelPoints.put(code, de.sozialmonitor.model.AreaGeometry.labelPoint(g, true)));
        munGeoms.forEach((code, g) -> labelPoints.put(code, de.sozialmonitor.model.AreaGeometry.labelPoint(g, true)));

        ResultView.Source s = view.source();
        ReportModel.ReportedRelease release = new ReportModel.ReportedRelease(s.releaseNumber(), s.title(), s.createdOn(), s.publishedOn(),
                s.checksum(), year, previous.map(p -> p.source().releaseNumber()).orElse(null));
        ReportModel.MethodInfo methodInfo = new ReportModel.MethodInfo(analysisLevel, municipalityLevel,
                method.minPopulation(), method.dynamicsYears(), method.statusThresholds(), method.dynamicsThresholds(),
                method.attentionRule(), method.statusIndicators(), method.dynamicsIndicators(),
                method.earlyWarningThresholds(), stats(view, indicators), view.privacy().minCount(),
                view.privacy().minPopulationForRates(), method.standardisation(), method.exclude());
        String geometrySource = context.geometryAttribution() != null ? context.geometryAttribution()
                : views.geometrySources().isEmpty() ? null : String.join(", ", views.geometrySources());
        return new ReportModel(view.territory(),
                release, options, methodInfo, indicators, areas, municipalities, territoryTotal, attention, changes, profiles,
                new ReportModel.MapData(areaGeoms, munGeoms, munNames, areaNames, labelPoints, geometrySource,
                        shadings(view, indicators, options)),
                sources(view, indicators), imports(view)).withCertainty(views.certainty(view))
                .withSteering(steering(view, territoryTotal, indicators, options));
    }

    /** Beside a county's official figures no more than this many other regions are printed (the indicator pages list all). */
    static final int MAX_OTHER_REGIONS = 6;

    /**
     * The reference regions beside the county and the measures in its areas. Reference figures are
     * public statistics; measures are read as recorded now (they are not frozen with a release): a
     * public report has those marked public, compared on the release's published figures, an
     * internal report every measure.
     */
    private ReportModel.Steering steering(ResultView view, AreaResult territoryTotal, List<IndicatorDescription> indicators,
                                          ReportModel.Options options) {
        return new ReportModel.Steering(references(views.references(view), view, territoryTotal, indicators),
                measureAreas(views.measures(view, options.internal()), view),
                measures(views.measures(view, options.internal()), indicators));
    }

    static ReportModel.ReferenceComparison references(ReferenceView refs, ResultView view, AreaResult territoryTotal,
                                                     List<IndicatorDescription> indicators) {
        if (refs.isEmpty()) {
            return ReportModel.ReferenceComparison.NONE;
        }
        int year = view.year();
        List<ReferenceRegion> regions = new ArrayList<>(refs.forProfile());
        refs.all().stream().filter(r -> r.kind() == ReferenceRegion.Kind.COUNTY && !regions.contains(r))
                .sorted(Comparator.comparing(ReferenceRegion::code)).limit(MAX_OTHER_REGIONS).forEach(regions::add);
        List<ReportModel.ReferenceRow> rows = new ArrayList<>();
        for (IndicatorDescription d : indicators) {
            Indicator i = view.catalog().indicator(d.id()).orElse(null);
            if (i == null || !i.targetGroup().isTotal()) {
                continue;
            }
            List<ReportModel.ReferenceCell> cells = new ArrayList<>();
            boolean any = false;
            for (ReferenceRegion r : regions) {
                Optional<ReferenceView.Value> v = refs.value(i, r.code(), year);
                if (v.isEmpty()) {
                    cells.add(new ReportModel.ReferenceCell(Cell.EMPTY, null));
                } else if (v.get().shown()) {
                    any = true;
                    cells.add(new ReportModel.ReferenceCell(Cell.of(v.get().value()), v.get().year() == year ? null : v.get().year()));
                } else {
                    cells.add(new ReportModel.ReferenceCell(new Cell(null, v.get().status().symbol(), "reference"), null));
                }
            }
            if (any) {
                rows.add(new ReportModel.ReferenceRow(d.id(), territoryTotal == null ? Cell.missing() : territoryTotal.value(d.id()), cells));
            }
        }
        List<ReportModel.ReferenceColumn> columns = regions.stream()
                .map(r -> new ReportModel.ReferenceColumn(r.code(), r.name(), refs.isTerritory(r))).toList();
        return rows.isEmpty() ? ReportModel.ReferenceComparison.NONE : new ReportModel.ReferenceComparison(year, columns, rows);
    }

    /** Every area of the view with a measure, by area name, then start: which measure, its field and period. */
    static List<ReportModel.MeasureArea> measureAreas(MeasureView measures, ResultView view) {
        List<ReportModel.MeasureArea> out = new ArrayList<>();
        for (MeasureView.Entry e : measures.all()) {
            Measure m = e.measure();
            for (AreaInfo a : e.areas()) {
                out.add(new ReportModel.MeasureArea(a.code(), a.name(), m.key(), m.title(), m.fieldOfAction(), m.start(), m.end(),
                        !m.shownPublic()));
            }
        }
        out.sort(Comparator.comparing(ReportModel.MeasureArea::areaName).thenComparing(ReportModel.MeasureArea::areaCode)
                .thenComparing(ReportModel.MeasureArea::start, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ReportModel.MeasureArea::measureKey));
        return out;
    }

    /** Each visible measure with its facts and the before/after description of its indicators the report describes. */
    static List<ReportModel.MeasureEntry> measures(MeasureView measures, List<IndicatorDescription> indicators) {
        java.util.Set<String> described = new java.util.HashSet<>();
        indicators.forEach(i -> described.add(i.id()));
        List<ReportModel.MeasureEntry> out = new ArrayList<>();
        for (MeasureView.Entry e : measures.all()) {
            Measure m = e.measure();
            List<ReportModel.MeasureTrend> trends = measures.trends(e).stream().filter(t -> described.contains(t.indicator().id()))
                    .map(t -> new ReportModel.MeasureTrend(t.area().name(), t.indicator().id(), t.comparison())).toList();
            List<String> areaNames = new ArrayList<>(e.areas().stream().map(AreaInfo::name).toList());
            areaNames.addAll(e.otherAreas());
            out.add(new ReportModel.MeasureEntry(m.key(), m.title(), m.fieldOfAction(), m.office(), m.start(), m.end(), m.funding(),
                    m.targetGroup(), areaNames, m.indicatorIds().stream().filter(described::contains).toList(), m.description(),
                    !m.shownPublic(), trends));
        }
        return out;
    }

    /** The classes of every map of the report, as the web map classifies the same areas. */
    private static Map<String, Choropleth.Shading> shadings(ResultView view, List<IndicatorDescription> indicators, ReportModel.Options options) {
        List<String> codes = view.areasOn(view.analysisLevel()).stream().map(AreaInfo::code).sorted().toList();
        java.util.Locale locale = "en".equals(options.language()) ? java.util.Locale.ENGLISH : java.util.Locale.GERMAN;
        Map<String, Choropleth.Shading> out = new LinkedHashMap<>();
        for (Choropleth.Kind kind : List.of(Choropleth.Kind.STATUS, Choropleth.Kind.DYNAMICS, Choropleth.Kind.ATTENTION)) {
            Choropleth.Mode mode = new Choropleth.Mode(kind, null);
            out.put(mode.param(), Choropleth.shade(view, codes, view.year(), mode, locale));
        }
        for (IndicatorDescription i : indicators) {
            if (i.attention()) {
                Choropleth.Mode mode = new Choropleth.Mode(Choropleth.Kind.INDICATOR, view.catalog().indicator(i.id()).orElseThrow());
                out.put(mode.param(), Choropleth.shade(view, codes, view.year(), mode, locale));
            }
        }
        return out;
    }

    /** A figure as the report prints it: the number, or the release's symbol with its footnote. */
    static Cell cell(Figure f) {
        if (f.shown()) {
            return Cell.of(f.value());
        }
        if (f.withheld()) {
            return "x".equals(f.symbol()) ? Cell.notApplicable() : Cell.suppressed();
        }
        return Cell.missing();
    }

    private static AreaResult area(ResultView view, AreaInfo a, List<IndicatorDescription> indicators) {
        int year = view.year();
        Map<String, Cell> values = new LinkedHashMap<>();
        Map<String, Cell> changes = new LinkedHashMap<>();
        for (IndicatorDescription ind : indicators) {
            values.put(ind.id(), cell(view.rate(ind.id(), a.code(), year)));
            changes.put(ind.id(), cell(view.change(ind.id(), a.code(), year)));
        }
        AreaClasses c = view.classes(a.code()).orElse(null);
        String parentName = view.area(a.parentCode()).map(AreaInfo::name).orElse(null);
        return new AreaResult(a.code(), a.name(), a.level(), a.parentCode(), parentName, cell(view.population(a.code(), year)),
                values, changes, c == null ? null : c.statusIndex(), c == null ? null : c.statusClass(),
                c == null ? null : c.dynamicsIndex(), c == null ? null : c.dynamicsClass(), c != null && c.attention(),
                c == null ? null : c.excluded(), c == null ? null : c.statusBand(), c == null ? null : c.dynamicsBand());
    }

    /**
     * The attention list as the web shows it ({@link AttentionList}: the same groups against the same
     * previous release, the same order by need, the same drivers), with the report's printed figures.
     */
    private static List<ReportModel.AttentionGroup> attentionGroups(ResultView view, ResultView previous, List<AreaResult> areas) {
        AttentionList list = AttentionList.of(view, previous);
        Map<String, AreaResult> byCode = new LinkedHashMap<>();
        areas.forEach(a -> byCode.put(a.code(), a));
        List<ReportModel.AttentionGroup> out = new ArrayList<>();
        for (AttentionList.Group g : list.shownGroups()) {
            List<AttentionEntry> entries = new ArrayList<>();
            for (AttentionList.Entry e : list.entries(g)) {
                AreaResult a = byCode.get(e.area().code());
                if (a != null) {
                    entries.add(new AttentionEntry(a, e.drivers(), reason(a)));
                }
            }
            out.add(new ReportModel.AttentionGroup(g, entries));
        }
        return out;
    }

    private static List<Drivers.Driver> drivers(ResultView view, String areaCode) {
        return Drivers.of(view, areaCode);
    }

    private static String reason(AreaResult a) {
        List<String> parts = new ArrayList<>();
        if (SummaryWriter.lowStatus(a)) {
            parts.add("status:" + a.statusClass().code());
        }
        if (a.dynamicsClass() == DynamicsClass.NEGATIV) {
            parts.add("dynamics:negativ");
        }
        return String.join(",", parts);
    }

    private static ReportModel.Changes changes(ResultView previous, ResultView view, List<AreaResult> areas) {
        EarlyWarning.Report report = EarlyWarnings.compare(previous, view);
        Map<String, AreaClasses> before = previous.allClasses();
        List<ChangeEntry> out = new ArrayList<>();
        for (EarlyWarning.Alert alert : report.alerts()) {
            AreaClasses was = before.get(alert.areaCode());
            switch (alert.kind()) {
                case NEWLY_FLAGGED, FLAG_ENDED, STATUS_FELL -> out.add(new ChangeEntry(changeKind(alert.kind()), alert.areaCode(),
                        alert.areaName(), null, was == null || was.statusClass() == null ? null : was.statusClass().code(),
                        statusCode(alert.areaCode(), areas), null));
                case DYNAMICS_TURNED_NEGATIVE -> out.add(new ChangeEntry(ChangeKind.DYNAMICS_NEGATIVE, alert.areaCode(), alert.areaName(),
                        null, was == null || was.dynamicsClass() == null ? null : was.dynamicsClass().code(), alert.to(), null));
                // the earlier value is not printed: it might not be printable under today's disclosure rules
                case THRESHOLD_CROSSED -> out.add(new ChangeEntry(ChangeKind.THRESHOLD_CROSSED, alert.areaCode(), alert.areaName(),
                        alert.indicatorId(), null, null, alert.threshold()));
                case STATUS_ROSE -> {
                }
            }
        }
        return new ReportModel.Changes(previous.source().releaseNumber(), previous.year(), out);
    }

    private static ChangeKind changeKind(EarlyWarning.Kind kind) {
        return switch (kind) {
            case NEWLY_FLAGGED -> ChangeKind.NEW_ATTENTION;
            case FLAG_ENDED -> ChangeKind.ATTENTION_ENDED;
            case STATUS_FELL -> ChangeKind.STATUS_FELL;
            case DYNAMICS_TURNED_NEGATIVE -> ChangeKind.DYNAMICS_NEGATIVE;
            case THRESHOLD_CROSSED -> ChangeKind.THRESHOLD_CROSSED;
            case STATUS_ROSE -> throw new IllegalArgumentException("not a report change: " + kind);
        };
    }

    private static String statusCode(String code, List<AreaResult> areas) {
        return areas.stream().filter(a -> a.code().equals(code)).findFirst()
                .map(a -> a.statusClass() == null ? null : a.statusClass().code()).orElse(null);
    }

    private static ReportModel.ProfilePage profile(ResultView view, AreaResult a, AreaResult municipality, AreaResult territory,
                                               List<IndicatorDescription> indicators) {
        List<Integer> years = List.copyOf(view.years());
        List<ReportModel.Trend> trends = new ArrayList<>();
        for (IndicatorDescription ind : indicators) {
            if (ind.attention()) {
                trends.add(new ReportModel.Trend(ind.id(), years, series(view, a.code(), ind.id(), years),
                        municipality == null ? List.of() : series(view, municipality.code(), ind.id(), years),
                        territory == null ? List.of() : series(view, territory.code(), ind.id(), years)));
            }
        }
        List<ReportModel.TargetGroupRow> groups = new ArrayList<>();
        view.breakdowns(a.code(), view.year()).forEach((group, figures) -> figures.forEach((id, f) -> groups.add(
                new ReportModel.TargetGroupRow(id, group, cell(f), territory == null ? Cell.missing()
                        : cell(view.breakdowns(territory.code(), view.year()).getOrDefault(group, Map.of())
                        .getOrDefault(id, Figure.MISSING))))));
        groups.sort(Comparator.comparing(ReportModel.TargetGroupRow::indicatorId).thenComparing(ReportModel.TargetGroupRow::targetGroup));
        return new ReportModel.ProfilePage(a, municipality, trends, groups, a.attention() ? drivers(view, a.code()) : List.of());
    }

    private static List<Cell> series(ResultView view, String area, String indicator, List<Integer> years) {
        List<Cell> out = new ArrayList<>();
        for (int y : years) {
            out.add(cell(view.rate(indicator, area, y)));
        }
        return out;
    }

    private static List<ReportModel.IndicatorStat> stats(ResultView view, List<IndicatorDescription> indicators) {
        List<String> order = indicators.stream().map(IndicatorDescription::id).toList();
        return view.stats().stream()
                .map(s -> new ReportModel.IndicatorStat(s.component(), s.indicatorId(), s.n(), nan(s.mean()), nan(s.sd()), s.leftOut()))
                .sorted(Comparator.comparing((ReportModel.IndicatorStat s) -> ComponentStat.STATUS.equals(s.component()) ? 0 : 1)
                        .thenComparing(s -> order.indexOf(s.indicatorId()) < 0 ? Integer.MAX_VALUE : order.indexOf(s.indicatorId())))
                .toList();
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** Indicators of the release's catalog that have figures: attention indicators first. */
    private static List<IndicatorDescription> indicators(ResultView view, String language) {
        List<Indicator> attentionIndicators = view.attentionIndicators();
        List<IndicatorDescription> att = new ArrayList<>();
        List<IndicatorDescription> prof = new ArrayList<>();
        for (Indicator i : view.catalog().indicators()) {
            boolean attention = attentionIndicators.contains(i);
            if (!attention && view.years().stream().noneMatch(y -> view.hasFigures(i.id(), y))) {
                continue;
            }
            IndicatorDescription info = new IndicatorDescription(i.id(), i.name(language), i.topic(), unit(i), i.precision(),
                    i.formula(), i.targetGroup().key(),
                    attention, i.polarity(), i.source(), i.definition());
            (attention ? att : prof).add(info);
        }
        att.addAll(prof);
        return att;
    }

    private static String unit(Indicator i) {
        if (i.unit() != null && !i.unit().isBlank()) {
            return i.unit();
        }
        return i.scale() == 1000 ? "‰" : "%";
    }

    private static List<ReportModel.SourceInfo> sources(ResultView view, List<IndicatorDescription> indicators) {
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        for (IndicatorDescription i : indicators) {
            bySource.computeIfAbsent(i.source() == null || i.source().isBlank() ? "–" : i.source(), k -> new ArrayList<>()).add(i.id());
        }
        List<ReportModel.SourceInfo> out = new ArrayList<>();
        bySource.forEach((source, ids) -> {
            Integer latest = view.years().stream().filter(y -> ids.stream().anyMatch(id -> view.hasFigures(id, y)))
                    .max(Integer::compare).orElse(null);
            out.add(new ReportModel.SourceInfo(source, ids, latest));
        });
        return out;
    }

    /** The imports the release recorded, with what the import log says of them. */
    private List<ReportModel.ImportInfo> imports(ResultView view) {
        List<ReportModel.ImportInfo> out = new ArrayList<>();
        for (ReleaseContent.InputFile f : view.imports()) {
            var row = views.importRow(f.importId());
            LocalDate on = row.map(r -> r.finishedAt() != null ? r.finishedAt() : r.startedAt())
                    .map(t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()).orElse(null);
            out.add(new ReportModel.ImportInfo(f.importId(), f.fileName(), f.source(), row.map(r -> r.format()).orElse(null),
                    f.sha256(), on, row.map(r -> r.rowsRead()).orElse(0L), row.map(r -> r.rowsAccepted()).orElse(0L),
                    row.map(r -> r.rowsRejected()).orElse(0L)));
        }
        return out;
    }

    private Map<String, Geometry> geometries(ResultView view, String level) {
        Map<String, Geometry> out = new TreeMap<>();
        views.geometries(view, level).forEach((code, json) -> {
            Geometry g = de.sozialmonitor.model.AreaGeometry.parse(json);
            if (g != null) {
                out.put(code, g);
            }
        });
        return out;
    }

    private static String levelAt(ResultView view, int depth) {
        return view.levels().stream().filter(l -> l.depth() == depth).map(ResultView.Level::name).findFirst().orElse(null);
    }
}
