package de.sozialmonitor.report;

import de.sozialmonitor.model.AreaGeometry;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.privacy.IndexBand;
import de.sozialmonitor.view.AttentionList;
import de.sozialmonitor.view.Choropleth;
import de.sozialmonitor.view.Drivers;
import de.sozialmonitor.view.ResultView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * Everything the committee report shows, already decided: which figures may be printed (disclosure
 * control is applied when the model is built, not in the template), in which order, with which
 * footnotes. The template only formats. Built by {@link ReportModelBuilder} from a release, or
 * directly in tests.
 */
public record ReportModel(ResultView.Territory territory, ReportedRelease release, Options options, MethodInfo method,
                          List<IndicatorDescription> indicators, List<AreaResult> areas,
                          List<AreaResult> municipalities, AreaResult territoryTotal,
                          List<AttentionGroup> attentionGroups, Changes changes, List<ProfilePage> profiles,
                          MapData map, List<SourceInfo> sources, List<ImportInfo> imports,
                          de.sozialmonitor.view.Certainties certainty, Steering steering) {

    /** A model without the steering chapters (reference regions, measures). */
    public ReportModel(ResultView.Territory territory, ReportedRelease release, Options options, MethodInfo method,
                       List<IndicatorDescription> indicators, List<AreaResult> areas,
                       List<AreaResult> municipalities, AreaResult territoryTotal,
                       List<AttentionGroup> attentionGroups, Changes changes, List<ProfilePage> profiles,
                       MapData map, List<SourceInfo> sources, List<ImportInfo> imports,
                       de.sozialmonitor.view.Certainties certainty) {
        this(territory, release, options, method, indicators, areas, municipalities, territoryTotal, attentionGroups, changes, profiles,
                map, sources, imports, certainty, Steering.NONE);
    }

    /** A model without class certainty (the annex then leaves its table out). */
    public ReportModel(ResultView.Territory territory, ReportedRelease release, Options options, MethodInfo method,
                       List<IndicatorDescription> indicators, List<AreaResult> areas,
                       List<AreaResult> municipalities, AreaResult territoryTotal,
                       List<AttentionGroup> attentionGroups, Changes changes, List<ProfilePage> profiles,
                       MapData map, List<SourceInfo> sources, List<ImportInfo> imports) {
        this(territory, release, options, method, indicators, areas, municipalities, territoryTotal, attentionGroups, changes, profiles,
                map, sources, imports, null);
    }

    /**
     * This model with the class certainty of its release ({@code view.ResultViews.certainty}: shares for
     * an internal report, bands under the public rule for a public one).
     */
    public ReportModel withCertainty(de.sozialmonitor.view.Certainties c) {
        return new ReportModel(territory, release, options, method, indicators, areas, municipalities, territoryTotal, attentionGroups,
                changes, profiles, map, sources, imports, c, steering);
    }

    /** This model with the reference regions beside the county and the measures in its areas. */
    public ReportModel withSteering(Steering s) {
        return new ReportModel(territory, release, options, method, indicators, areas, municipalities, territoryTotal, attentionGroups,
                changes, profiles, map, sources, imports, certainty, s);
    }

    public ReportModel {
        indicators = List.copyOf(indicators);
        areas = List.copyOf(areas);
        municipalities = List.copyOf(municipalities);
        attentionGroups = List.copyOf(attentionGroups);
        profiles = List.copyOf(profiles);
        sources = List.copyOf(sources);
        imports = List.copyOf(imports);
        steering = steering == null ? Steering.NONE : steering;
    }

    /**
     * What the report shows for steering (issue 17): the reference regions beside the county, and the
     * measures in the county's areas with the development of their indicators before and after the
     * start. A public report has only the measures marked public, compared on the release's published
     * figures; an internal one has every measure.
     */
    public record Steering(ReferenceComparison references, List<MeasureArea> measureAreas, List<MeasureEntry> measures) {
        public static final Steering NONE = new Steering(ReferenceComparison.NONE, List.of(), List.of());

        public Steering {
            measureAreas = List.copyOf(measureAreas);
            measures = List.copyOf(measures);
        }
    }

    /**
     * The indicators with reference figures: the county as the monitoring computes it (the report's
     * own figure) and each reference region ({@code regions}: official county, Land, Germany, then
     * other counties), one row per indicator.
     */
    public record ReferenceComparison(int year, List<ReferenceColumn> regions, List<ReferenceRow> rows) {
        public static final ReferenceComparison NONE = new ReferenceComparison(0, List.of(), List.of());

        public ReferenceComparison {
            regions = List.copyOf(regions);
            rows = List.copyOf(rows);
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    /** A reference region as a column: its official code and name; {@code officialTerritory} for the county's own official figure. */
    public record ReferenceColumn(String code, String name, boolean officialTerritory) {
    }

    /** One indicator: the county's printed figure, and each region's figure ({@code regions} in the order of the columns). */
    public record ReferenceRow(String indicatorId, Cell county, List<ReferenceCell> regions) {
        public ReferenceRow {
            regions = List.copyOf(regions);
        }
    }

    /** A region's figure: a number, a placeholder, or "–" none; {@code year} when it is from an earlier year than the report's. */
    public record ReferenceCell(Cell cell, Integer year) {
    }

    /** One area of the analysis level (or above) with a measure: which measure, its field of action and period. */
    public record MeasureArea(String areaCode, String areaName, String measureKey, String title, String fieldOfAction,
                              LocalDate start, LocalDate end, boolean internalOnly) {
    }

    /** A measure with its facts and the before/after description of each aimed indicator in each of its areas. */
    public record MeasureEntry(String key, String title, String fieldOfAction, String office, LocalDate start, LocalDate end,
                               String funding, String targetGroup, List<String> areaNames, List<String> indicatorIds,
                               String description, boolean internalOnly, List<MeasureTrend> trends) {
        public MeasureEntry {
            areaNames = List.copyOf(areaNames);
            indicatorIds = List.copyOf(indicatorIds);
            trends = List.copyOf(trends);
        }
    }

    /** How an aimed indicator developed in one area of a measure before and after its start, beside the county. */
    public record MeasureTrend(String areaName, String indicatorId, de.sozialmonitor.method.TrendComparison comparison) {
    }

    /** The release the report is made from; {@code previousNumber} is null for the first release. */
    public record ReportedRelease(int number, String title, LocalDate createdOn, LocalDate publishedOn,
                              String checksum, int referenceYear, Integer previousNumber) {
        public boolean published() {
            return publishedOn != null;
        }
    }

    /**
     * How the report was asked for. {@code internal} reports may show figures that disclosure control
     * withholds from the public and say so on every page.
     */
    public record Options(String language, boolean internal, boolean profilesForAllAreas) {
        public Options {
            language = "en".equals(language) ? "en" : "de";
        }
    }

    /** The method parameters the release was computed with, and its per-indicator statistics. */
    public record MethodInfo(String analysisLevel, String municipalityLevel, double minPopulation,
                             int dynamicsYears, MethodConfig.StatusThresholds statusThresholds,
                             MethodConfig.DynamicsThresholds dynamicsThresholds, String attentionRule,
                             Map<String, Double> statusWeights, Map<String, Double> dynamicsWeights,
                             Map<String, Double> earlyWarningThresholds, List<IndicatorStat> stats,
                             int minCount, double minPopulationForRates, String standardisation,
                             Map<String, String> exclude) {
        public MethodInfo {
            exclude = Map.copyOf(exclude);
            statusWeights = Map.copyOf(statusWeights);
            dynamicsWeights = Map.copyOf(dynamicsWeights);
            earlyWarningThresholds = Map.copyOf(earlyWarningThresholds);
            stats = List.copyOf(stats);
        }
    }

    /** Mean and SD (as the method standardised: population or sample) of one indicator over the participating areas (component status or dynamics). */
    public record IndicatorStat(String component, String indicatorId, int n, Double mean, Double sd, boolean leftOut) {
    }

    /**
     * An indicator of the catalog as the report describes it: {@code formula} as the catalog states
     * it ({@code Indicator.formula}), {@code targetGroup} the canonical key of the group it is
     * computed for ("" for everybody).
     */
    public record IndicatorDescription(String id, String name, String topic, String unit, int precision,
                                String formula, String targetGroup, boolean attention, Polarity polarity,
                                String source, String definition) {
    }

    /**
     * One printed figure. Either a number, or a symbol of official statistics with the reason
     * (a footnote key) why there is no number: suppressed by disclosure control, missing, not sensible.
     */
    public record Cell(Double value, String symbol, String footnote) {
        public static final Cell EMPTY = new Cell(null, "–", null);

        public static Cell of(Double value) {
            return value == null || value.isNaN() ? missing() : new Cell(value, null, null);
        }

        public static Cell suppressed() {
            return new Cell(null, ".", "suppressed");
        }

        /** Not available: the release's symbol x, as in every other output. */
        public static Cell missing() {
            return new Cell(null, "x", "missing");
        }

        public static Cell notApplicable() {
            return new Cell(null, "x", "not_applicable");
        }

        public boolean hasValue() {
            return value != null;
        }

        public boolean isSuppressed() {
            return "suppressed".equals(footnote);
        }
    }

    /**
     * One area with its printed figures. {@code values}/{@code changes} are keyed by indicator id
     * and already passed through disclosure control. Index and classes are null when the area was
     * excluded ({@code excluded} then holds the reason code). An index the report may not print is
     * null; its band ({@link IndexBand}, the one the web shows the public) is there where it may be
     * printed instead.
     */
    public record AreaResult(String code, String name, String level, String parentCode, String parentName,
                             Cell population, Map<String, Cell> values, Map<String, Cell> changes,
                             Double statusIndex, StatusClass statusClass, Double dynamicsIndex,
                             DynamicsClass dynamicsClass, boolean attention, String excluded,
                             IndexBand statusBand, IndexBand dynamicsBand) {
        public AreaResult {
            Objects.requireNonNull(code, "code");
            values = Map.copyOf(values);
            changes = Map.copyOf(changes);
        }

        public Cell value(String indicatorId) {
            return values.getOrDefault(indicatorId, Cell.missing());
        }

        public Cell change(String indicatorId) {
            return changes.getOrDefault(indicatorId, Cell.missing());
        }
    }

    /** An area of the attention list and the indicators that drive it (highest z-scores first). */
    public record AttentionEntry(AreaResult area, List<Drivers.Driver> drivers, String reason) {
        public AttentionEntry {
            drivers = List.copyOf(drivers);
        }
    }

    /**
     * One group of the attention list, with its areas ordered by need: the groups and order of
     * {@code view.AttentionList}, as the web's attention list shows them (the release compared
     * with is {@link Changes#previousNumber}).
     */
    public record AttentionGroup(AttentionList.Group group, List<AttentionEntry> entries) {
        public AttentionGroup {
            entries = List.copyOf(entries);
        }

        /** True for the groups of areas that need attention now. */
        public boolean flagged() {
            return group == AttentionList.Group.FLAGGED || group == AttentionList.Group.NEW || group == AttentionList.Group.CONTINUING;
        }
    }

    /** Early warnings against the previous release; {@code previousNumber} null means there was none. */
    public record Changes(Integer previousNumber, Integer previousYear, List<ChangeEntry> changes) {
        public Changes {
            changes = List.copyOf(changes);
        }

        public static Changes none() {
            return new Changes(null, null, List.of());
        }
    }

    /** Kinds of early warning, after METHOD.md section 5, plus areas that no longer need attention. */
    public enum ChangeKind { NEW_ATTENTION, STATUS_FELL, DYNAMICS_NEGATIVE, THRESHOLD_CROSSED, ATTENTION_ENDED }

    /** One change: {@code before}/{@code after} are class codes, or formatted values for thresholds. */
    public record ChangeEntry(ChangeKind kind, String areaCode, String areaName, String indicatorId,
                         String before, String after, Double threshold) {
    }

    /** The profile page of one area. */
    public record ProfilePage(AreaResult area, AreaResult municipality, List<Trend> trends,
                          List<TargetGroupRow> targetGroups, List<Drivers.Driver> drivers) {
        public ProfilePage {
            trends = List.copyOf(trends);
            targetGroups = List.copyOf(targetGroups);
            drivers = List.copyOf(drivers);
        }
    }

    /** A time series of one indicator for an area, its municipality and the territory (cells may be suppressed). */
    public record Trend(String indicatorId, List<Integer> years, List<Cell> area, List<Cell> municipality,
                        List<Cell> territory) {
        public Trend {
            years = List.copyOf(years);
            area = List.copyOf(area);
            municipality = List.copyOf(municipality);
            territory = List.copyOf(territory);
        }
    }

    /** An indicator restricted to a target group ({@code nationality=foreign}), for an area. */
    public record TargetGroupRow(String indicatorId, String targetGroup, Cell area, Cell territory) {
    }

    /**
     * Geometries of the small areas and of the municipalities (drawn over them), in EPSG:4326, and
     * the classes of each map ({@code status}, {@code dynamics}, {@code attention}, {@code ind:<id>}),
     * the same {@link Choropleth} classes, colours and legend texts the web map shows; the names of
     * both levels and where each goes on a map ({@link AreaGeometry#labelPoint}, as on the web map).
     */
    public record MapData(Map<String, Geometry> areas, Map<String, Geometry> municipalities,
                          Map<String, String> municipalityNames, Map<String, String> areaNames,
                          Map<String, AreaGeometry.LabelPoint> labelPoints, String geometrySource,
                          Map<String, Choropleth.Shading> shadings) {
        public static MapData empty() {
            return new MapData(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, Map.of());
        }

        public boolean isEmpty() {
            return areas.isEmpty();
        }
    }

    /** A data source (as the catalog names it), the indicators it feeds and its latest reference year. */
    public record SourceInfo(String source, List<String> indicatorIds, Integer latestYear) {
        public SourceInfo {
            indicatorIds = List.copyOf(indicatorIds);
        }
    }

    /** An import the release rests on: the file, its hash and what came of it. */
    public record ImportInfo(long id, String fileName, String source, String format, String sha256,
                             LocalDate importedOn, long rowsRead, long rowsAccepted, long rowsRejected) {
    }

    /** The areas that need attention now (new and continuing, or all flagged without a comparison), by need. */
    public List<AttentionEntry> attention() {
        return attentionGroups.stream().filter(AttentionGroup::flagged).flatMap(g -> g.entries().stream()).toList();
    }

    /** Areas that need attention, by need. */
    public List<AreaResult> attentionAreas() {
        return attention().stream().map(AttentionEntry::area).toList();
    }

    public List<IndicatorDescription> attentionIndicators() {
        return indicators.stream().filter(IndicatorDescription::attention).toList();
    }

    public IndicatorDescription indicator(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + id + " in the report"));
    }
}
