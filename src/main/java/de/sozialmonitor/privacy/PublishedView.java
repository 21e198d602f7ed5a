package de.sozialmonitor.privacy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Look-ups into the protected rows of a published release, for web pages, the API and the report:
 * "may I show this rate, and with which text?". Anything public should take its numbers from
 * here (or from the rows directly), never from the result tables: only these values went through
 * secondary suppression and the attacker test.
 */
public final class PublishedView {
    private final Map<String, PublishedRow> rows = new HashMap<>();
    private final List<PublishedRow> all;

    public PublishedView(List<PublishedRow> rows) {
        this.all = List.copyOf(rows);
        for (PublishedRow r : rows) {
            this.rows.put(key(r.kind(), r.measure(), r.areaCode(), r.year(), r.targetGroup()), r);
        }
    }

    public List<PublishedRow> rows() {
        return all;
    }

    /** The row of a rate (indicator id), if the release has one; check {@link PublishedRow#isPublished()}. */
    public Optional<PublishedRow> rate(String indicatorId, String areaCode, int year, String targetGroup) {
        return row(PublishedRow.RATE, indicatorId, areaCode, year, targetGroup);
    }

    /** The row of a change of a rate between {@code year - dynamics_years} and {@code year}. */
    public Optional<PublishedRow> change(String indicatorId, String areaCode, int year, String targetGroup) {
        return row(PublishedRow.CHANGE, indicatorId, areaCode, year, targetGroup);
    }

    /** The row of a count (measure as in the catalog: {@code sgb2_u65}, {@code pop_total - pop_65plus}). */
    public Optional<PublishedRow> count(String measure, String areaCode, int year, String targetGroup) {
        return row(PublishedRow.COUNT, measure, areaCode, year, targetGroup);
    }

    /** An area result: {@code status_index}, {@code status_class}, {@code dynamics_index}, {@code dynamics_class}, {@code attention}, {@code excluded}. */
    public Optional<PublishedRow> areaResult(String measure, String areaCode, int year) {
        return row(PublishedRow.AREA_RESULT, measure, areaCode, year, "");
    }

    /** The published number, or empty if withheld, missing or not in the release. */
    public Optional<Double> rateValue(String indicatorId, String areaCode, int year, String targetGroup) {
        return rate(indicatorId, areaCode, year, targetGroup).filter(PublishedRow::isPublished).map(r -> Numbers.parse(r.value()));
    }

    /** What to print in a table cell: the value, or the official symbol (".", "x"). */
    public String display(String kind, String measure, String areaCode, int year, String targetGroup) {
        return row(kind, measure, areaCode, year, targetGroup)
                .map(r -> r.isPublished() ? r.value() : r.symbol())
                .orElse("x");
    }

    private Optional<PublishedRow> row(String kind, String measure, String area, int year, String tg) {
        return Optional.ofNullable(rows.get(key(kind, measure, area, year, tg == null ? "" : tg)));
    }

    private static String key(String kind, String measure, String area, int year, String tg) {
        return kind + "\u0000" + measure + "\u0000" + area + "\u0000" + year + "\u0000" + tg;
    }
}
