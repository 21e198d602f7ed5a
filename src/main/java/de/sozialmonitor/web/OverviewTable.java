package de.sozialmonitor.web;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.view.AreaClasses;
import de.sozialmonitor.view.Choropleth;
import de.sozialmonitor.view.Choropleth.Mode;
import de.sozialmonitor.view.Figure;
import de.sozialmonitor.view.ResultView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The areas of one level and year of a view with their classes, figures and map colour: what the
 * overview table, the map data, the CSV/XLSX/GeoJSON downloads, the JSON API and the OGC items
 * all render, so that a download holds exactly what the page shows.
 */
final class OverviewTable {
    /** One area: its classes (null if the method did not classify it) and its map colour. */
    record Row(AreaInfo area, String parentName, AreaClasses classes, String fill, boolean noValue) {
    }

    private final ResultView view;
    private final String level;
    private final int year;
    private final Choropleth.Shading shading;
    private final List<Row> rows;
    private final List<Indicator> columns;

    private OverviewTable(ResultView view, String level, int year, Choropleth.Shading shading, List<Row> rows, List<Indicator> columns) {
        this.view = view;
        this.level = level;
        this.year = year;
        this.shading = shading;
        this.rows = rows;
        this.columns = columns;
    }

    static OverviewTable of(ResultView view, String level, int year, Mode mode, Locale locale) {
        List<AreaInfo> areas = view.areasOn(level);
        Choropleth.Shading shading = Choropleth.shade(view, areas.stream().map(AreaInfo::code).toList(), year, mode, locale);
        List<Indicator> columns = new ArrayList<>(view.attentionIndicators());
        if (mode.indicator() != null && !columns.contains(mode.indicator())) {
            columns.add(mode.indicator());
        }
        List<Row> rows = new ArrayList<>();
        for (AreaInfo a : areas) {
            AreaClasses classes = year == view.year() ? view.classes(a.code()).orElse(null) : null;
            String parent = view.area(a.parentCode()).map(AreaInfo::name).orElse("");
            rows.add(new Row(a, parent, classes, shading.colour(a.code()), !shading.hasValue(a.code())));
        }
        return new OverviewTable(view, level, year, shading, List.copyOf(rows), List.copyOf(columns));
    }

    ResultView view() {
        return view;
    }

    List<Row> rows() {
        return rows;
    }

    Choropleth.Shading shading() {
        return shading;
    }

    /** The indicator columns: the attention indicators, and the one the map shows. */
    List<Indicator> columns() {
        return columns;
    }

    String level() {
        return level;
    }

    int year() {
        return year;
    }

    Mode mode() {
        return shading.mode();
    }

    /** The figure of an indicator in a row. */
    Figure figure(Row r, Indicator i) {
        return view.rate(i.id(), r.area().code(), year);
    }

    private static Double rank(Enum<?> c) {
        return c == null ? null : (double) c.ordinal();
    }

    /** The rows sorted by a column key: name, parent, status, dynamics, attention, code, or an indicator id. */
    List<Row> sorted(String key, boolean descending) {
        Comparator<Double> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<Row> cmp = switch (key == null ? "name" : key) {
            case "parent" -> Comparator.comparing(Row::parentName, String.CASE_INSENSITIVE_ORDER);
            // by class first: a release may publish the classes but withhold the index values
            case "status" -> Comparator.<Row, Double>comparing(r -> r.classes() == null ? null : rank(r.classes().statusClass()), nullsLast)
                    .thenComparing(r -> r.classes() == null ? null : r.classes().statusIndex(), nullsLast);
            case "dynamics" -> Comparator.<Row, Double>comparing(r -> r.classes() == null ? null : rank(r.classes().dynamicsClass()), nullsLast)
                    .thenComparing(r -> r.classes() == null ? null : r.classes().dynamicsIndex(), nullsLast);
            case "attention" -> Comparator.comparing(r -> r.classes() != null && r.classes().attention());
            case "code" -> Comparator.comparing(r -> r.area().code());
            case "name" -> Comparator.comparing(r -> r.area().name(), String.CASE_INSENSITIVE_ORDER);
            default -> Comparator.comparing(r -> view.rate(key, r.area().code(), year).value(), nullsLast);
        };
        List<Row> list = new ArrayList<>(rows);
        list.sort(descending ? cmp.reversed() : cmp);
        return list;
    }
}
