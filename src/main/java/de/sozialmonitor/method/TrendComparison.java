package de.sozialmonitor.method;

import java.util.SortedMap;

/**
 * How an indicator of an area developed before and after a measure began, beside the county over
 * the same years: a difference of differences. It describes; it proves no effect (other things
 * happen at the same time, areas are small, a measure often starts where things are worst).
 *
 * <p>The base year is the last year whose figures (reference date 31 December) lie before the
 * start. "Before" is the average change per year from the first usable year of the window
 * {@code [base − yearsBefore, base]} to the base year; "after" is the average change per year
 * from the base year to the last year with figures. Years are usable where both the area and the
 * county have a value. The difference of differences is
 * {@code (areaAfter − areaBefore) − (countyAfter − countyBefore)}, in the indicator's unit per
 * year: below zero the indicator rose less (or fell more) in the area than in the county after the
 * start, compared with the years before.
 *
 * @param reason null when the comparison could be made; {@code no_base_year} (no figures for the
 *               area and the county in the base year), {@code no_years_before} or
 *               {@code no_years_after} otherwise
 */
public record TrendComparison(int baseYear, Integer firstYear, Integer lastYear, Double areaBefore, Double areaAfter,
                              Double countyBefore, Double countyAfter, Double differenceOfDifferences, String reason) {
    public static final String NO_BASE_YEAR = "no_base_year";
    public static final String NO_YEARS_BEFORE = "no_years_before";
    public static final String NO_YEARS_AFTER = "no_years_after";
    /** The usual window before the start: as long as the dynamics period of the method's default. */
    public static final int DEFAULT_YEARS_BEFORE = 3;

    public boolean made() {
        return reason == null;
    }

    /**
     * Compares the series of an area with the county's around the base year (the year before the
     * measure's start year). Missing years (absent, null or NaN) are skipped.
     */
    public static TrendComparison of(SortedMap<Integer, Double> area, SortedMap<Integer, Double> county, int baseYear,
                                     int yearsBefore) {
        if (!usable(area, county, baseYear)) {
            return new TrendComparison(baseYear, null, null, null, null, null, null, null, NO_BASE_YEAR);
        }
        Integer first = null;
        for (int y = baseYear - Math.max(1, yearsBefore); y < baseYear; y++) {
            if (usable(area, county, y)) {
                first = y;
                break;
            }
        }
        Integer last = null;
        for (int y : area.keySet()) {
            if (y > baseYear && usable(area, county, y)) {
                last = y;
            }
        }
        Double areaBefore = first == null ? null : slope(area, first, baseYear);
        Double countyBefore = first == null ? null : slope(county, first, baseYear);
        Double areaAfter = last == null ? null : slope(area, baseYear, last);
        Double countyAfter = last == null ? null : slope(county, baseYear, last);
        String reason = last == null ? NO_YEARS_AFTER : first == null ? NO_YEARS_BEFORE : null;
        Double did = reason == null ? (areaAfter - areaBefore) - (countyAfter - countyBefore) : null;
        return new TrendComparison(baseYear, first, last, areaBefore, areaAfter, countyBefore, countyAfter, did, reason);
    }

    /**
     * How the difference of differences reads in the direction of disadvantage: {@code better},
     * {@code worse} or {@code same}, rounded to the indicator's precision plus one decimal
     * ({@code polaritySign} +1 where a higher value shows disadvantage, −1 where a lower one does).
     * Null when no comparison could be made.
     */
    public String reading(int polaritySign, int precision) {
        if (!made()) {
            return null;
        }
        double scale = Math.pow(10, precision + 1);
        double rounded = Math.round(differenceOfDifferences * scale) / scale;
        double worse = polaritySign * rounded;
        return worse == 0 ? "same" : worse < 0 ? "better" : "worse";
    }

    /** The base year of a measure that starts in {@code startYear}: the year before. */
    public static int baseYearOf(int startYear) {
        return startYear - 1;
    }

    private static boolean usable(SortedMap<Integer, Double> area, SortedMap<Integer, Double> county, int year) {
        return finite(area.get(year)) && finite(county.get(year));
    }

    private static boolean finite(Double v) {
        return v != null && !v.isNaN() && !v.isInfinite();
    }

    private static double slope(SortedMap<Integer, Double> s, int from, int to) {
        return (s.get(to) - s.get(from)) / (to - from);
    }
}
