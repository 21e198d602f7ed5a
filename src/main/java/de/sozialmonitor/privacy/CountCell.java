package de.sozialmonitor.privacy;

/**
 * One published count: a measure (a base variable or a sum/difference of variables, written as
 * in the catalog, e.g. {@code sgb2_u65} or {@code pop_total - pop_65plus}) for one area, year and
 * target group (canonical key, {@code ""} = total).
 */
public record CountCell(String measure, String areaCode, int year, String targetGroup) implements Comparable<CountCell> {
    public CountCell {
        targetGroup = targetGroup == null ? "" : targetGroup;
    }

    @Override
    public int compareTo(CountCell o) {
        int c = measure.compareTo(o.measure);
        if (c == 0) {
            c = Integer.compare(year, o.year);
        }
        if (c == 0) {
            c = areaCode.compareTo(o.areaCode);
        }
        return c != 0 ? c : targetGroup.compareTo(o.targetGroup);
    }

    @Override
    public String toString() {
        return measure + "@" + areaCode + "/" + year + (targetGroup.isEmpty() ? "" : "/" + targetGroup);
    }
}
