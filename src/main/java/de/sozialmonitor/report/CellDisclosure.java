package de.sozialmonitor.report;

import de.sozialmonitor.model.PrivacyConfig;
import de.sozialmonitor.report.ReportModel.Cell;

/**
 * Decides, cell by cell, whether a figure may be printed. The public variant applies the primary
 * suppression rules of {@code privacy} in {@code sozialmonitor.yaml}: a count below the minimum is
 * withheld, and so is a rate whose numerator is such a count or whose area has fewer inhabitants
 * than {@code min_population_for_rates}. A count of exactly 0 is not a risk and is shown.
 *
 * <p>Secondary suppression (cells withheld so that margins do not reveal primary ones) is the
 * privacy part's job and comes with the release; until its per-cell status is available here, the
 * report applies only these primary rules (see docs/report.md).
 */
public interface CellDisclosure {
    /**
     * An index value of an area, or null where the release withholds it (an index over a withheld
     * rate would let a reader solve back that rate; classes stay published).
     */
    default Double index(String measure, String areaCode, int year, Double value) {
        return value;
    }


    /** Which figure: a rate of an indicator or its change, for an area, year and target group. */
    record Key(String kind, String indicatorId, String areaCode, int year, String targetGroup) {
        public static final String RATE = "rate";
        public static final String CHANGE = "change";
    }

    /** A rate or share with the counts it was formed from (either may be null if unknown). */
    Cell rate(Key key, Double value, Double numerator, Double denominator, Double areaPopulation);

    /** A count such as the population. */
    Cell count(String areaCode, int year, Double value);

    /** Everything computed is printed: for internal reports only. */
    static CellDisclosure internal() {
        return new CellDisclosure() {
            @Override
            public Cell rate(Key key, Double value, Double numerator, Double denominator, Double areaPopulation) {
                return Cell.of(value);
            }

            @Override
            public Cell count(String areaCode, int year, Double value) {
                return Cell.of(value);
            }
        };
    }

    /**
     * The release's own protected rows (privacy part: primary and secondary suppression, checked by
     * the attacker test). A figure the release publishes is printed; one it withholds gets the
     * release's symbol. Figures the release has no row for fall back to {@code fallback}.
     */
    static CellDisclosure protectedRows(java.util.List<de.sozialmonitor.privacy.PublishedRow> rows, String populationMeasure,
                                        CellDisclosure fallback) {
        java.util.Map<String, de.sozialmonitor.privacy.PublishedRow> byKey = new java.util.HashMap<>();
        for (de.sozialmonitor.privacy.PublishedRow r : rows) {
            byKey.put(r.kind() + '|' + r.measure() + '|' + r.areaCode() + '|' + r.year() + '|' + r.targetGroup(), r);
        }
        return new CellDisclosure() {
            @Override
            public Cell rate(Key key, Double value, Double numerator, Double denominator, Double areaPopulation) {
                de.sozialmonitor.privacy.PublishedRow r = byKey.get(key.kind() + '|' + key.indicatorId() + '|' + key.areaCode()
                        + '|' + key.year() + '|' + (key.targetGroup() == null ? "" : key.targetGroup()));
                return r == null ? fallback.rate(key, value, numerator, denominator, areaPopulation) : cellOf(r, value);
            }

            @Override
            public Cell count(String areaCode, int year, Double value) {
                de.sozialmonitor.privacy.PublishedRow r = byKey.get("count|" + populationMeasure + '|' + areaCode + '|' + year + '|');
                return r == null ? fallback.count(areaCode, year, value) : cellOf(r, value);
            }

            @Override
            public Double index(String measure, String areaCode, int year, Double value) {
                de.sozialmonitor.privacy.PublishedRow r = byKey.get(de.sozialmonitor.privacy.PublishedRow.AREA_RESULT + '|' + measure
                        + '|' + areaCode + '|' + year + '|');
                return r == null || r.isPublished() ? fallback.index(measure, areaCode, year, value) : null;
            }
        };
    }

    private static Cell cellOf(de.sozialmonitor.privacy.PublishedRow r, Double value) {
        if (r.isPublished()) {
            return Cell.of(value);
        }
        if (de.sozialmonitor.privacy.PublishedRow.NOT_AVAILABLE.equals(r.reason())) {
            return Cell.missing();
        }
        return "x".equals(r.symbol()) ? Cell.notApplicable() : Cell.suppressed();
    }

    /** The primary rules of the workspace's privacy configuration. */
    static CellDisclosure primary(PrivacyConfig privacy) {
        return new CellDisclosure() {
            @Override
            public Cell rate(Key key, Double value, Double numerator, Double denominator, Double areaPopulation) {
                if (value == null || value.isNaN()) {
                    return Cell.missing();
                }
                if (isSmall(numerator) || isSmall(denominator)) {
                    return Cell.suppressed();
                }
                if (areaPopulation != null && areaPopulation < privacy.minPopulationForRates()) {
                    return Cell.suppressed();
                }
                return Cell.of(value);
            }

            @Override
            public Cell count(String areaCode, int year, Double value) {
                return isSmall(value) ? Cell.suppressed() : Cell.of(value);
            }

            private boolean isSmall(Double count) {
                return count != null && count > 0 && count < privacy.minCount();
            }
        };
    }
}
