package de.sozialmonitor.view;

import de.sozialmonitor.method.ComponentStat;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.PrivacyConfig;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.privacy.IndexBand;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.privacy.FrozenResults;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The read side: everything one release shows (or, for staff, one internal result set), as every
 * output renders it. The web pages, the JSON API, OGC API – Features, every download and the
 * committee report take their figures, classes, areas, series, method parameters and catalog from
 * here and from nowhere else, so that they cannot disagree.
 *
 * <ul>
 *   <li>Areas, levels and every series are on the boundaries of the view's year: the values of the
 *   earlier years are the method's, carried over boundary changes as it does.</li>
 *   <li>Method parameters, catalog and disclosure rules are those frozen with the release (or
 *   recorded with the result set), never the workspace's current configuration.</li>
 *   <li>A view of a release for the public holds the release's protected figures only; a value
 *   it withholds has no number here at all.</li>
 * </ul>
 */
public final class ResultView {

    /**
     * Where the figures come from. {@code releaseNumber} is null for an internal result set;
     * {@code protectedFigures} is true when only the release's protected table is shown.
     */
    public record Source(Integer releaseNumber, long resultSetId, String title, String checksum, LocalDate createdOn,
                         LocalDate publishedOn, Integer corrects, boolean protectedFigures, boolean countsVisible) {
        public boolean published() {
            return publishedOn != null;
        }
    }

    /**
     * The monitored region, e.g. 03157 Landkreis Peine; {@code synthetic} for demo data, {@code source} the source
     * and licence of real, published data ("" if none): either is said on every page, download and report page.
     */
    public record Territory(String code, String name, boolean synthetic, String source) {
        public Territory {
            source = source == null ? "" : source;
        }

        /** A territory whose data names no source (synthetic data, or a county's own). */
        public Territory(String code, String name, boolean synthetic) {
            this(code, name, synthetic, "");
        }
    }

    /** An area level; depth 0 is the territory. */
    public record Level(String name, int depth) {
    }

    /**
     * What a release freezes besides its figures: method, catalog, rules, areas, means and SDs, and
     * the imported files it rests on (none for an internal result set).
     */
    public record Frozen(MethodConfig method, IndicatorCatalog catalog, PrivacyConfig privacy, String analysisLevel, int year,
                         Map<String, AreaInfo> areas, List<ReleaseContent.StatRow> stats, List<ReleaseContent.InputFile> imports) {
    }

    private final Source source;
    private final Territory territory;
    private final Frozen frozen;
    private final List<Level> levels;
    private final Map<String, AreaInfo> areas;
    private final SortedSet<Integer> years = new TreeSet<>();
    private final Map<String, Figure> figures = new HashMap<>();
    /**
     * The rates by everything but the target group ({@code RATE, indicator, area, year}) to group →
     * figure: built on the first {@link #breakdowns} call, after the factories filled {@link #figures}.
     * Scanning every figure per indicator and area instead made the demo's report take 17 s.
     */
    private volatile Map<String, Map<String, Figure>> ratesByGroup;
    private final Map<String, AreaClasses> classes = new HashMap<>();
    private final List<ComponentStat> stats = new ArrayList<>();
    /** Each indicator's own target group key (the catalog is frozen): asked for with every figure a page shows. */
    private final Map<String, String> ownGroups = new HashMap<>();
    /*
     * What pages ask again and again, worked out on first use: the view's figures do not change
     * once the factories filled them (issue 15: the profile page scanned every peer per indicator).
     */
    private final Map<String, List<AreaInfo>> areasByLevel = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Boolean> withFigures = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Ranking> rankings = new java.util.concurrent.ConcurrentHashMap<>();

    private ResultView(Source source, Territory territory, Frozen frozen) {
        this.source = source;
        this.territory = territory;
        this.frozen = frozen;
        Map<String, AreaInfo> byName = new LinkedHashMap<>();
        frozen.areas().values().stream()
                .sorted(Comparator.comparing(AreaInfo::name, String.CASE_INSENSITIVE_ORDER).thenComparing(AreaInfo::code))
                .forEach(a -> byName.put(a.code(), a));
        this.areas = Collections.unmodifiableMap(byName);
        Map<String, Integer> depth = new TreeMap<>();
        frozen.areas().values().forEach(a -> depth.putIfAbsent(a.level(), a.depth()));
        this.levels = depth.entrySet().stream().map(e -> new Level(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Level::depth).thenComparing(Level::name)).toList();
        frozen.catalog().indicators().forEach(i -> ownGroups.putIfAbsent(i.id(), ownGroup(i, "")));
        for (ReleaseContent.StatRow s : frozen.stats()) {
            if (s.year() == frozen.year()) {
                Map<String, Double> weights = ComponentStat.STATUS.equals(s.component()) ? frozen.method().statusIndicators()
                        : frozen.method().dynamicsIndicators();
                stats.add(new ComponentStat(s.component(), s.indicatorId(), s.n(), s.mean() == null ? Double.NaN : s.mean(),
                        s.sd() == null ? Double.NaN : s.sd(), s.leftOut(), weights.getOrDefault(s.indicatorId(), 0.0)));
            }
        }
    }

    /** A release as the public sees it: the figures of its protected table, nothing else. */
    public static ResultView ofProtectedRows(Source source, Territory territory, Frozen frozen, List<PublishedRow> rows) {
        ResultView v = new ResultView(source, territory, frozen);
        Map<String, Map<String, PublishedRow>> areaRows = new HashMap<>();
        for (PublishedRow r : rows) {
            switch (r.kind()) {
                case PublishedRow.RATE, PublishedRow.CHANGE, PublishedRow.COUNT -> {
                    v.figures.put(key(r.kind(), r.measure(), r.areaCode(), r.year(), r.targetGroup()), Figure.of(r));
                    if (PublishedRow.RATE.equals(r.kind())) {
                        v.years.add(r.year());
                    }
                }
                case PublishedRow.AREA_RESULT -> {
                    if (r.year() == frozen.year()) {
                        areaRows.computeIfAbsent(r.areaCode(), k -> new HashMap<>()).put(r.measure(), r);
                    }
                }
                default -> throw new IllegalArgumentException("unknown row kind '" + r.kind() + "' in release "
                        + source.releaseNumber());
            }
        }
        areaRows.forEach((code, m) -> v.classes.put(code, new AreaClasses(number(m.get("status_index")),
                text(m.get("status_class")) == null ? null : StatusClass.fromCode(text(m.get("status_class"))),
                number(m.get("dynamics_index")),
                text(m.get("dynamics_class")) == null ? null : DynamicsClass.fromCode(text(m.get("dynamics_class"))),
                "true".equals(text(m.get("attention"))), text(m.get("excluded")))));
        v.years.add(frozen.year());
        return v;
    }

    /**
     * Computed results without disclosure control (staff only: internal pages and the internal
     * report): every value, change, and, where {@code countsVisible}, numerators and denominators.
     */
    public static ResultView ofComputedValues(Source source, Territory territory, Frozen frozen, List<FrozenResults.ValueRow> values,
                                              List<FrozenResults.AreaRow> areaRows, Map<String, Double> population) {
        ResultView v = new ResultView(source, territory, frozen);
        for (FrozenResults.ValueRow row : values) {
            Indicator ind = frozen.catalog().indicator(row.indicatorId()).orElse(null);
            String group = ownGroup(ind, row.targetGroup());
            v.years.add(row.year());
            v.figures.put(key(PublishedRow.RATE, row.indicatorId(), row.areaCode(), row.year(), group), Figure.of(row.value()));
            if (row.change() != null) {
                v.figures.put(key(PublishedRow.CHANGE, row.indicatorId(), row.areaCode(), row.year(), group), Figure.of(row.change()));
            }
            if (source.countsVisible() && ind != null) {
                v.figures.putIfAbsent(key(PublishedRow.COUNT, ind.numerator().toString(), row.areaCode(), row.year(), group),
                        Figure.of(row.numerator()));
                v.figures.putIfAbsent(key(PublishedRow.COUNT, ind.denominator().toString(), row.areaCode(), row.year(), group),
                        Figure.of(row.denominator()));
            }
        }
        if (source.countsVisible()) {
            population.forEach((k, p) -> {
                int bar = k.lastIndexOf('|');
                v.figures.putIfAbsent(key(PublishedRow.COUNT, frozen.method().populationVariable(), k.substring(0, bar),
                        Integer.parseInt(k.substring(bar + 1)), ""), Figure.of(p));
            });
        }
        for (FrozenResults.AreaRow a : areaRows) {
            if (a.year() == frozen.year()) {
                v.classes.put(a.areaCode(), new AreaClasses(a.statusIndex(),
                        a.statusClass() == null ? null : StatusClass.fromCode(a.statusClass()), a.dynamicsIndex(),
                        a.dynamicsClass() == null ? null : DynamicsClass.fromCode(a.dynamicsClass()), a.attention(), a.excluded()));
            }
        }
        v.years.add(frozen.year());
        v.addBands(areaRows);
        return v;
    }

    /**
     * Adds the bands of the index values a reader may see ({@link IndexBand}), from the exact index
     * values of the result set: only for an area with a shown class whose every entering figure the
     * view shows (the status indicators' rates; the dynamics indicators' changes and both rates).
     */
    void addBands(List<FrozenResults.AreaRow> exact) {
        for (FrozenResults.AreaRow a : exact) {
            AreaClasses c = a.year() == year() ? classes.get(a.areaCode()) : null;
            if (c == null) {
                continue;
            }
            String code = a.areaCode();
            boolean status = c.statusClass() != null && method().statusIndicators().keySet().stream()
                    .allMatch(id -> rate(id, code, year()).shown());
            boolean dynamics = c.dynamicsClass() != null && method().dynamicsIndicators().keySet().stream()
                    .allMatch(id -> change(id, code, year()).shown() && rate(id, code, year()).shown() && rate(id, code, baseYear()).shown());
            classes.put(code, c.withBands(IndexBand.published(a.statusIndex(), status).orElse(null),
                    IndexBand.published(a.dynamicsIndex(), dynamics).orElse(null)));
        }
    }

    // ---------------------------------------------------------------- what it is

    public Source source() {
        return source;
    }

    public Territory territory() {
        return territory;
    }

    /** The method parameters the figures were computed with (frozen with the release). */
    public MethodConfig method() {
        return frozen.method();
    }

    /** The indicator catalog the figures were computed with (frozen with the release). */
    public IndicatorCatalog catalog() {
        return frozen.catalog();
    }

    /** The disclosure rules in force for the release. */
    public PrivacyConfig privacy() {
        return frozen.privacy();
    }

    public String analysisLevel() {
        return frozen.analysisLevel();
    }

    /** The imported files the release rests on, as it recorded them. */
    public List<ReleaseContent.InputFile> imports() {
        return frozen.imports();
    }

    /** The reference year: the year of the classes. */
    public int year() {
        return frozen.year();
    }

    public int baseYear() {
        return frozen.year() - frozen.method().dynamicsYears();
    }

    /** Years with figures, ascending (the reference year and the earlier years the method carried). */
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(years);
    }

    /** Levels with areas, the territory first. */
    public List<Level> levels() {
        return levels;
    }

    public Optional<Level> level(String name) {
        return levels.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** The analysis level's name if it has areas, else the deepest level. */
    public String defaultLevel() {
        return level(analysisLevel()).map(Level::name).orElse(levels.isEmpty() ? "" : levels.get(levels.size() - 1).name());
    }

    /** All areas on the year's boundaries, by code, in name order. */
    public Map<String, AreaInfo> areas() {
        return areas;
    }

    public Optional<AreaInfo> area(String code) {
        return Optional.ofNullable(code == null ? null : areas.get(code));
    }

    /** The areas of one level, in name order. */
    public List<AreaInfo> areasOn(String level) {
        return areasByLevel.computeIfAbsent(level, l -> areas.values().stream().filter(a -> a.level().equals(l)).toList());
    }

    /** The areas above {@code code}, the territory first. */
    public List<AreaInfo> parents(String code) {
        List<AreaInfo> chain = new ArrayList<>();
        for (AreaInfo a = area(code).flatMap(x -> area(x.parentCode())).orElse(null); a != null;
             a = area(a.parentCode()).orElse(null)) {
            chain.add(0, a);
        }
        return chain;
    }

    /** The territory as an area (depth 0), if the view has it. */
    public Optional<AreaInfo> root() {
        return areas.values().stream().filter(a -> a.depth() == 0).findFirst();
    }

    // ---------------------------------------------------------------- figures

    /** The value of an indicator as the catalog defines it (with its own target group, if any). */
    public Figure rate(String indicatorId, String areaCode, int year) {
        return figure(PublishedRow.RATE, indicatorId, areaCode, year, ownGroup(indicatorId));
    }

    /** The change of an indicator over the dynamics period up to {@code year}. */
    public Figure change(String indicatorId, String areaCode, int year) {
        return figure(PublishedRow.CHANGE, indicatorId, areaCode, year, ownGroup(indicatorId));
    }

    /** A count (measure as the catalog writes it: {@code pop_u18}, {@code pop_total - pop_65plus}), where shown. */
    public Figure count(String measure, String areaCode, int year, String targetGroup) {
        return figure(PublishedRow.COUNT, measure, areaCode, year, targetGroup);
    }

    public Figure numerator(Indicator indicator, String areaCode, int year) {
        return count(indicator.numerator().toString(), areaCode, year, indicator.targetGroup().key());
    }

    public Figure denominator(Indicator indicator, String areaCode, int year) {
        return count(indicator.denominator().toString(), areaCode, year, indicator.targetGroup().key());
    }

    /** The inhabitants (the method's population variable) of an area in {@code year}, where shown. */
    public Figure population(String areaCode, int year) {
        return count(frozen.method().populationVariable(), areaCode, year, "");
    }

    /** True if any area has a figure (shown or not) for the indicator in {@code year}. */
    public boolean hasFigures(String indicatorId, int year) {
        return withFigures.computeIfAbsent(indicatorId + '\u0000' + year, k -> {
            String group = ownGroup(indicatorId);
            return areas.keySet().stream().anyMatch(a -> figures.containsKey(key(PublishedRow.RATE, indicatorId, a, year, group)));
        });
    }

    /** The shown values of an indicator on one level in {@code year}: where each area of the level stands. */
    public Ranking ranking(String indicatorId, String level, int year) {
        return rankings.computeIfAbsent(indicatorId + '\u0000' + level + '\u0000' + year,
                k -> new Ranking(areasOn(level).stream().map(a -> rate(indicatorId, a.code(), year)).filter(Figure::shown)
                        .mapToDouble(Figure::value).toArray()));
    }

    /** The indicators of the catalog with figures in {@code year}, in catalog order. */
    public List<Indicator> indicatorsWithFigures(int year) {
        return catalog().indicators().stream().filter(i -> hasFigures(i.id(), year)).toList();
    }

    /** The attention indicators: those of the status and dynamics index, else the catalog's attention role. */
    public List<Indicator> attentionIndicators() {
        List<Indicator> out = catalog().indicators().stream().filter(i -> method().statusIndicators().containsKey(i.id())
                || method().dynamicsIndicators().containsKey(i.id())).toList();
        return out.isEmpty() ? catalog().indicators().stream().filter(i -> i.role() == IndicatorRole.ATTENTION).toList() : out;
    }

    /** The series of an indicator for an area over every year of the view, on the view's boundaries. */
    public SortedMap<Integer, Figure> series(String indicatorId, String areaCode) {
        SortedMap<Integer, Figure> out = new TreeMap<>();
        String group = ownGroup(indicatorId);
        for (int y : years) {
            Figure f = figures.get(key(PublishedRow.RATE, indicatorId, areaCode, y, group));
            if (f != null) {
                out.put(y, f);
            }
        }
        return out;
    }

    /** The target-group breakdowns of an area in {@code year}: group key → indicator id → figure. */
    public SortedMap<String, Map<String, Figure>> breakdowns(String areaCode, int year) {
        Map<String, Map<String, Figure>> byGroup = ratesByGroup();
        SortedMap<String, Map<String, Figure>> out = new TreeMap<>();
        for (Indicator i : catalog().indicators()) {
            String own = i.targetGroup().key();
            Map<String, Figure> groups = byGroup.get(key(PublishedRow.RATE, i.id(), areaCode, year, ""));
            if (groups != null) {
                groups.forEach((group, f) -> {
                    if (!group.equals(own)) {
                        out.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(i.id(), f);
                    }
                });
            }
        }
        out.replaceAll((g, m) -> {
            Map<String, Figure> ordered = new LinkedHashMap<>();
            catalog().indicators().forEach(i -> {
                if (m.containsKey(i.id())) {
                    ordered.put(i.id(), m.get(i.id()));
                }
            });
            return ordered;
        });
        return out;
    }

    private Map<String, Map<String, Figure>> ratesByGroup() {
        Map<String, Map<String, Figure>> index = ratesByGroup;
        if (index == null) {
            index = new HashMap<>();
            String rate = PublishedRow.RATE + '\u0000';
            for (Map.Entry<String, Figure> e : figures.entrySet()) {
                String k = e.getKey();
                if (k.startsWith(rate)) {
                    int cut = k.lastIndexOf('\u0000') + 1; // the group is the key's last part
                    index.computeIfAbsent(k.substring(0, cut), x -> new HashMap<>()).put(k.substring(cut), e.getValue());
                }
            }
            ratesByGroup = index;
        }
        return index;
    }

    /** The classes of an area in the reference year; empty for an area the method did not classify. */
    public Optional<AreaClasses> classes(String areaCode) {
        return Optional.ofNullable(classes.get(areaCode));
    }

    /** The classes of every classified area. */
    public Map<String, AreaClasses> allClasses() {
        return Collections.unmodifiableMap(classes);
    }

    /** Mean and SD the method standardised with in the reference year: component and indicator id. */
    public Optional<ComponentStat> stat(String component, String indicatorId) {
        return stats.stream().filter(s -> s.component().equals(component) && s.indicatorId().equals(indicatorId)).findFirst();
    }

    public List<ComponentStat> stats() {
        return List.copyOf(stats);
    }

    private Figure figure(String kind, String measure, String area, int year, String group) {
        Figure f = figures.get(key(kind, measure, area, year, group == null ? "" : group));
        return f == null ? Figure.MISSING : f;
    }

    private String ownGroup(String indicatorId) {
        String own = ownGroups.get(indicatorId);
        return own != null ? own : ownGroup(null, ""); // an id outside the catalog: the whole population's key
    }

    /** The indicator's own target group combined with a row's (as the release table keys its rows). */
    private static String ownGroup(Indicator indicator, String rowGroup) {
        TargetGroup row = TargetGroup.parse(rowGroup);
        if (indicator == null || indicator.targetGroup().isTotal()) {
            return row.key();
        }
        Map<String, String> merged = new TreeMap<>(indicator.targetGroup().dimensions());
        merged.putAll(row.dimensions());
        return TargetGroup.of(merged).key();
    }

    private static String key(String kind, String measure, String area, int year, String group) {
        return kind + '\u0000' + measure + '\u0000' + area + '\u0000' + year + '\u0000' + group;
    }

    private static Double number(PublishedRow r) {
        return r == null || !r.isPublished() || r.value().isBlank() ? null : Double.valueOf(r.value());
    }

    private static String text(PublishedRow r) {
        return r == null || !r.isPublished() || r.value().isBlank() ? null : r.value();
    }
}
