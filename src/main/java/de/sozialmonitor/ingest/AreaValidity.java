package de.sozialmonitor.ingest;

import de.sozialmonitor.store.AreaRepository;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether an area code existed in an observation's year, over all its versions
 * ({@code valid_from}/{@code valid_to}). A figure is about the 31 December of its year (the
 * reference date the method uses, {@code Area.validInYear}):
 * <ul>
 *   <li>{@link Verdict#VALID}: a version is valid on 31 December;</li>
 *   <li>{@link Verdict#PART_OF_YEAR}: no version is valid on 31 December, but one covers part of the
 *       year (Lahstedt in 2015, merged on 1 November): a figure for an earlier reference date or an
 *       annual average can be right, so this is a warning;</li>
 *   <li>{@link Verdict#NOT_IN_YEAR}: no version touches the year at all (Lahstedt in 2018, or an area
 *       before it was created): the figure belongs to an area that did not exist, an error.</li>
 * </ul>
 * Codes whose versions cover every year (the common case) are answered without any date work.
 */
final class AreaValidity {
    enum Verdict { VALID, PART_OF_YEAR, NOT_IN_YEAR }

    /** Per code: [from, to) as epoch days, pairwise; absent = always valid. */
    private final Map<String, long[]> limited = new HashMap<>();

    AreaValidity(List<AreaRepository.Validity> versions) {
        Map<String, java.util.List<AreaRepository.Validity>> byCode = new HashMap<>();
        for (AreaRepository.Validity v : versions) {
            byCode.computeIfAbsent(v.code(), k -> new java.util.ArrayList<>()).add(v);
        }
        byCode.forEach((code, list) -> {
            boolean always = list.stream().anyMatch(v -> !v.validFrom().isAfter(de.sozialmonitor.model.Area.BEGINNING) && v.validTo() == null);
            if (!always) {
                long[] spans = new long[list.size() * 2];
                for (int i = 0; i < list.size(); i++) {
                    spans[2 * i] = list.get(i).validFrom().toEpochDay();
                    spans[2 * i + 1] = list.get(i).validTo() == null ? Long.MAX_VALUE : list.get(i).validTo().toEpochDay();
                }
                limited.put(code, spans);
            }
        });
    }

    /** True if some year is outside every version of the code (then {@link #of} can be other than VALID). */
    boolean limited(String code) {
        return limited.containsKey(code);
    }

    /** The verdict for a figure of {@code code} in {@code year}; unknown codes are VALID (reported elsewhere). */
    Verdict of(String code, int year) {
        long[] spans = limited.isEmpty() ? null : limited.get(code);
        if (spans == null) {
            return Verdict.VALID;
        }
        long first = LocalDate.of(year, 1, 1).toEpochDay();
        long last = LocalDate.of(year, 12, 31).toEpochDay();
        boolean touches = false;
        for (int i = 0; i < spans.length; i += 2) {
            if (spans[i] <= last && spans[i + 1] > last) {
                return Verdict.VALID;
            }
            if (spans[i] <= last && spans[i + 1] > first) {
                touches = true;
            }
        }
        return touches ? Verdict.PART_OF_YEAR : Verdict.NOT_IN_YEAR;
    }

    /** The versions of a code as text for messages: "1900-01-01 – 2015-11-01". */
    String describe(String code) {
        long[] spans = limited.get(code);
        if (spans == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < spans.length; i += 2) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(LocalDate.ofEpochDay(spans[i])).append(" – ")
                    .append(spans[i + 1] == Long.MAX_VALUE ? "" : LocalDate.ofEpochDay(spans[i + 1]).toString());
        }
        return sb.toString();
    }
}
