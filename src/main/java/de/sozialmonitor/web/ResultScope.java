package de.sozialmonitor.web;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The results one viewer may see: for each year, the result set to read; whether counts
 * (numerators, denominators) may be shown; and whether published-only disclosure rules apply.
 *
 * @param label         shown on every page ("Berichtsstand 3" or "interne Berechnung")
 * @param releaseNumber the published release, or null for internal results
 * @param protectedView true for anonymous visitors: values are filtered by disclosure control
 * @param countsVisible true if numerators and denominators may be shown
 */
public record ResultScope(String label, Integer releaseNumber, SortedMap<Integer, Long> resultSetByYear,
                          boolean protectedView, boolean countsVisible) {
    public ResultScope {
        resultSetByYear = new TreeMap<>(resultSetByYear);
    }

    public static ResultScope empty(String label, boolean protectedView) {
        return new ResultScope(label, null, new TreeMap<>(), protectedView, false);
    }

    public boolean isEmpty() {
        return resultSetByYear.isEmpty();
    }

    public List<Integer> years() {
        return List.copyOf(resultSetByYear.keySet());
    }

    public int latestYear() {
        return resultSetByYear.lastKey();
    }

    /** The year asked for if this scope has it, else the latest year. */
    public int yearOr(Integer asked) {
        return asked != null && resultSetByYear.containsKey(asked) ? asked : latestYear();
    }

    public Long resultSet(int year) {
        return resultSetByYear.get(year);
    }

    /** A short key for caches: the same key means the same data. */
    public String cacheKey() {
        return (protectedView ? "p" : "i") + resultSetByYear;
    }
}
