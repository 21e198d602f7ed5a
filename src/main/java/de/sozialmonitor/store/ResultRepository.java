package de.sozialmonitor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.method.AreaTable;
import de.sozialmonitor.method.ComponentResult;
import de.sozialmonitor.method.ComponentStat;
import de.sozialmonitor.method.IndicatorValues;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.model.Variable;
import de.sozialmonitor.model.VariableKind;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Stores and loads result sets ({@code result_set}, the area results in blocks through
 * {@link ResultAreaStore}, the figures in blocks through {@link ResultValueStore}, {@code result_stat}). A figure's target group {@code ''} is the indicator as defined in the
 * catalog (for an indicator with a target-group filter such as {@code sex=f}: that group); other values are
 * the breakdowns. A stored result set is self-contained: it carries the method configuration and
 * catalog it was computed with (as JSON), the boundary version (area names, levels, parents) and every
 * intermediate value, so that {@link #byId} gives back a {@link MonitoringResult} equal to the computed one.
 */
public final class ResultRepository {
    /** A line of {@link #list()}. */
    public record ResultSetInfo(long id, int year, OffsetDateTime computedAt, String computedBy, String analysisLevel) {
    }

    private final Jdbi jdbi;

    public ResultRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long save(MonitoringResult r, String user) {
        return jdbi.inTransaction(h -> save(h, r, user));
    }

    /** Saves within the caller's transaction (so that the audit event lands with it); returns the new id. */
    public static long save(Handle h, MonitoringResult r, String user) {
        Map<String, Object> inputs = new LinkedHashMap<>(r.provenance());
        inputs.put("years", r.years());
        long id = h.createUpdate("INSERT INTO result_set(year, computed_at, computed_by, method_json, catalog_json, inputs_json, "
                        + "analysis_level, base_year, notes) VALUES (:year, :at, :by, :method, :catalog, :inputs, :level, :base, :notes)")
                .bind("year", r.year())
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                .bind("by", user == null || user.isBlank() ? "unknown" : user)
                .bind("method", json(r.config()))
                .bind("catalog", json(catalogJson(r.catalog())))
                .bind("inputs", json(inputs))
                .bind("level", r.analysisLevel())
                .bind("base", r.baseYear())
                .bind("notes", json(r.notes()))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        AreaTable areas = r.areas();
        writeAreaRows(h, id, r);
        // the figures: one block per indicator, target group and year over the areas in their order (ordinal)
        int n = areas.size();
        String[] codes = new String[n];
        for (int a = 0; a < n; a++) {
            codes[a] = areas.code(a);
        }
        ResultValueStore.writeAreas(h, id, codes);
        ResultValueStore.Columns columns = new ResultValueStore.Columns(n);
        for (IndicatorValues v : r.values()) {
            boolean current = v.year() == r.year();
            boolean own = v.targetGroup().equals(r.catalog().indicator(v.indicatorId()).map(i -> i.targetGroup().key()).orElse(""));
            IndicatorValues base = current && own ? r.values(v.indicatorId(), r.baseYear()) : null;
            double[] change = v.change();
            if (change == null && base != null) {
                change = new double[n];
                for (int a = 0; a < n; a++) {
                    change[a] = v.value()[a] - base.value()[a];
                }
            }
            ResultValueStore.write(h, id, new ResultValueStore.Key(v.indicatorId(), own ? "" : v.targetGroup(), v.year()),
                    columns.fill(v.numerator(), v.denominator(), v.value(), change,
                            current && own ? r.status().z().get(v.indicatorId()) : null,
                            current && own ? r.dynamics().z().get(v.indicatorId()) : null));
        }
        PreparedBatch sb = h.prepareBatch("INSERT INTO result_stat(result_set_id, year, component, indicator_id, n, mean, sd, left_out) "
                + "VALUES (:id, :year, :component, :ind, :n, :mean, :sd, :left)");
        for (ComponentResult c : List.of(r.status(), r.dynamics())) {
            for (ComponentStat s : c.stats()) {
                sb.bind("id", id).bind("year", r.year()).bind("component", s.component()).bind("ind", s.indicatorId())
                        .bind("n", s.n()).bind("mean", num(s.mean())).bind("sd", num(s.sd())).bind("left", s.leftOut()).add();
            }
        }
        sb.execute();
        return id;
    }

    public Optional<MonitoringResult> byId(long id) {
        return jdbi.withHandle(h -> load(h, id));
    }

    /**
     * Result set {@code id} with the figures of its own year only (what {@code export results}
     * writes): the stored figures of the other years, most of a set, are not read, and the result
     * has no values for them.
     */
    public Optional<MonitoringResult> ownYearById(long id) {
        return jdbi.withHandle(h -> load(h, id, true));
    }

    /** The newest result set of {@code year}. */
    public Optional<MonitoringResult> latest(int year) {
        return latestId(year).flatMap(this::byId);
    }

    /** The newest result set of the latest computed year. */
    public Optional<MonitoringResult> latest() {
        return latestId().flatMap(this::byId);
    }

    public Optional<Long> latestId() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM result_set ORDER BY year DESC, id DESC LIMIT 1")
                .mapTo(Long.class).findOne());
    }

    /** The newest result set of the latest year before {@code year}: the one an early warning compares with. */
    public Optional<Long> previousId(int year) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM result_set WHERE year < :year ORDER BY year DESC, id DESC LIMIT 1")
                .bind("year", year).mapTo(Long.class).findOne());
    }

    public Optional<Long> latestId(int year) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(id) FROM result_set WHERE year = :year").bind("year", year)
                .mapTo(Long.class).findOne());
    }

    /**
     * Deletes one result set with everything stored for it (area results, figures, means and SDs).
     * The caller makes sure no release uses it. Returns the bytes of its blocks.
     */
    public static long delete(Handle h, long resultSetId) {
        long bytes = StoredBlocks.delete(h, "result_value_block", "data", "result_set_id", resultSetId)
                + StoredBlocks.delete(h, "result_value_areas", "codes", "result_set_id", resultSetId)
                + StoredBlocks.delete(h, "result_area_block", "data", "result_set_id", resultSetId);
        h.createUpdate("DELETE FROM result_stat WHERE result_set_id = :id").bind("id", resultSetId).execute();
        h.createUpdate("DELETE FROM result_set WHERE id = :id").bind("id", resultSetId).execute();
        return bytes;
    }

    /** All result sets, newest first. */
    public List<ResultSetInfo> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, year, computed_at, computed_by, analysis_level FROM result_set ORDER BY id DESC")
                .map((rs, ctx) -> new ResultSetInfo(rs.getLong("id"), rs.getInt("year"), rs.getObject("computed_at", OffsetDateTime.class),
                        rs.getString("computed_by"), rs.getString("analysis_level")))
                .list());
    }

    /** Years that have a result set, ascending. */
    public List<Integer> years() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT year FROM result_set ORDER BY year").mapTo(Integer.class).list());
    }

    /**
     * A result set as an output reads it, in the rows a release freezes (the same readers as
     * {@code release create}): what the method recorded with it, areas on the year's boundaries,
     * values, area results, means and SDs, and the population of the active observations.
     */
    public record StoredResults(long id, int year, MethodConfig method, IndicatorCatalog catalog, String analysisLevel,
                                Map<String, de.sozialmonitor.privacy.AreaInfo> areas,
                                List<de.sozialmonitor.privacy.FrozenResults.ValueRow> values,
                                List<de.sozialmonitor.privacy.FrozenResults.AreaRow> areaResults,
                                List<de.sozialmonitor.privacy.ReleaseContent.StatRow> stats, Map<String, Double> population) {
    }

    public Optional<StoredResults> stored(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT year, method_json, catalog_json, analysis_level FROM result_set WHERE id = :id")
                .bind("id", id).mapToMap().findOne().map(head -> {
                    int year = ((Number) head.get("year")).intValue();
                    MethodConfig method = methodConfig((String) head.get("method_json"));
                    var areas = ReleaseRepository.readAreas(h, year);
                    return new StoredResults(id, year, method, catalogFromJson((String) head.get("catalog_json")),
                            (String) head.get("analysis_level"), areas, ReleaseRepository.readValues(h, id),
                            ReleaseRepository.readAreaRows(h, id), ReleaseRepository.readStats(h, id),
                            ReleaseRepository.readPopulation(h, method.populationVariable(), areas));
                }));
    }

    public static Optional<MonitoringResult> load(Handle h, long id) {
        return load(h, id, false);
    }

    private static Optional<MonitoringResult> load(Handle h, long id, boolean ownYearOnly) {
        Optional<Map<String, Object>> head = h.createQuery("SELECT year, method_json, catalog_json, inputs_json, analysis_level, "
                + "base_year, notes FROM result_set WHERE id = :id").bind("id", id).mapToMap().findOne();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> s = head.get();
        int year = ((Number) s.get("year")).intValue();
        MethodConfig config = methodConfig((String) s.get("method_json"));
        IndicatorCatalog catalog = catalogFromJson((String) s.get("catalog_json"));
        Map<String, Object> provenance = read((String) s.get("inputs_json"), new TypeReference<Map<String, Object>>() { });
        provenance.remove("years");
        List<String> notes = s.get("notes") == null ? List.of() : read((String) s.get("notes"), new TypeReference<List<String>>() { });
        int baseYear = s.get("base_year") == null ? year - config.dynamicsYears() : ((Number) s.get("base_year")).intValue();

        // the areas in the order they were computed (one block per year; a set the method saved has one, of its year)
        List<ResultAreaStore.YearAreas> blocks = ResultAreaStore.read(h, id);
        int total = 0;
        for (ResultAreaStore.YearAreas b : blocks) {
            total += b.areas().size();
        }
        int n = total;
        String[] codes = new String[n];
        String[] names = new String[n];
        String[] levels = new String[n];
        String[] parents = new String[n];
        StatusClass[] sc = new StatusClass[n];
        DynamicsClass[] dc = new DynamicsClass[n];
        String[] excluded = new String[n];
        boolean[] attention = new boolean[n];
        double[] sraw = new double[n];
        double[] si = new double[n];
        double[] draw = new double[n];
        double[] di = new double[n];
        double[] population = new double[n];
        int a = 0;
        for (ResultAreaStore.YearAreas b : blocks) {
            BlockCodec.ResultAreas r = b.areas();
            for (int i = 0; i < r.size(); i++, a++) {
                codes[a] = r.codes()[i];
                names[a] = r.names()[i] == null ? codes[a] : r.names()[i];
                levels[a] = r.levels()[i] == null ? "" : r.levels()[i];
                parents[a] = r.parents()[i];
                sc[a] = r.statusClass()[i] == null ? null : StatusClass.fromCode(r.statusClass()[i]);
                dc[a] = r.dynamicsClass()[i] == null ? null : DynamicsClass.fromCode(r.dynamicsClass()[i]);
                excluded[a] = r.excluded()[i];
                attention[a] = r.attention()[i];
                sraw[a] = r.statusRaw()[i];
                si[a] = r.statusIndex()[i];
                draw[a] = r.dynamicsRaw()[i];
                di[a] = r.dynamicsIndex()[i];
                population[a] = r.population()[i];
            }
        }
        AreaTable areas = AreaTable.of(codes, names, levels, parents);

        // values: one IndicatorValues per (indicator, target group, year)
        // key -> {num, den, value, change, zs, zd}; read unordered (sorting millions of rows costs more than the
        // sort of the few keys below)
        Map<String, double[][]> series = new LinkedHashMap<>();
        String[] valueCodes = ResultValueStore.areaCodes(h, id);
        // where the blocks' codes are the areas in the order just read (every set the method saved), no remapping
        int[] at = java.util.Arrays.equals(valueCodes, codes) ? null : new int[valueCodes.length];
        if (at != null) {
            for (int d = 0; d < valueCodes.length; d++) {
                at[d] = areas.indexOf(valueCodes[d]);
            }
        }
        ResultValueStore.forEachBlock(h, id, k -> !ownYearOnly || k.year() == year, (k, v) -> {
            if (v.size() != valueCodes.length) {
                throw new IllegalStateException("damaged result block of result set " + id + ": " + v.size() + " values for "
                        + valueCodes.length + " areas");
            }
            double[][] cols = {v.numerator(), v.denominator(), v.value(), v.change(), v.zStatus(), v.zDynamics()};
            if (at != null) {
                // areas the set does not list (never read before either) are left out
                for (int c = 0; c < cols.length; c++) {
                    double[] m = new double[n];
                    java.util.Arrays.fill(m, Double.NaN);
                    for (int d = 0; d < at.length; d++) {
                        if (at[d] >= 0) {
                            m[at[d]] = cols[c][d];
                        }
                    }
                    cols[c] = m;
                }
            }
            series.put(k.indicatorId() + "\u0000" + k.targetGroup() + "\u0000" + k.year(), cols);
        });
        // values in catalog order, as computed: the year first, then the other years
        List<IndicatorValues> values = new ArrayList<>();
        Map<String, double[]> zs = new HashMap<>();
        Map<String, double[]> zd = new HashMap<>();
        Map<String, double[]> change = new HashMap<>();
        List<String> keys = new ArrayList<>(series.keySet());
        keys.sort((k1, k2) -> {
            String[] p1 = k1.split("\u0000");
            String[] p2 = k2.split("\u0000");
            int y1 = Integer.parseInt(p1[2]);
            int y2 = Integer.parseInt(p2[2]);
            if ((y1 == year) != (y2 == year)) {
                return y1 == year ? -1 : 1;
            }
            int c = Integer.compare(y2, y1);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(catalogIndex(catalog, p1[0]), catalogIndex(catalog, p2[0]));
            return c != 0 ? c : p1[1].compareTo(p2[1]);
        });
        for (String key : keys) {
            String[] p = key.split("\u0000", -1);
            int y = Integer.parseInt(p[2]);
            if (p[1].isEmpty()) {
                // '' is the indicator as defined: for an indicator with its own target-group filter, that group
                p[1] = catalog.indicator(p[0]).map(i -> i.targetGroup().key()).orElse("");
            }
            double[][] arr = series.get(key);
            boolean current = y == year;
            String own = catalog.indicator(p[0]).map(i -> i.targetGroup().key()).orElse("");
            boolean deliveredChange = current && own.equals(p[1]) && catalog.indicator(p[0]).map(i -> i.change() != null).orElse(false);
            values.add(new IndicatorValues(p[0], p[1], y, current ? arr[0] : null, current ? arr[1] : null, arr[2],
                    deliveredChange ? arr[3] : null));
            if (current && own.equals(p[1])) {
                zs.put(p[0], arr[4]);
                zd.put(p[0], arr[5]);
                change.put(p[0], arr[3]);
            }
        }
        // indicators without any value in a year have no rows: give them back as all missing, as computed
        java.util.Set<Integer> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        years.add(year);
        values.forEach(v -> years.add(v.year()));
        for (int y : years) {
            for (Indicator ind : catalog.indicators()) {
                String g = ind.targetGroup().key();
                boolean present = values.stream().anyMatch(v -> v.year() == y && v.indicatorId().equals(ind.id())
                        && v.targetGroup().equals(g));
                if (!present) {
                    double[] none = new double[n];
                    java.util.Arrays.fill(none, Double.NaN);
                    values.add(new IndicatorValues(ind.id(), g, y, y == year ? none : null, y == year ? none : null, none));
                }
            }
        }
        Map<String, List<ComponentStat>> stats = new HashMap<>();
        h.createQuery("SELECT component, indicator_id, n, mean, sd, left_out FROM result_stat WHERE result_set_id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new ComponentStat(rs.getString("component"), rs.getString("indicator_id"), rs.getInt("n"),
                        dbl(rs, "mean"), dbl(rs, "sd"), rs.getBoolean("left_out"), 0))
                .forEach(st -> stats.computeIfAbsent(st.component(), k -> new ArrayList<>()).add(st));
        int[] analysis = areas.onLevel((String) s.get("analysis_level"));
        ComponentResult status = component(ComponentStat.STATUS, config.statusIndicators(), catalog, stats, analysis, n, zs, sraw, si,
                id2 -> values.stream().filter(v -> v.year() == year && v.indicatorId().equals(id2)
                        && v.targetGroup().equals(catalog.indicator(id2).map(i -> i.targetGroup().key()).orElse("")))
                        .findFirst().map(IndicatorValues::value).orElse(null));
        ComponentResult dynamics = component(ComponentStat.DYNAMICS, config.dynamicsIndicators(), catalog, stats, analysis, n, zd, draw, di,
                change::get);
        return Optional.of(new MonitoringResult(year, baseYear, config, catalog, (String) s.get("analysis_level"), areas, population,
                List.copyOf(values), status, dynamics, sc, dc, attention, excluded, notes, provenance));
    }

    private static ComponentResult component(String name, Map<String, Double> weights, IndicatorCatalog catalog,
                                             Map<String, List<ComponentStat>> stats, int[] analysis, int n,
                                             Map<String, double[]> z, double[] raw, double[] index,
                                             java.util.function.Function<String, double[]> unflipped) {
        List<String> ids = new ArrayList<>(weights.keySet());
        Map<String, double[]> input = new LinkedHashMap<>();
        Map<String, double[]> zOut = new LinkedHashMap<>();
        for (String id : ids) {
            double[] x = new double[n];
            java.util.Arrays.fill(x, Double.NaN);
            double[] u = unflipped.apply(id);
            int sign = catalog.indicator(id).map(i -> i.polarity().sign()).orElse(1);
            if (u != null) {
                for (int a : analysis) {
                    x[a] = sign * u[a];
                }
            }
            input.put(id, x);
            double[] zz = z.get(id);
            if (zz == null) {
                zz = new double[n];
                java.util.Arrays.fill(zz, Double.NaN);
            }
            zOut.put(id, zz);
        }
        List<ComponentStat> st = new ArrayList<>();
        for (ComponentStat s : stats.getOrDefault(name, List.of())) {
            st.add(new ComponentStat(s.component(), s.indicatorId(), s.n(), s.mean(), s.sd(), s.leftOut(),
                    weights.getOrDefault(s.indicatorId(), 0.0)));
        }
        st.sort((x, y) -> Integer.compare(order(ids, x.indicatorId()), order(ids, y.indicatorId())));
        int participants = (int) st.stream().filter(s -> s.indicatorId().equals(ComponentStat.INDEX)).mapToInt(ComponentStat::n)
                .findFirst().orElse(0);
        return new ComponentResult(name, ids, input, zOut, raw, index, List.copyOf(st), participants);
    }

    private static int order(List<String> ids, String id) {
        int i = ids.indexOf(id);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static int catalogIndex(IndicatorCatalog c, String id) {
        for (int i = 0; i < c.indicators().size(); i++) {
            if (c.indicators().get(i).id().equals(id)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The catalog as plain JSON, readable without this code: definitions travel with every result set. */
    static Map<String, Object> catalogJson(IndicatorCatalog c) {
        List<Map<String, Object>> vars = new ArrayList<>();
        for (Variable v : c.variables()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            m.put("de", v.labelDe());
            m.put("en", v.labelEn());
            if (v.kind() != VariableKind.COUNT) {
                m.put("kind", v.kind().configName());
                m.put("unit", v.unit());
                m.put("base", v.base());
                m.put("years", v.years());
            }
            vars.add(m);
        }
        List<Map<String, Object>> inds = new ArrayList<>();
        for (Indicator i : c.indicators()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("name_de", i.nameDe());
            m.put("name_en", i.nameEn());
            m.put("topic", i.topic());
            if (i.isDelivered()) {
                m.put("value", i.delivered());
            } else {
                m.put("numerator", i.numerator().toString());
                m.put("denominator", i.denominator().toString());
            }
            if (i.change() != null) {
                m.put("change", i.change());
            }
            m.put("target_group", i.targetGroup().key());
            m.put("scale", i.scale());
            m.put("unit", i.unit());
            m.put("polarity", i.polarity().configName());
            m.put("role", i.role().configName());
            m.put("precision", i.precision());
            m.put("min_denominator", i.minDenominator());
            m.put("source", i.source());
            m.put("definition", i.definition());
            inds.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("variables", vars);
        out.put("indicators", inds);
        return out;
    }

    /** The catalog as {@link #catalogJson} wrote it (what a result set and a release freeze). */
    public static IndicatorCatalog catalogFromJson(String json) {
        JsonNode root = read(json, JsonNode.class);
        List<Variable> vars = new ArrayList<>();
        for (JsonNode v : root.path("variables")) {
            vars.add(new Variable(v.path("name").asText(), text(v, "de"), text(v, "en"),
                    VariableKind.fromConfig(v.path("kind").asText("count")), text(v, "unit"), text(v, "base"), v.path("years").asInt(0)));
        }
        List<Indicator> inds = new ArrayList<>();
        for (JsonNode i : root.path("indicators")) {
            boolean delivered = i.hasNonNull("value");
            inds.add(new Indicator(i.path("id").asText(), text(i, "name_de"), text(i, "name_en"), text(i, "topic"),
                    delivered ? null : LinearExpression.parse(i.path("numerator").asText()),
                    delivered ? null : LinearExpression.parse(i.path("denominator").asText()),
                    TargetGroup.parse(i.path("target_group").asText("")), i.path("scale").asDouble(100), text(i, "unit"),
                    Polarity.fromConfig(i.path("polarity").asText("higher_is_worse")),
                    IndicatorRole.fromConfig(i.path("role").asText("profile")), i.path("precision").asInt(1),
                    i.path("min_denominator").asDouble(0), text(i, "source"), text(i, "definition"), text(i, "value"),
                    text(i, "change")));
        }
        return new IndicatorCatalog(vars, inds);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The areas of the result set with their index results and classes, as one block ({@link ResultAreaStore}). */
    private static void writeAreaRows(Handle h, long id, MonitoringResult r) {
        AreaTable areas = r.areas();
        int n = areas.size();
        String[] codes = new String[n];
        String[] names = new String[n];
        String[] levels = new String[n];
        String[] parents = new String[n];
        String[] statusClass = new String[n];
        String[] dynamicsClass = new String[n];
        for (int a = 0; a < n; a++) {
            codes[a] = areas.code(a);
            names[a] = areas.name(a);
            levels[a] = areas.level(a);
            parents[a] = areas.parent(a) < 0 ? null : areas.code(areas.parent(a));
            statusClass[a] = r.statusClass()[a] == null ? null : r.statusClass()[a].code();
            dynamicsClass[a] = r.dynamicsClass()[a] == null ? null : r.dynamicsClass()[a].code();
        }
        double[] population = r.population() == null ? missing(n) : finite(r.population());
        ResultAreaStore.write(h, id, r.year(), new BlockCodec.ResultAreas(codes, names, levels, parents, population,
                finite(r.status().raw()), finite(r.status().index()), statusClass, finite(r.dynamics().raw()),
                finite(r.dynamics().index()), dynamicsClass, r.attention().clone(), r.excluded().clone()));
    }

    /** A copy with infinite figures as none (NaN), as the former table's NULL. */
    private static double[] finite(double[] v) {
        double[] c = v.clone();
        for (int a = 0; a < c.length; a++) {
            if (Double.isInfinite(c[a])) {
                c[a] = Double.NaN;
            }
        }
        return c;
    }

    private static double[] missing(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    private static double dbl(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static double dbl(java.sql.ResultSet rs, String col) throws java.sql.SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }

    static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON a result set records of its method parameters (what {@link #methodConfig} reads). */
    public static String methodJson(MethodConfig config) {
        return json(config);
    }

    /** The JSON a result set records of its catalog (what {@link #catalogFromJson} reads). */
    public static String catalogJsonText(IndicatorCatalog catalog) {
        return json(catalogJson(catalog));
    }

    /**
     * The method parameters a result set recorded, as {@link #save} wrote them. A result set stored
     * before the setting existed recorded no {@code standardisation}: it was computed with the sample
     * SD, and says so, so that {@code release verify} recomputes it as it was computed.
     */
    public static MethodConfig methodConfig(String json) {
        JsonNode tree = read(json, JsonNode.class);
        if (tree.isObject() && !tree.has("standardisation")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("standardisation", MethodConfig.STANDARDISATION_SAMPLE);
        }
        try {
            return Json.MAPPER.treeToValue(tree, MethodConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
