package de.sozialmonitor.privacy;

import java.util.List;

/**
 * One row of a release download (see docs/release-format.md). Every field is text exactly as
 * published, so that the download's bytes are a pure function of the frozen release.
 *
 * @param kind        {@code count}, {@code rate}, {@code change} or {@code area_result}
 * @param measure     count: the counted quantity ({@code sgb2_u65}, {@code pop_total - pop_65plus});
 *                    rate and change: the indicator id; area_result: {@code status_index},
 *                    {@code status_class}, {@code dynamics_index}, {@code dynamics_class}, {@code attention}, {@code excluded}
 * @param numerator   rate and change: the count measure of the numerator
 * @param denominator rate and change: the count measure of the denominator
 * @param scale       rate and change: 100 for percent, 1000 for per mille
 * @param baseYear    change: the year the change is measured from
 * @param status      {@code ok}, {@code suppressed} or {@code missing}
 * @param symbol      the official symbol: empty, "." (geheim gehalten) or "x" (nicht sinnvoll / nicht vorhanden)
 * @param reason      why a value is not shown ({@link #REASONS})
 * @param margin      count rows: which margins end in this cell ("areas", a dimension such as "sex",
 *                    "terms"; a trailing "&lt;=" marks a margin whose parts cover only part of it)
 */
public record PublishedRow(String kind, String measure, String numerator, String denominator, String scale,
                           String areaCode, String areaName, String level, String parentCode, int year,
                           String baseYear, String targetGroup, String value, String status, String symbol,
                           String reason, String margin) {

    public static final String COUNT = "count";
    public static final String RATE = "rate";
    public static final String CHANGE = "change";
    public static final String AREA_RESULT = "area_result";

    public static final String OK = "ok";
    public static final String SUPPRESSED = "suppressed";
    public static final String MISSING = "missing";

    /** A count kept secret (primary or secondary: deliberately not told apart, see docs/privacy.md). */
    public static final String CONFIDENTIAL = "confidential";
    /** A rate, change or index that would reveal a confidential count. */
    public static final String COUNTS_CONFIDENTIAL = "counts_confidential";
    /** A rate of an area with fewer inhabitants than {@code min_population_for_rates}. */
    public static final String POPULATION_BELOW_MINIMUM = "population_below_minimum";
    /** No value delivered or computable (e.g. denominator 0). */
    public static final String NOT_AVAILABLE = "not_available";

    public static final List<String> REASONS = List.of(CONFIDENTIAL, COUNTS_CONFIDENTIAL, POPULATION_BELOW_MINIMUM, NOT_AVAILABLE);

    /** The column names of the CSV download, in order. */
    public static final List<String> COLUMNS = List.of("kind", "measure", "numerator", "denominator", "scale",
            "area_code", "area_name", "level", "parent_code", "year", "base_year", "target_group", "value",
            "status", "symbol", "reason", "margin");

    public PublishedRow {
        numerator = nz(numerator);
        denominator = nz(denominator);
        scale = nz(scale);
        areaName = nz(areaName);
        level = nz(level);
        parentCode = nz(parentCode);
        baseYear = nz(baseYear);
        targetGroup = nz(targetGroup);
        value = nz(value);
        symbol = nz(symbol);
        reason = nz(reason);
        margin = nz(margin);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPublished() {
        return OK.equals(status);
    }

    public List<String> fields() {
        return List.of(kind, measure, numerator, denominator, scale, areaCode, areaName, level, parentCode,
                Integer.toString(year), baseYear, targetGroup, value, status, symbol, reason, margin);
    }

    public static PublishedRow fromFields(List<String> f) {
        if (f.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " fields, got " + f.size());
        }
        return new PublishedRow(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7),
                f.get(8), Integer.parseInt(f.get(9)), f.get(10), f.get(11), f.get(12), f.get(13), f.get(14),
                f.get(15), f.get(16));
    }
}
