package de.sozialmonitor.web;

import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.web.MonitoringData.AreaResult;
import de.sozialmonitor.web.MonitoringData.Cell;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The protected rows of one published release, indexed for the pages: rates (with their changes)
 * by year, area, target group and indicator, and the area results by year and area. Built from
 * {@code ReleaseRepository.publishedRows} only, so the public sees exactly the release download;
 * counts are not indexed because the pages never show counts.
 */
final class PublishedIndex {
    private final Map<Integer, Map<String, AreaResult>> results = new HashMap<>();
    private final Map<Integer, Map<String, Map<String, Map<String, Cell>>>> rates = new HashMap<>(); // year, area, tg, indicator
    private final SortedSet<Integer> years = new TreeSet<>();

    PublishedIndex(List<PublishedRow> rows) {
        Map<String, Map<String, String>> areaFields = new HashMap<>(); // year|area -> measure -> value (null if withheld)
        Map<String, Double> changes = new HashMap<>();
        for (PublishedRow r : rows) {
            switch (r.kind()) {
                case PublishedRow.RATE -> {
                    years.add(r.year());
                    Cell c = r.isPublished() ? new Cell(parse(r.value()), null, null, null, null, false)
                            : new Cell(null, null, null, null, null, PublishedRow.SUPPRESSED.equals(r.status()));
                    rates.computeIfAbsent(r.year(), k -> new HashMap<>()).computeIfAbsent(r.areaCode(), k -> new HashMap<>())
                            .computeIfAbsent(r.targetGroup(), k -> new HashMap<>()).put(r.measure(), c);
                }
                case PublishedRow.CHANGE -> {
                    if (r.isPublished()) {
                        changes.put(r.year() + "|" + r.areaCode() + "|" + r.targetGroup() + "|" + r.measure(), parse(r.value()));
                    }
                }
                case PublishedRow.AREA_RESULT -> areaFields.computeIfAbsent(r.year() + "|" + r.areaCode(), k -> new HashMap<>())
                        .put(r.measure(), r.isPublished() ? r.value() : null);
                default -> {
                }
            }
        }
        rates.forEach((year, byArea) -> byArea.forEach((area, byGroup) -> byGroup.forEach((group, byIndicator) ->
                byIndicator.replaceAll((indicator, c) -> {
                    Double change = changes.get(year + "|" + area + "|" + group + "|" + indicator);
                    return change == null ? c : new Cell(c.value(), null, null, change, null, c.suppressed());
                }))));
        areaFields.forEach((key, f) -> {
            int year = Integer.parseInt(key.substring(0, key.indexOf('|')));
            String area = key.substring(key.indexOf('|') + 1);
            years.add(year);
            String excluded = f.get("excluded");
            results.computeIfAbsent(year, k -> new HashMap<>()).put(area, new AreaResult(parse(f.get("status_index")),
                    blankToNull(f.get("status_class")), parse(f.get("dynamics_index")), blankToNull(f.get("dynamics_class")),
                    "true".equals(f.get("attention")), blankToNull(excluded)));
        });
    }

    SortedSet<Integer> years() {
        return years;
    }

    Map<String, AreaResult> results(int year) {
        return results.getOrDefault(year, Map.of());
    }

    /** Total-population rates of a year: area → indicator → cell. */
    Map<String, Map<String, Cell>> totals(int year) {
        Map<String, Map<String, Cell>> out = new HashMap<>();
        rates.getOrDefault(year, Map.of()).forEach((area, byGroup) -> {
            Map<String, Cell> total = byGroup.get("");
            if (total != null) {
                out.put(area, total);
            }
        });
        return out;
    }

    /** Target-group rates of one area and year: group → indicator → cell. */
    Map<String, Map<String, Cell>> groups(int year, String area) {
        Map<String, Map<String, Cell>> out = new java.util.TreeMap<>();
        rates.getOrDefault(year, Map.of()).getOrDefault(area, Map.of()).forEach((group, cells) -> {
            if (!group.isEmpty()) {
                out.put(group, cells);
            }
        });
        return out;
    }

    private static Double parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
