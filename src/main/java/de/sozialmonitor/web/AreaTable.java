package de.sozialmonitor.web;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.web.Classification.LegendEntry;
import de.sozialmonitor.web.Classification.Mode;
import de.sozialmonitor.web.MonitoringData.AreaInfo;
import de.sozialmonitor.web.MonitoringData.AreaResult;
import de.sozialmonitor.web.MonitoringData.Cell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The areas of one level and year with their results, indicator values and map colour: the one
 * model behind the overview table, the map data, the CSV/GeoJSON downloads and the API, so that a
 * download holds exactly what the page shows.
 */
public final class AreaTable {
    public record Row(AreaInfo area, String parentName, AreaResult result, Map<String, Cell> cells, String fill, boolean noValue) {
        public Cell cell(String indicatorId) {
            return cells.getOrDefault(indicatorId, Cell.MISSING);
        }
    }

    private final String level;
    private final int year;
    private final Mode mode;
    private final List<Row> rows;
    private final List<LegendEntry> legend;
    private final List<Indicator> columns;

    private AreaTable(String level, int year, Mode mode, List<Row> rows, List<LegendEntry> legend, List<Indicator> columns) {
        this.level = level;
        this.year = year;
        this.mode = mode;
        this.rows = rows;
        this.legend = legend;
        this.columns = columns;
    }

    public static AreaTable build(MonitoringData data, IndicatorCatalog catalog, ResultScope scope, String level, int year,
                                  Mode mode, Texts t) {
        Map<String, AreaInfo> all = data.areas(year);
        Map<String, AreaResult> results = scope.isEmpty() ? Map.of() : data.areaResults(scope, year);
        Map<String, Map<String, Cell>> values = scope.isEmpty() ? Map.of() : data.values(scope, year);
        List<Indicator> columns = new ArrayList<>(catalog.indicators().stream().filter(i -> i.role() == IndicatorRole.ATTENTION).toList());
        if (mode.indicator() != null && !columns.contains(mode.indicator())) {
            columns.add(mode.indicator());
        }
        List<AreaInfo> areas = all.values().stream().filter(a -> a.level().equals(level)).toList();
        double[] breaks = new double[0];
        if (mode.indicator() != null) {
            List<Double> vs = new ArrayList<>();
            for (AreaInfo a : areas) {
                Cell c = values.getOrDefault(a.code(), Map.of()).get(mode.indicator().id());
                if (c != null && c.value() != null) {
                    vs.add(c.value());
                }
            }
            breaks = Classification.quantileBreaks(vs);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        int noValue = 0;
        for (AreaInfo a : areas) {
            AreaResult r = results.get(a.code());
            Map<String, Cell> cells = values.getOrDefault(a.code(), Map.of());
            String key = switch (mode.kind()) {
                case "dynamics" -> r == null ? null : r.dynamicsClass();
                case "attention" -> r == null || r.excluded() != null ? null : (r.attention() ? "yes" : "no");
                case "indicator" -> {
                    Cell c = cells.get(mode.indicator().id());
                    yield c == null || c.value() == null ? null : Integer.toString(Classification.classOf(c.value(), breaks));
                }
                default -> r == null ? null : r.statusClass();
            };
            String fill = key == null ? Classification.NO_VALUE_FILL : switch (mode.kind()) {
                case "dynamics" -> Classification.DYNAMICS_COLOURS.getOrDefault(key, Classification.NO_VALUE_FILL);
                case "attention" -> "yes".equals(key) ? Classification.ATTENTION_COLOUR : Classification.NO_ATTENTION_COLOUR;
                case "indicator" -> Classification.sequentialColour(Integer.parseInt(key), breaks.length + 1, mode.indicator().polarity());
                default -> Classification.STATUS_COLOURS.getOrDefault(key, Classification.NO_VALUE_FILL);
            };
            if (key == null) {
                noValue++;
            } else {
                counts.merge(key, 1, Integer::sum);
            }
            AreaInfo parent = a.parentCode() == null ? null : all.get(a.parentCode());
            rows.add(new Row(a, parent == null ? "" : parent.name(), r, cells, fill, key == null));
        }
        List<LegendEntry> legend = new ArrayList<>();
        switch (mode.kind()) {
            case "dynamics" -> Classification.DYNAMICS_ORDER.forEach(c -> legend.add(
                    new LegendEntry(Classification.DYNAMICS_COLOURS.get(c), t.dynamicsClass(c), counts.getOrDefault(c, 0))));
            case "attention" -> {
                legend.add(new LegendEntry(Classification.ATTENTION_COLOUR, t.get("legend.attention.yes"), counts.getOrDefault("yes", 0)));
                legend.add(new LegendEntry(Classification.NO_ATTENTION_COLOUR, t.get("legend.attention.no"), counts.getOrDefault("no", 0)));
            }
            case "indicator" -> {
                int n = breaks.length + 1;
                int decimals = mode.indicator().precision();
                for (int c = 0; c < n; c++) {
                    String label = c == 0 ? (n == 1 ? t.get("legend.all") : t.get("legend.upTo", t.number(breaks[0], decimals)))
                            : c == n - 1 ? t.get("legend.above", t.number(breaks[c - 1], decimals))
                            : t.get("legend.range", t.number(breaks[c - 1], decimals), t.number(breaks[c], decimals));
                    legend.add(new LegendEntry(Classification.sequentialColour(c, n, mode.indicator().polarity()), label,
                            counts.getOrDefault(Integer.toString(c), 0)));
                }
            }
            default -> Classification.STATUS_ORDER.forEach(c -> legend.add(
                    new LegendEntry(Classification.STATUS_COLOURS.get(c), t.statusClass(c), counts.getOrDefault(c, 0))));
        }
        legend.add(new LegendEntry(Classification.NO_VALUE_FILL, t.get("legend.noValue"), noValue));
        return new AreaTable(level, year, mode, rows, legend, columns);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<LegendEntry> legend() {
        return legend;
    }

    public List<Indicator> columns() {
        return columns;
    }

    public String level() {
        return level;
    }

    public int year() {
        return year;
    }

    public Mode mode() {
        return mode;
    }

    private static Double rank(List<String> order, String code) {
        int i = code == null ? -1 : order.indexOf(code);
        return i < 0 ? null : (double) i;
    }

    /** The rows sorted by a column key: name, parent, status, dynamics, attention, or an indicator id. */
    public List<Row> sorted(String key, boolean descending) {
        Comparator<Double> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<Row> cmp = switch (key == null ? "name" : key) {
            case "parent" -> Comparator.comparing(Row::parentName, String.CASE_INSENSITIVE_ORDER);
            // by class first: a release may publish the classes but withhold the index values
            case "status" -> Comparator.<Row, Double>comparing(r -> rank(Classification.STATUS_ORDER, r.result() == null ? null : r.result().statusClass()), nullsLast)
                    .thenComparing(r -> r.result() == null ? null : r.result().statusIndex(), nullsLast);
            case "dynamics" -> Comparator.<Row, Double>comparing(r -> rank(Classification.DYNAMICS_ORDER, r.result() == null ? null : r.result().dynamicsClass()), nullsLast)
                    .thenComparing(r -> r.result() == null ? null : r.result().dynamicsIndex(), nullsLast);
            case "attention" -> Comparator.comparing(r -> r.result() != null && r.result().attention());
            case "code" -> Comparator.comparing(r -> r.area().code());
            case "name" -> Comparator.comparing(r -> r.area().name(), String.CASE_INSENSITIVE_ORDER);
            default -> Comparator.comparing(r -> r.cell(key).value(), nullsLast);
        };
        List<Row> list = new ArrayList<>(rows);
        list.sort(descending ? cmp.reversed() : cmp);
        return list;
    }
}
