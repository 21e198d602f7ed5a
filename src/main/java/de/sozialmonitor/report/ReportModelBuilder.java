package de.sozialmonitor.report;

import de.sozialmonitor.method.EarlyWarning;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.PrivacyConfig;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.report.ReportModel.AreaResult;
import de.sozialmonitor.report.ReportModel.AttentionEntry;
import de.sozialmonitor.report.ReportModel.Cell;
import de.sozialmonitor.report.ReportModel.Change;
import de.sozialmonitor.report.ReportModel.ChangeKind;
import de.sozialmonitor.report.ReportModel.Driver;
import de.sozialmonitor.report.ReportModel.IndicatorInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Geometry;

/**
 * Builds the {@link ReportModel} of one release from the database (tables of V1: release,
 * result_set, result_area, result_value, result_stat, area, area_level, observation, import).
 *
 * <p>Disclosure control is decided here, cell by cell, through a {@link CellDisclosure}: a public
 * report gets only figures it allows; an internal report gets every computed figure.
 */
public final class ReportModelBuilder {

    /** Territory name and code, catalog and parameters of the workspace, used where a release does not record them. */
    public record Context(String territoryCode, String territoryName, boolean synthetic, IndicatorCatalog catalog,
                          MethodConfig method, PrivacyConfig privacy, String geometryAttribution) {
        public Context(String territoryCode, String territoryName, boolean synthetic, IndicatorCatalog catalog,
                       MethodConfig method, PrivacyConfig privacy) {
            this(territoryCode, territoryName, synthetic, catalog, method, privacy, null);
        }

        /** The workspace's settings; the maps' credit line is {@code web.attribution}, shared with the web maps. */
        public static Context of(de.sozialmonitor.workspace.Workspace ws) {
            var c = ws.config();
            String attribution = null;
            try {
                attribution = c.raw() == null ? null : c.raw().get("web").get("attribution").string("");
            } catch (RuntimeException e) {
                attribution = null;
            }
            return new Context(c.territoryCode(), c.territoryName(), c.synthetic(), ws.catalog(), c.method(), c.privacy(),
                    attribution == null || attribution.isBlank() ? null : attribution);
        }
    }

    private final Jdbi jdbi;
    private final Context context;

    public ReportModelBuilder(Jdbi jdbi, Context context) {
        this.jdbi = jdbi;
        this.context = context;
    }

    /** The model of release {@code number}; IllegalArgumentException if there is no such release. */
    public ReportModel build(int number, ReportModel.Options options) {
        return jdbi.withHandle(h -> new Build(h, number, options).run());
    }

    /** The newest release (newest Berichtsjahr, then highest number), if any. */
    public Optional<Integer> latestRelease() {
        return new de.sozialmonitor.store.ReleaseRepository(jdbi).list().stream()
                .max(de.sozialmonitor.store.ReleaseRepository.OLDEST_FIRST).map(de.sozialmonitor.store.ReleaseRepository.ReleaseInfo::number);
    }

    private record ValueRow(String area, int year, String indicator, String targetGroup, Double numerator,
                            Double denominator, Double value, Double change, Double zStatus, Double zDynamics) {
    }

    private record AreaRow(String code, String name, String level, String parent, String geometry) {
    }

    private record ResultRow(String code, Double statusIndex, String statusClass, Double dynamicsIndex,
                             String dynamicsClass, boolean attention, String excluded) {
    }

    /** One build: the state of a single run, so that the builder itself stays stateless. */
    private final class Build {
        private final Handle h;
        private final int number;
        private final ReportModel.Options options;
        private int year;
        private long resultSetId;
        private MethodConfig method;
        private CellDisclosure disclosure;
        private final Map<String, ValueRow> values = new HashMap<>();
        private final Map<String, Double> population = new HashMap<>();
        private final Map<String, AreaRow> areaRows = new LinkedHashMap<>();
        private List<IndicatorInfo> indicators;
        private IndicatorCatalog catalog;

        /** The catalog the result set was computed with (stored by the method part), else the workspace's. */
        private IndicatorCatalog releaseCatalog() {
            try {
                return de.sozialmonitor.store.ResultRepository.load(h, resultSetId)
                        .map(de.sozialmonitor.method.MonitoringResult::catalog)
                        .filter(c -> !c.indicators().isEmpty())
                        .orElse(context.catalog());
            } catch (RuntimeException e) {
                return context.catalog(); // a result set written before the method part's format (fixtures)
            }
        }

        Build(Handle h, int number, ReportModel.Options options) {
            this.h = h;
            this.number = number;
            this.options = options;
        }

        ReportModel run() {
            Map<String, Object> rel = h.createQuery("SELECT number, title, year, result_set_id, created_at, published_at, checksum "
                            + "FROM release WHERE number = :n").bind("n", number).mapToMap().findOne()
                    .orElseThrow(() -> new IllegalArgumentException("there is no release " + number));
            year = ((Number) rel.get("year")).intValue();
            resultSetId = ((Number) rel.get("result_set_id")).longValue();
            Map<String, Object> rs = h.createQuery("SELECT year, method_json, catalog_json, analysis_level FROM result_set WHERE id = :id")
                    .bind("id", resultSetId).mapToMap().one();
            method = de.sozialmonitor.store.ResultRepository.methodConfig((String) rs.get("method_json"));
            catalog = releaseCatalog();
            String analysisLevel = (String) rs.get("analysis_level");
            // the basis of the changes is what the public saw before: the newest older published release
            // (by Berichtsjahr, then number) that no published release corrects (as on the web's attention list)
            Integer previous = new de.sozialmonitor.store.ReleaseRepository(jdbi).previousPublished(number)
                    .map(de.sozialmonitor.store.ReleaseRepository.ReleaseInfo::number).orElse(null);
            ReportModel.ReleaseInfo release = new ReportModel.ReleaseInfo(number, (String) rel.get("title"),
                    date(rel.get("created_at")), date(rel.get("published_at")), trim((String) rel.get("checksum")), year, previous);

            PrivacyConfig privacy = context.privacy();
            disclosure = options.internal() ? CellDisclosure.internal() : publicDisclosure(privacy);

            loadAreas();
            loadValues();
            loadPopulation();
            Map<String, Integer> depth = new HashMap<>();
            h.createQuery("SELECT name, depth FROM area_level").mapToMap()
                    .forEach(r -> depth.put((String) r.get("name"), ((Number) r.get("depth")).intValue()));
            String territoryLevel = levelAt(depth, 0);
            String municipalityLevel = levelAt(depth, 1);
            if (municipalityLevel != null && municipalityLevel.equals(analysisLevel)) {
                municipalityLevel = null;
            }
            indicators = indicatorInfos();

            Map<String, ResultRow> results = results(resultSetId, year);
            List<AreaResult> areas = new ArrayList<>();
            for (AreaRow a : areaRows.values()) {
                if (a.level().equals(analysisLevel)) {
                    areas.add(areaResult(a, results.get(a.code())));
                }
            }
            areas.sort(Comparator.comparing(AreaResult::code));
            List<AreaResult> municipalities = new ArrayList<>();
            AreaResult territoryTotal = null;
            for (AreaRow a : areaRows.values()) {
                if (municipalityLevel != null && a.level().equals(municipalityLevel)) {
                    municipalities.add(areaResult(a, null));
                } else if (a.level().equals(territoryLevel)) {
                    territoryTotal = areaResult(a, null);
                }
            }
            municipalities.sort(Comparator.comparing(AreaResult::code));

            List<AttentionEntry> attention = new ArrayList<>();
            for (AreaResult a : areas) {
                if (a.attention()) {
                    attention.add(new AttentionEntry(a, drivers(a), reason(a)));
                }
            }
            ReportModel.Changes changes = previous == null ? ReportModel.Changes.none() : changes(previous, areas);

            Map<String, AreaResult> byCode = new HashMap<>();
            municipalities.forEach(m -> byCode.put(m.code(), m));
            List<ReportModel.Profile> profiles = new ArrayList<>();
            for (AreaResult a : areas) {
                if (options.profilesForAllAreas() || a.attention()) {
                    profiles.add(profile(a, byCode.get(a.parentCode()), territoryTotal));
                }
            }

            Map<String, Geometry> areaGeoms = new TreeMap<>();
            Map<String, Geometry> munGeoms = new TreeMap<>();
            Map<String, String> munNames = new TreeMap<>();
            for (AreaRow a : areaRows.values()) {
                Geometry g = a.level().equals(analysisLevel) || (municipalityLevel != null && a.level().equals(municipalityLevel))
                        ? de.sozialmonitor.model.AreaGeometry.parse(a.geometry()) : null;
                if (g == null) {
                    continue;
                }
                if (a.level().equals(analysisLevel)) {
                    areaGeoms.put(a.code(), g);
                } else {
                    munGeoms.put(a.code(), g);
                    munNames.put(a.code(), a.name());
                }
            }

            ReportModel.MethodInfo methodInfo = new ReportModel.MethodInfo(analysisLevel, municipalityLevel,
                    method.minPopulation(), method.dynamicsYears(), method.statusThresholds(), method.dynamicsThresholds(),
                    method.attentionRule(), method.statusIndicators(), method.dynamicsIndicators(),
                    method.earlyWarningThresholds(), stats(), privacy.minCount(), privacy.minPopulationForRates(),
                    method.standardisation(), method.exclude());
            return new ReportModel(new ReportModel.Territory(context.territoryCode(), context.territoryName(), context.synthetic()), release,
                    options, methodInfo, indicators, areas, municipalities, territoryTotal, attention, changes, profiles,
                    new ReportModel.MapData(areaGeoms, munGeoms, munNames, geometrySource(analysisLevel)), sources(),
                    imports((OffsetDateTime) null));
        }

        /**
         * Public figures come from the release's protected download (privacy part), which also
         * carries secondary suppression; a release without one (older or fixture) gets the primary
         * rules of the workspace.
         */
        private CellDisclosure publicDisclosure(PrivacyConfig privacy) {
            CellDisclosure primary = CellDisclosure.primary(privacy);
            try {
                return new de.sozialmonitor.store.ReleaseRepository(jdbi)
                        .internalDownload(number, de.sozialmonitor.privacy.ReleaseDownload.Format.CSV)
                        .map(de.sozialmonitor.privacy.ReleaseDownload::readCsv)
                        .filter(rows -> !rows.isEmpty())
                        .map(rows -> CellDisclosure.protectedRows(rows,
                                method.populationVariable() == null ? "pop_total" : method.populationVariable(), primary))
                        .orElse(primary);
            } catch (RuntimeException e) {
                return primary; // no release files table content for this release
            }
        }

        /** The sources of the imports that delivered the drawn boundaries, for the maps' source line. */
        private String geometrySource(String analysisLevel) {
            if (context.geometryAttribution() != null) {
                return context.geometryAttribution();
            }
            List<String> sources = h.createQuery("SELECT DISTINCT i.source FROM area a JOIN import i ON i.id = a.import_id "
                            + "WHERE a.geometry IS NOT NULL ORDER BY i.source")
                    .mapTo(String.class).list();
            return sources.isEmpty() ? null : String.join(", ", sources);
        }

        private void loadAreas() {
            LocalDate ref = LocalDate.of(year, 12, 31);
            h.createQuery("SELECT code, name, level, parent_code, geometry, valid_from, valid_to FROM area ORDER BY code, valid_from")
                    .mapToMap().forEach(r -> {
                        LocalDate from = date(r.get("valid_from"));
                        LocalDate to = date(r.get("valid_to"));
                        boolean valid = (from == null || !from.isAfter(ref)) && (to == null || to.isAfter(ref));
                        if (valid) {
                            areaRows.put((String) r.get("code"), new AreaRow((String) r.get("code"), (String) r.get("name"),
                                    (String) r.get("level"), (String) r.get("parent_code"), (String) r.get("geometry")));
                        }
                    });
        }

        private void loadValues() {
            h.createQuery("SELECT area_code, year, indicator_id, target_group, numerator, denominator, value, change_value, z_status, z_dynamics "
                            + "FROM result_value WHERE result_set_id = :id")
                    .bind("id", resultSetId)
                    .map((rs, ctx) -> new ValueRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            nullable(rs, 5), nullable(rs, 6), nullable(rs, 7), nullable(rs, 8), nullable(rs, 9), nullable(rs, 10)))
                    .forEach(v -> values.put(key(v.area(), v.year(), v.indicator(), v.targetGroup()), v));
        }

        /** Population (main residence) from the active observations, for the table and for disclosure control. */
        private void loadPopulation() {
            h.createQuery("SELECT o.area_code, SUM(o.value) AS v FROM observation o JOIN import i ON i.id = o.import_id "
                            + "WHERE i.outcome = 'imported' AND i.superseded_by IS NULL AND o.variable = :var AND o.year = :y "
                            + "AND o.target_group = '' AND o.value IS NOT NULL GROUP BY o.area_code")
                    .bind("var", method.populationVariable() == null ? "pop_total" : method.populationVariable())
                    .bind("y", year)
                    .mapToMap().forEach(r -> population.put((String) r.get("area_code"), ((Number) r.get("v")).doubleValue()));
            // the population that decided participation, as the method stored it with the result set (V20)
            h.createQuery("SELECT area_code, population FROM result_area WHERE result_set_id = :id AND year = :y AND population IS NOT NULL")
                    .bind("id", resultSetId).bind("y", year)
                    .mapToMap().forEach(r -> population.put((String) r.get("area_code"), ((Number) r.get("population")).doubleValue()));
        }

        private AreaResult areaResult(AreaRow a, ResultRow r) {
            Double pop = population.get(a.code());
            Map<String, Cell> vals = new LinkedHashMap<>();
            Map<String, Cell> changes = new LinkedHashMap<>();
            for (IndicatorInfo ind : indicators) {
                ValueRow now = values.get(key(a.code(), year, ind.id(), ""));
                ValueRow before = values.get(key(a.code(), year - method.dynamicsYears(), ind.id(), ""));
                Cell v = cell(now, pop);
                vals.put(ind.id(), v);
                Cell b = cell(before, population.get(a.code()));
                if (now != null && now.change() != null) {
                    Cell change = v.isSuppressed() || b.isSuppressed() ? Cell.suppressed() : Cell.of(now.change());
                    // the release's own protection of the change, where it has one, has the last word
                    changes.put(ind.id(), change.hasValue() ? disclosure.rate(new CellDisclosure.Key(CellDisclosure.Key.CHANGE,
                            ind.id(), a.code(), year, ""), now.change(), null, null, null) : change);
                } else {
                    changes.put(ind.id(), Cell.missing());
                }
            }
            String parentName = a.parent() == null || areaRows.get(a.parent()) == null ? null : areaRows.get(a.parent()).name();
            StatusClass sc = r == null || r.statusClass() == null ? null : StatusClass.fromCode(r.statusClass());
            DynamicsClass dc = r == null || r.dynamicsClass() == null ? null : DynamicsClass.fromCode(r.dynamicsClass());
            return new AreaResult(a.code(), a.name(), a.level(), a.parent(), parentName, disclosure.count(a.code(), year, pop),
                    vals, changes, r == null ? null : disclosure.index("status_index", a.code(), year, r.statusIndex()), sc,
                    r == null ? null : disclosure.index("dynamics_index", a.code(), year, r.dynamicsIndex()), dc,
                    r != null && r.attention(), r == null ? null : r.excluded());
        }

        private Cell cell(ValueRow row, Double areaPopulation) {
            if (row == null) {
                return Cell.missing();
            }
            return disclosure.rate(new CellDisclosure.Key(CellDisclosure.Key.RATE, row.indicator(), row.area(), row.year(),
                    row.targetGroup()), row.value(), row.numerator(), row.denominator(), areaPopulation);
        }

        /**
         * The up to three indicators with the highest positive z-scores of the part of the rule that
         * flags the area: status z-scores for low status, dynamics z-scores for negative dynamics.
         */
        private List<Driver> drivers(AreaResult a) {
            List<Driver> out = new ArrayList<>();
            if (a.statusClass() == null || SummaryWriter.lowStatus(a)) {
                out.addAll(top(a, method.statusIndicators().keySet(), "status"));
            }
            if (a.dynamicsClass() == DynamicsClass.NEGATIV) {
                out.addAll(top(a, method.dynamicsIndicators().keySet(), "dynamics"));
            }
            return out;
        }

        private List<Driver> top(AreaResult a, java.util.Set<String> ids, String component) {
            List<Driver> out = new ArrayList<>();
            boolean status = "status".equals(component);
            for (String id : ids) {
                ValueRow v = values.get(key(a.code(), year, id, ""));
                Double z = v == null ? null : status ? v.zStatus() : v.zDynamics();
                // a z-score of a withheld value would give the value away (mean and SD are published)
                Cell shown = status ? a.value(id) : a.change(id);
                if (z != null && z > 0 && shown.hasValue()) {
                    out.add(new Driver(id, z, component));
                }
            }
            out.sort(Comparator.comparingDouble(Driver::z).reversed().thenComparing(Driver::indicatorId));
            return out.size() > 3 ? out.subList(0, 3) : out;
        }

        private String reason(AreaResult a) {
            List<String> parts = new ArrayList<>();
            if (SummaryWriter.lowStatus(a)) {
                parts.add("status:" + a.statusClass().code());
            }
            if (a.dynamicsClass() == DynamicsClass.NEGATIV) {
                parts.add("dynamics:negativ");
            }
            return String.join(",", parts);
        }

        private Map<String, ResultRow> results(long setId, int y) {
            Map<String, ResultRow> out = new HashMap<>();
            h.createQuery("SELECT area_code, status_index, status_class, dynamics_index, dynamics_class, attention, excluded "
                            + "FROM result_area WHERE result_set_id = :id AND year = :y")
                    .bind("id", setId).bind("y", y)
                    .map((rs, ctx) -> new ResultRow(rs.getString(1), nullable(rs, 2), rs.getString(3), nullable(rs, 4),
                            rs.getString(5), rs.getBoolean(6), rs.getString(7)))
                    .forEach(r -> out.put(r.code(), r));
            return out;
        }

        private ReportModel.Changes changes(int previous, List<AreaResult> areas) {
            Map<String, Object> prev = h.createQuery("SELECT year, result_set_id FROM release WHERE number = :n").bind("n", previous)
                    .mapToMap().one();
            int prevYear = ((Number) prev.get("year")).intValue();
            long prevSet = ((Number) prev.get("result_set_id")).longValue();
            Map<String, ResultRow> before = results(prevSet, prevYear);
            Map<String, Double> prevValues = new HashMap<>();
            h.createQuery("SELECT area_code, indicator_id, value FROM result_value WHERE result_set_id = :id AND year = :y AND target_group = ''")
                    .bind("id", prevSet).bind("y", prevYear)
                    .map((rs, ctx) -> Map.entry(rs.getString(1) + "|" + rs.getString(2), Optional.ofNullable(nullable(rs, 3))))
                    .forEach(e -> e.getValue().ifPresent(v -> prevValues.put(e.getKey(), v)));
            List<EarlyWarning.AreaState> was = new ArrayList<>();
            before.values().forEach(b -> was.add(new EarlyWarning.AreaState(b.code(), b.code(), null, true,
                    b.statusClass() == null ? null : StatusClass.fromCode(b.statusClass()),
                    b.dynamicsClass() == null ? null : DynamicsClass.fromCode(b.dynamicsClass()), b.attention(),
                    thresholdValues(b.code(), prevValues))));
            List<EarlyWarning.AreaState> now = new ArrayList<>();
            for (AreaResult a : areas) {
                Map<String, Double> values = new HashMap<>();
                method.earlyWarningThresholds().keySet().forEach(id -> {
                    Cell c = a.value(id);
                    if (c.hasValue()) {
                        values.put(id, c.value());
                    }
                });
                now.add(new EarlyWarning.AreaState(a.code(), a.name(), a.level(), true, a.statusClass(), a.dynamicsClass(),
                        a.attention(), values));
            }
            EarlyWarning.Report report = EarlyWarning.compare(new EarlyWarning.Snapshot(prevYear, was),
                    new EarlyWarning.Snapshot(year, now), method.earlyWarningThresholds(),
                    id -> indicators.stream().filter(i -> i.id().equals(id)).findFirst().map(IndicatorInfo::polarity).orElse(null));
            List<Change> out = new ArrayList<>();
            for (EarlyWarning.Alert alert : report.alerts()) {
                switch (alert.kind()) {
                    case NEWLY_FLAGGED, FLAG_ENDED, STATUS_FELL -> out.add(new Change(changeKind(alert.kind()), alert.areaCode(),
                            alert.areaName(), null, before.get(alert.areaCode()).statusClass(), statusCode(alert.areaCode(), areas), null));
                    case DYNAMICS_TURNED_NEGATIVE -> out.add(new Change(ChangeKind.DYNAMICS_NEGATIVE, alert.areaCode(), alert.areaName(),
                            null, before.get(alert.areaCode()).dynamicsClass(), alert.to(), null));
                    // the earlier value is not printed: it might not be printable under today's disclosure rules
                    case THRESHOLD_CROSSED -> out.add(new Change(ChangeKind.THRESHOLD_CROSSED, alert.areaCode(), alert.areaName(),
                            alert.indicatorId(), null, null, alert.threshold()));
                    case STATUS_ROSE -> {
                    }
                }
            }
            return new ReportModel.Changes(previous, prevYear, out);
        }

        private Map<String, Double> thresholdValues(String area, Map<String, Double> values) {
            Map<String, Double> out = new HashMap<>();
            method.earlyWarningThresholds().keySet().forEach(id -> {
                Double v = values.get(area + "|" + id);
                if (v != null) {
                    out.put(id, v);
                }
            });
            return out;
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

        private ReportModel.Profile profile(AreaResult a, AreaResult municipality, AreaResult territory) {
            TreeSet<Integer> years = new TreeSet<>();
            values.values().forEach(v -> {
                if (v.area().equals(a.code()) && v.targetGroup().isEmpty()) {
                    years.add(v.year());
                }
            });
            List<Integer> yearList = new ArrayList<>(years);
            List<ReportModel.Trend> trends = new ArrayList<>();
            for (IndicatorInfo ind : indicators) {
                if (!ind.attention()) {
                    continue;
                }
                trends.add(new ReportModel.Trend(ind.id(), yearList, series(a.code(), ind.id(), yearList),
                        municipality == null ? List.of() : series(municipality.code(), ind.id(), yearList),
                        territory == null ? List.of() : series(territory.code(), ind.id(), yearList)));
            }
            List<ReportModel.TargetGroupRow> groups = new ArrayList<>();
            values.values().stream()
                    .filter(v -> v.area().equals(a.code()) && v.year() == year && !v.targetGroup().isEmpty())
                    .sorted(Comparator.comparing(ValueRow::indicator).thenComparing(ValueRow::targetGroup))
                    .forEach(v -> {
                        if (indicators.stream().anyMatch(i -> i.id().equals(v.indicator()))) {
                            ValueRow tv = territory == null ? null : values.get(key(territory.code(), year, v.indicator(), v.targetGroup()));
                            groups.add(new ReportModel.TargetGroupRow(v.indicator(), v.targetGroup(),
                                    cell(v, population.get(a.code())), tv == null ? Cell.missing() : cell(tv, null)));
                        }
                    });
            return new ReportModel.Profile(a, municipality, trends, groups, a.attention() ? drivers(a) : List.of());
        }

        private List<Cell> series(String area, String indicator, List<Integer> years) {
            List<Cell> out = new ArrayList<>();
            for (int y : years) {
                // the reference year's population decides for the whole series: a small area stays protected in every year
                out.add(cell(values.get(key(area, y, indicator, "")), population.get(area)));
            }
            return out;
        }

        private List<ReportModel.IndicatorStat> stats() {
            return h.createQuery("SELECT component, indicator_id, n, mean, sd, left_out FROM result_stat "
                            + "WHERE result_set_id = :id AND year = :y ORDER BY component DESC, indicator_id")
                    .bind("id", resultSetId).bind("y", year)
                    .map((rs, ctx) -> new ReportModel.IndicatorStat(rs.getString(1), rs.getString(2), rs.getInt(3),
                            nullable(rs, 4), nullable(rs, 5), rs.getBoolean(6)))
                    .list().stream()
                    .sorted(Comparator.comparing((ReportModel.IndicatorStat s) -> "status".equals(s.component()) ? 0 : 1)
                            .thenComparing(s -> catalogIndex(s.indicatorId())))
                    .toList();
        }

        private int catalogIndex(String id) {
            for (int i = 0; i < indicators.size(); i++) {
                if (indicators.get(i).id().equals(id)) {
                    return i;
                }
            }
            return Integer.MAX_VALUE;
        }

        /** Indicators of the catalog that have results in this release: attention indicators first. */
        private List<IndicatorInfo> indicatorInfos() {
            TreeSet<String> present = new TreeSet<>();
            values.values().forEach(v -> present.add(v.indicator()));
            List<IndicatorInfo> att = new ArrayList<>();
            List<IndicatorInfo> prof = new ArrayList<>();
            for (Indicator i : catalog.indicators()) {
                boolean attention = method.statusIndicators().containsKey(i.id()) || method.dynamicsIndicators().containsKey(i.id())
                        || (method.statusIndicators().isEmpty() && i.role() == IndicatorRole.ATTENTION);
                if (!present.contains(i.id()) && !attention) {
                    continue;
                }
                IndicatorInfo info = new IndicatorInfo(i.id(), i.name(options.language()), i.topic(), unit(i), i.precision(),
                        i.isDelivered() ? i.delivered() : i.numerator().toString(), i.isDelivered() ? null : i.denominator().toString(),
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

        private List<ReportModel.SourceInfo> sources() {
            Map<String, List<String>> bySource = new LinkedHashMap<>();
            for (IndicatorInfo i : indicators) {
                bySource.computeIfAbsent(i.source() == null || i.source().isBlank() ? "–" : i.source(), k -> new ArrayList<>()).add(i.id());
            }
            List<ReportModel.SourceInfo> out = new ArrayList<>();
            bySource.forEach((source, ids) -> {
                Integer latest = values.values().stream().filter(v -> ids.contains(v.indicator()) && v.value() != null)
                        .map(ValueRow::year).max(Integer::compare).orElse(null);
                out.add(new ReportModel.SourceInfo(source, ids, latest));
            });
            return out;
        }

        private List<ReportModel.ImportInfo> imports(OffsetDateTime unused) {
            return h.createQuery("SELECT id, file_name, source, format, sha256, started_at, finished_at, rows_read, rows_accepted, "
                            + "rows_rejected FROM import WHERE outcome = 'imported' AND superseded_by IS NULL ORDER BY id")
                    .map((rs, ctx) -> new ReportModel.ImportInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            trim(rs.getString(5)), date(rs.getObject(7) != null ? rs.getObject(7, OffsetDateTime.class)
                            : rs.getObject(6, OffsetDateTime.class)), rs.getLong(8), rs.getLong(9), rs.getLong(10)))
                    .list();
        }
    }

    private static String levelAt(Map<String, Integer> depth, int d) {
        return depth.entrySet().stream().filter(e -> e.getValue() == d).map(Map.Entry::getKey).sorted().findFirst().orElse(null);
    }

    private static String key(String area, int year, String indicator, String targetGroup) {
        return area + '|' + year + '|' + indicator + '|' + (targetGroup == null ? "" : targetGroup);
    }

    private static Double nullable(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (o instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        }
        if (o instanceof java.time.ZonedDateTime z) {
            return z.withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(o.toString().substring(0, 10));
    }

}
