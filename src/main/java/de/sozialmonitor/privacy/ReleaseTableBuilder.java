package de.sozialmonitor.privacy;

import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.TargetGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns frozen results into the protected table a release publishes: every count (numerators and
 * denominators of every indicator), rate, rate change and area result, each with a status.
 *
 * <ul>
 *   <li>Counts: primary and secondary suppression ({@link CellSuppression}).</li>
 *   <li>Rates: suppressed when the numerator or denominator count is suppressed (a published rate
 *   and denominator would give the numerator back), and for areas with fewer inhabitants than
 *   {@code min_population_for_rates}.</li>
 *   <li>Changes between years: published only when both rates are published, so that a change
 *   plus one published year can never reveal a hidden year.</li>
 *   <li>Index values: z-scores and index values are functions of every participating area's rate;
 *   with means and SDs they could be solved back. So a year's status (dynamics) index values are
 *   published only if no rate that enters it is confidential; classes and attention flags, coarse
 *   by design, are always published.</li>
 * </ul>
 */
public final class ReleaseTableBuilder {

    /** The protected table and a summary of what was withheld. */
    public record ProtectedTable(List<PublishedRow> rows, Summary summary) {
    }

    /**
     * Figures for the release log and the report. {@code inherited}: counts withheld because a
     * published release withholds them (not counted as primary; part of the secondary ones); null in
     * releases frozen before the public record was protected as a whole.
     */
    public record Summary(int counts, int primarySuppressed, int secondarySuppressed, int rates,
                          int ratesSuppressed, int auditRounds, List<String> unprotected,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          Integer inherited) {
    }

    private ReleaseTableBuilder() {
    }

    /** The protected table of a release with no release published before it. */
    public static ProtectedTable build(FrozenResults data, DisclosureRules rules) {
        return build(data, rules, PublicRecord.empty());
    }

    /**
     * The protected table of a release that joins the public record {@code published} (the rows of
     * every release published so far): counts they withhold stay withheld, and the audit covers
     * the union.
     */
    public static ProtectedTable build(FrozenResults data, DisclosureRules rules, PublicRecord published) {
        Map<String, FrozenResults.IndicatorInfo> indicators = new LinkedHashMap<>();
        data.indicators().forEach(i -> indicators.put(i.id(), i));

        // 1. counts: numerators and denominators, one cell per distinct measure
        CountTable table = CountTable.build(counts(data), data.areas(), completes(rules));
        CellSuppression.Result suppression = CellSuppression.suppress(table, rules, published);
        boolean[] hidden = suppression.suppressed();

        List<PublishedRow> rows = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            CountCell c = table.cell(i);
            double v = table.value(i);
            String status;
            String value = "";
            String symbol = "";
            String reason = "";
            if (Double.isNaN(v)) {
                status = PublishedRow.MISSING;
                symbol = "x";
                reason = PublishedRow.NOT_AVAILABLE;
            } else if (hidden[i]) {
                status = PublishedRow.SUPPRESSED;
                symbol = ".";
                reason = PublishedRow.CONFIDENTIAL;
            } else {
                status = PublishedRow.OK;
                value = Numbers.count(v);
            }
            rows.add(row(PublishedRow.COUNT, c.measure(), "", "", "", c.areaCode(), c.year(), "", c.targetGroup(),
                    value, status, symbol, reason, table.marginTokens(i), data.areas()));
        }

        // 2. rates
        Map<String, String> rateStatus = new HashMap<>();   // indicator|area|year|tg -> reason ("" if published)
        Map<String, Double> rateValue = new HashMap<>();
        int rates = 0;
        int ratesSuppressed = 0;
        Set<String> rateSeen = new HashSet<>();
        for (FrozenResults.ValueRow v : data.values()) {
            FrozenResults.IndicatorInfo ind = indicators.get(v.indicatorId());
            String tg = targetGroup(ind, v.targetGroup());
            String key = rateKey(v.indicatorId(), v.areaCode(), v.year(), tg);
            if (!rateSeen.add(key)) {
                continue;
            }
            rates++;
            Integer num = delivered(ind) ? null : table.indexOf(new CountCell(numeratorOf(ind, v.indicatorId()), v.areaCode(), v.year(), tg));
            Integer den = delivered(ind) ? null : table.indexOf(new CountCell(denominatorOf(ind, v.indicatorId()), v.areaCode(), v.year(), tg));
            String reason;
            if (v.value() == null || Double.isNaN(v.value())) {
                reason = PublishedRow.NOT_AVAILABLE;
            } else if (num != null && !rules.singleRelease() && (Double.isNaN(table.value(num)) || Double.isNaN(table.value(den)))) {
                // a rate goes with its counts: without them (a result set computed before earlier
                // years kept their counts) it could not be checked against the withheld ones. (A
                // delivered share has no counts at all: it stands alone, as the delivering office released it.)
                reason = PublishedRow.NOT_AVAILABLE;
            } else if (num != null && (hidden[num] || hidden[den])) {
                reason = PublishedRow.COUNTS_CONFIDENTIAL;
            } else if (population(data, v, table, den) < rules.minPopulationForRates()) {
                reason = PublishedRow.POPULATION_BELOW_MINIMUM;
            } else {
                reason = "";
            }
            rateStatus.put(key, reason);
            rateValue.put(key, v.value());
            if (!reason.isEmpty() && !reason.equals(PublishedRow.NOT_AVAILABLE)) {
                ratesSuppressed++;
            }
            int precision = ind == null ? 1 : ind.precision();
            rows.add(rateRow(PublishedRow.RATE, v, ind, tg, "", reason,
                    reason.isEmpty() ? Numbers.fixed(v.value(), precision) : "", data.areas()));
        }

        // 3. changes between years: only where both years' rates are published
        for (FrozenResults.ValueRow v : data.values()) {
            if (v.change() == null || Double.isNaN(v.change())) {
                continue;
            }
            FrozenResults.IndicatorInfo ind = indicators.get(v.indicatorId());
            String tg = targetGroup(ind, v.targetGroup());
            int base = v.year() - data.dynamicsYears();
            String now = rateStatus.get(rateKey(v.indicatorId(), v.areaCode(), v.year(), tg));
            String then = rateStatus.get(rateKey(v.indicatorId(), v.areaCode(), base, tg));
            String reason;
            if (then == null) {
                // the base year is not in the release: its rate could be solved from the change
                reason = PublishedRow.NOT_AVAILABLE;
            } else if (!now.isEmpty() || !then.isEmpty()) {
                reason = now.equals(PublishedRow.COUNTS_CONFIDENTIAL) || then.equals(PublishedRow.COUNTS_CONFIDENTIAL)
                        ? PublishedRow.COUNTS_CONFIDENTIAL
                        : !now.isEmpty() ? now : then;
            } else {
                reason = "";
            }
            int precision = ind == null ? 1 : ind.precision();
            rows.add(rateRow(PublishedRow.CHANGE, v, ind, tg, Integer.toString(base), reason,
                    reason.isEmpty() ? Numbers.fixed(v.change(), precision) : "", data.areas()));
        }

        // 4. area results
        Set<Integer> statusHidden = new HashSet<>();
        Set<Integer> dynamicsHidden = new HashSet<>();
        for (FrozenResults.AreaRow a : data.areaResults()) {
            for (String id : data.statusIndicators()) {
                if (PublishedRow.COUNTS_CONFIDENTIAL.equals(rateStatus.get(rateKey(id, a.areaCode(), a.year(), ""))) && a.statusIndex() != null) {
                    statusHidden.add(a.year());
                }
            }
            for (String id : data.dynamicsIndicators()) {
                for (int y : new int[] {a.year(), a.year() - data.dynamicsYears()}) {
                    if (PublishedRow.COUNTS_CONFIDENTIAL.equals(rateStatus.get(rateKey(id, a.areaCode(), y, ""))) && a.dynamicsIndex() != null) {
                        dynamicsHidden.add(a.year());
                    }
                }
            }
        }
        for (FrozenResults.AreaRow a : data.areaResults()) {
            rows.add(indexRow("status_index", a, a.statusIndex(), statusHidden.contains(a.year()), data.areas()));
            rows.add(textRow("status_class", a, a.statusClass(), data.areas()));
            rows.add(indexRow("dynamics_index", a, a.dynamicsIndex(), dynamicsHidden.contains(a.year()), data.areas()));
            rows.add(textRow("dynamics_class", a, a.dynamicsClass(), data.areas()));
            rows.add(textRow("attention", a, Boolean.toString(a.attention()), data.areas()));
            rows.add(textRow("excluded", a, a.excluded() == null ? "" : a.excluded(), data.areas()));
        }

        rows.sort(ORDER);
        int primary = suppression.primaryCount();
        Summary summary = new Summary(table.size(), primary, suppression.suppressedCount() - primary, rates,
                ratesSuppressed, suppression.auditRounds(), suppression.unprotected(),
                rules.singleRelease() ? null : suppression.inheritedCount());
        return new ProtectedTable(List.copyOf(rows), summary);
    }

    /** Whether releases under these rules complete breakdowns that lack one group ({@link CountTable#withComplements}). */
    private static boolean completes(DisclosureRules rules) {
        return rules.scheme() >= DisclosureRules.GIVEN_COUNTS_NOT_PARTNERS;
    }

    /**
     * The true counts behind a release's count rows under its rules: {@link #counts(FrozenResults)},
     * and the groups breakdowns lack where the rules complete them.
     */
    public static Map<CountCell, Double> counts(FrozenResults data, DisclosureRules rules) {
        return completes(rules) ? CountTable.withComplements(counts(data)) : counts(data);
    }

    /** The true counts of a release: numerators and denominators, one cell per distinct measure (NaN: not available). */
    public static Map<CountCell, Double> counts(FrozenResults data) {
        Map<String, FrozenResults.IndicatorInfo> indicators = new LinkedHashMap<>();
        data.indicators().forEach(i -> indicators.put(i.id(), i));
        Map<CountCell, Double> counts = new TreeMap<>();
        for (FrozenResults.ValueRow v : data.values()) {
            FrozenResults.IndicatorInfo ind = indicators.get(v.indicatorId());
            if (delivered(ind)) {
                continue; // a delivered share has no counts of its own
            }
            String tg = targetGroup(ind, v.targetGroup());
            counts.putIfAbsent(new CountCell(numeratorOf(ind, v.indicatorId()), v.areaCode(), v.year(), tg), nan(v.numerator()));
            counts.putIfAbsent(new CountCell(denominatorOf(ind, v.indicatorId()), v.areaCode(), v.year(), tg), nan(v.denominator()));
        }
        return counts;
    }

    private static final List<String> KIND_ORDER = List.of(PublishedRow.COUNT, PublishedRow.RATE, PublishedRow.CHANGE, PublishedRow.AREA_RESULT);

    /** Download order: kind, measure, year, area, target group. */
    public static final Comparator<PublishedRow> ORDER = Comparator
            .comparingInt((PublishedRow r) -> KIND_ORDER.indexOf(r.kind()))
            .thenComparing(PublishedRow::measure)
            .thenComparingInt(PublishedRow::year)
            .thenComparing(PublishedRow::areaCode)
            .thenComparing(PublishedRow::targetGroup);

    private static double population(FrozenResults data, FrozenResults.ValueRow v, CountTable table, Integer den) {
        Double p = data.population().get(FrozenResults.populationKey(v.areaCode(), v.year()));
        if (p != null) {
            return p;
        }
        return den == null ? Double.NaN : table.value(den);
    }

    /** An indicator over a shares delivered as such: no numerator and denominator counts. */
    private static boolean delivered(FrozenResults.IndicatorInfo ind) {
        return ind != null && ind.numerator() == null;
    }

    private static PublishedRow rateRow(String kind, FrozenResults.ValueRow v, FrozenResults.IndicatorInfo ind, String tg,
                                        String baseYear, String reason, String value, Map<String, AreaInfo> areas) {
        String status = reason.isEmpty() ? PublishedRow.OK
                : reason.equals(PublishedRow.NOT_AVAILABLE) ? PublishedRow.MISSING : PublishedRow.SUPPRESSED;
        String symbol = reason.isEmpty() ? "" : reason.equals(PublishedRow.NOT_AVAILABLE)
                || reason.equals(PublishedRow.POPULATION_BELOW_MINIMUM) ? "x" : ".";
        String scale = ind == null ? "" : Numbers.count(ind.scale());
        return row(kind, v.indicatorId(), numeratorOf(ind, v.indicatorId()), denominatorOf(ind, v.indicatorId()), scale,
                v.areaCode(), v.year(), baseYear, tg, value, status, symbol, reason, "", areas);
    }

    private static PublishedRow indexRow(String measure, FrozenResults.AreaRow a, Double value, boolean hidden,
                                         Map<String, AreaInfo> areas) {
        if (value == null) {
            return row(PublishedRow.AREA_RESULT, measure, "", "", "", a.areaCode(), a.year(), "", "", "",
                    PublishedRow.MISSING, "x", PublishedRow.NOT_AVAILABLE, "", areas);
        }
        if (hidden) {
            return row(PublishedRow.AREA_RESULT, measure, "", "", "", a.areaCode(), a.year(), "", "", "",
                    PublishedRow.SUPPRESSED, ".", PublishedRow.COUNTS_CONFIDENTIAL, "", areas);
        }
        return row(PublishedRow.AREA_RESULT, measure, "", "", "", a.areaCode(), a.year(), "", "",
                Numbers.fixed(value, 3), PublishedRow.OK, "", "", "", areas);
    }

    private static PublishedRow textRow(String measure, FrozenResults.AreaRow a, String value, Map<String, AreaInfo> areas) {
        boolean missing = value == null;
        return row(PublishedRow.AREA_RESULT, measure, "", "", "", a.areaCode(), a.year(), "", "",
                missing ? "" : value, missing ? PublishedRow.MISSING : PublishedRow.OK, missing ? "x" : "",
                missing ? PublishedRow.NOT_AVAILABLE : "", "", areas);
    }

    private static PublishedRow row(String kind, String measure, String numerator, String denominator, String scale,
                                    String area, int year, String baseYear, String tg, String value, String status,
                                    String symbol, String reason, String margin, Map<String, AreaInfo> areas) {
        AreaInfo a = areas.get(area);
        return new PublishedRow(kind, measure, numerator, denominator, scale, area, a == null ? "" : a.name(),
                a == null ? "" : a.level(), a == null ? "" : a.parentCode(), year, baseYear, tg, value, status, symbol,
                reason, margin);
    }

    /** Suffixes of the measures of an indicator the catalog does not hold: its counts, named after it. */
    static final String NUMERATOR_PLACEHOLDER = ":numerator";
    static final String DENOMINATOR_PLACEHOLDER = ":denominator";

    static String numeratorOf(FrozenResults.IndicatorInfo ind, String id) {
        return ind == null ? id + NUMERATOR_PLACEHOLDER : delivered(ind) ? "" : canonical(ind.numerator());
    }

    static String denominatorOf(FrozenResults.IndicatorInfo ind, String id) {
        return ind == null ? id + DENOMINATOR_PLACEHOLDER : delivered(ind) ? "" : canonical(ind.denominator());
    }

    /**
     * The one spelling of a count's expression, so that the same measure has the same name in every
     * release. An expression that does not parse is an error, never used as written: two spellings of
     * one measure would split what the protection and the attacker must see as one count.
     */
    static String canonical(String expression) {
        try {
            return LinearExpression.parse(expression).toString();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the frozen catalog's expression '" + expression + "' does not parse: " + e.getMessage(), e);
        }
    }

    /** The indicator's own target group combined with the row's. */
    static String targetGroup(FrozenResults.IndicatorInfo ind, String rowGroup) {
        TargetGroup row = TargetGroup.parse(rowGroup);
        if (ind == null || ind.targetGroup() == null || ind.targetGroup().isBlank()) {
            return row.key();
        }
        Map<String, String> merged = new TreeMap<>(TargetGroup.parse(ind.targetGroup()).dimensions());
        merged.putAll(row.dimensions());
        return TargetGroup.of(merged).key();
    }

    private static String rateKey(String id, String area, int year, String tg) {
        return id + "|" + area + "|" + year + "|" + tg;
    }

    private static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }
}
