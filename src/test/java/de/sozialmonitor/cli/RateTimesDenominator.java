package de.sozialmonitor.cli;

import de.sozialmonitor.privacy.PublicRecord;
import de.sozialmonitor.privacy.PublishedRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attack, written independently of {@code privacy.DisclosureAudit}: for every rate any
 * release publishes, its numerator is {@code rate × denominator / scale} (± half a unit of the last
 * digit), with the denominator taken from any release that publishes it; the same backwards for a
 * withheld denominator. Returns the withheld counts this confines to fewer than {@code width}
 * possible values (as text).
 */
final class RateTimesDenominator {
    private RateTimesDenominator() {
    }

    static List<String> narrowed(PublicRecord record, int width) {
        Map<String, Double> shown = new HashMap<>();
        Set<String> withheld = new HashSet<>();
        for (PublicRecord.Release r : record.releases()) {
            for (PublishedRow row : r.rows()) {
                if (!row.kind().equals(PublishedRow.COUNT)) {
                    continue;
                }
                String key = row.measure() + "|" + row.areaCode() + "|" + row.year() + "|" + row.targetGroup();
                if (row.isPublished()) {
                    shown.put(key, Double.parseDouble(row.value()));
                } else if (row.status().equals(PublishedRow.SUPPRESSED)) {
                    withheld.add(key);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (PublicRecord.Release r : record.releases()) {
            for (PublishedRow row : r.rows()) {
                if (!row.kind().equals(PublishedRow.RATE) || !row.isPublished() || row.scale().isEmpty()) {
                    continue;
                }
                String tail = "|" + row.areaCode() + "|" + row.year() + "|" + row.targetGroup();
                String num = row.numerator() + tail;
                String den = row.denominator() + tail;
                BigDecimal value = new BigDecimal(row.value());
                double half = 0.5 * Math.pow(10, -value.scale());
                double rate = value.doubleValue();
                double scale = Double.parseDouble(row.scale());
                if (withheld.contains(num) && !shown.containsKey(num) && shown.containsKey(den)) {
                    double d = shown.get(den);
                    long values = count(Math.ceil((rate - half) * d / scale - 1e-9), Math.floor((rate + half) * d / scale + 1e-9));
                    if (values < width + 1) {
                        out.add(num + " from release " + r.number() + ": " + values + " possible values");
                    }
                }
                if (withheld.contains(den) && !shown.containsKey(den) && shown.containsKey(num) && rate - half > 0) {
                    double n = shown.get(num);
                    long values = count(Math.ceil(n * scale / (rate + half) - 1e-9), Math.floor(n * scale / (rate - half) + 1e-9));
                    if (values < width + 1) {
                        out.add(den + " from release " + r.number() + ": " + values + " possible values");
                    }
                }
            }
        }
        return out;
    }

    private static long count(double lo, double hi) {
        return hi < lo ? 0 : (long) (hi - lo) + 1;
    }
}
