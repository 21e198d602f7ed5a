package de.sozialmonitor.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A measure (Maßnahme) the county takes in an area or a group of areas: what it is, who runs it,
 * when, with which money and programme, for whom, and which indicators it aims at. Measures are
 * not personal data; they are shown beside the figures of a release, never mixed into them.
 *
 * @param key          the stable identifier of the county's list ("M-2021-04"): a list imported again
 *                     updates the measure with the same key
 * @param budget       euros, or null if not stated
 * @param shownPublic  false keeps a measure to staff (planned, not yet decided)
 * @param areaCodes    area codes of the areas file, at least one (kept sorted)
 * @param indicatorIds indicator ids of the catalog it aims at, may be empty (kept sorted)
 */
public record Measure(String key, String title, String fieldOfAction, String office, LocalDate start, LocalDate end,
                      BigDecimal budget, String funding, String targetGroup, String description, boolean shownPublic,
                      List<String> areaCodes, List<String> indicatorIds) {
    public static final int MAX_KEY = 100;
    public static final int MAX_TITLE = 400;
    public static final int MAX_FIELD = 200;
    public static final int MAX_TEXT = 400;
    public static final int MAX_DESCRIPTION = 4000;

    public Measure {
        key = trim(key);
        title = trim(title);
        fieldOfAction = trim(fieldOfAction);
        office = blankToNull(office);
        funding = blankToNull(funding);
        targetGroup = blankToNull(targetGroup);
        description = blankToNull(description);
        // cents, as stored: the same amount read back equals the one written
        budget = budget == null ? null : budget.setScale(2, java.math.RoundingMode.HALF_UP);
        // sorted: a measure is the same whatever order its list or form named areas and indicators in
        areaCodes = Objects.requireNonNullElse(areaCodes, List.<String>of()).stream().map(String::strip).sorted().toList();
        indicatorIds = Objects.requireNonNullElse(indicatorIds, List.<String>of()).stream().map(String::strip).sorted().toList();
    }

    /** One thing wrong with a measure: the field and a stable code ({@code missing}, {@code too_long}, …). */
    public record Problem(String field, String code, String value) {
    }

    /**
     * Everything wrong with this measure against the known area codes and indicator ids, in field
     * order; empty if it may be stored.
     */
    public List<Problem> problems(Set<String> knownAreas, Set<String> knownIndicators) {
        List<Problem> out = new ArrayList<>();
        required(out, "key", key, MAX_KEY);
        required(out, "title", title, MAX_TITLE);
        required(out, "field_of_action", fieldOfAction, MAX_FIELD);
        optional(out, "office", office, MAX_FIELD);
        if (start == null) {
            out.add(new Problem("start", "missing", ""));
        }
        if (start != null && end != null && end.isBefore(start)) {
            out.add(new Problem("end", "before_start", end.toString()));
        }
        if (budget != null && budget.signum() < 0) {
            out.add(new Problem("budget", "negative", budget.toPlainString()));
        }
        optional(out, "funding", funding, MAX_TEXT);
        optional(out, "target_group", targetGroup, MAX_TEXT);
        optional(out, "description", description, MAX_DESCRIPTION);
        if (areaCodes.isEmpty()) {
            out.add(new Problem("areas", "missing", ""));
        }
        for (String a : areaCodes) {
            if (!knownAreas.contains(a)) {
                out.add(new Problem("areas", "unknown_area", a));
            }
        }
        if (areaCodes.stream().distinct().count() < areaCodes.size()) {
            out.add(new Problem("areas", "duplicate", String.join(", ", areaCodes)));
        }
        for (String i : indicatorIds) {
            if (!knownIndicators.contains(i)) {
                out.add(new Problem("indicators", "unknown_indicator", i));
            }
        }
        return out;
    }

    /** True while the measure runs on {@code day}. */
    public boolean runsOn(LocalDate day) {
        return start != null && !day.isBefore(start) && (end == null || !day.isAfter(end));
    }

    private static void required(List<Problem> out, String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            out.add(new Problem(field, "missing", ""));
        } else if (value.length() > max) {
            out.add(new Problem(field, "too_long", value.substring(0, 40) + "…"));
        }
    }

    private static void optional(List<Problem> out, String field, String value, int max) {
        if (value != null && value.length() > max) {
            out.add(new Problem(field, "too_long", value.substring(0, 40) + "…"));
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
