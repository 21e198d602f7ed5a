package de.sozialmonitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import de.sozialmonitor.store.AreaRepository.KnownArea;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a source's way of naming areas into area codes, one row at a time (docs/import.md, "How
 * rows find their area"):
 * <ol>
 *   <li>a known code first: AGS (8 digits, leading zeros restored), ARS (12 digits, reduced to the
 *   AGS), local codes (with optional prefix);</li>
 *   <li>the explicit {@code map} (source text to code);</li>
 *   <li>a name, normalised (spelling variants), among the areas of the row's level and parent where
 *   the mapping says what they are: a {@code level_column} or {@code parent_column}, a {@code levels}
 *   rule per row range or name pattern;</li>
 *   <li>a name that several areas share (a district total named like one of its parts) by the
 *   row's position: {@code totals: after} (a total row follows its parts) or {@code before}.</li>
 * </ol>
 * A name that stays ambiguous is one problem per row, listing the candidate areas. {@code ignore}
 * drops rows (by text, row range, name pattern or the level they resolve to) and never an area:
 * ignoring a text that is also an area's name is a mapping error.
 */
final class AreaMatcher {
    /** How a row's area text was resolved. */
    enum Kind { RESOLVED, IGNORED, AMBIGUOUS, NOT_AT_LEVEL, UNKNOWN }

    /** The outcome for one row: the code if resolved, else the candidates that were considered. */
    record Match(Kind kind, String text, String code, List<KnownArea> candidates, String level, String parent) {
        boolean resolved() {
            return kind == Kind.RESOLVED;
        }

        Match resolvedTo(KnownArea a) {
            return new Match(Kind.RESOLVED, text, a.code(), candidates, level, parent);
        }
    }

    /** A rule of the mapping: rows (a range of row numbers, or a glob on the area text) that lie on a level. */
    private record LevelRule(long[] rows, PathMatcher pattern, String level) {
        boolean applies(long row, String text) {
            return rows != null ? inRanges(rows, row) : pattern.matches(Path.of(globSafe(text)));
        }
    }

    private final String kind;
    private final int pad;
    private final String prefix;
    private final Map<String, String> explicit = new HashMap<>();
    private final Set<String> ignoreNames = new HashSet<>();
    private final List<long[]> ignoreRows = new ArrayList<>();
    private final List<PathMatcher> ignorePatterns = new ArrayList<>();
    private final Set<String> ignoreLevels = new HashSet<>();
    private final List<LevelRule> levelRules = new ArrayList<>();
    private final String totals;
    private final Map<String, KnownArea> known;
    private final Map<String, List<KnownArea>> byName = new HashMap<>();
    private final Set<String> parents = new HashSet<>();

    private final ImportTexts texts;

    AreaMatcher(JsonNode spec, Map<String, KnownArea> known, SourceMapping m, ImportTexts texts) {
        this.known = known;
        this.texts = texts;
        this.kind = spec.path("codes").asText("code");
        this.prefix = spec.path("prefix").asText("");
        this.pad = spec.path("pad").asInt(kind.equals("ags") ? 8 : kind.equals("ars") ? 12 : 0);
        for (KnownArea a : known.values()) {
            byName.computeIfAbsent(normalizeName(a.name()), k -> new ArrayList<>()).add(a);
            if (a.parentCode() != null) {
                parents.add(a.parentCode());
            }
        }
        byName.values().forEach(list -> list.sort(java.util.Comparator.comparing(KnownArea::code)));
        SourceMapping.stringMap(spec.path("map")).forEach((k, v) -> explicit.put(normalizeName(k), v));
        for (JsonNode n : spec.path("ignore")) {
            if (n.isTextual()) {
                String name = normalizeName(n.asText());
                List<KnownArea> areas = byName.get(name);
                if (areas != null && !explicit.containsKey(name)) {
                    throw m.fail("area", "mapping.ignore.areaName", n.asText(), describe(areas));
                }
                ignoreNames.add(name);
            } else if (n.has("rows")) {
                ignoreRows.add(ranges(n.get("rows").asText(), m));
            } else if (n.has("pattern")) {
                ignorePatterns.add(glob(n.get("pattern").asText()));
            } else if (n.has("level")) {
                ignoreLevels.add(levelKey(n.get("level").asText()));
            } else {
                throw m.fail("area", "mapping.ignore.entry");
            }
        }
        for (JsonNode r : spec.path("levels")) {
            String level = r.path("level").asText(null);
            if (level == null || (r.has("rows") == r.has("pattern"))) {
                throw m.fail("area", "mapping.levels.entry");
            }
            levelRules.add(r.has("rows") ? new LevelRule(ranges(r.get("rows").asText(), m), null, level)
                    : new LevelRule(null, glob(r.get("pattern").asText()), level));
        }
        this.totals = spec.path("totals").asText(null);
        if (totals != null && !totals.equals("after") && !totals.equals("before")) {
            throw m.fail("area", "mapping.totals");
        }
    }

    /**
     * Resolves one row. {@code levelCell} and {@code parentCell} are the row's cells of the level and
     * parent columns, or null where the mapping names none.
     */
    Match match(String raw, long row, String levelCell, String parentCell) {
        String t = raw == null ? "" : raw.trim();
        String norm = normalizeName(t);
        if (ignoreNames.contains(norm) || inRanges(ignoreRows, row) || ignorePatterns.stream().anyMatch(p -> p.matches(Path.of(globSafe(t))))) {
            return new Match(Kind.IGNORED, t, null, List.of(), null, null);
        }
        String level = levelCell != null && !levelCell.isBlank() ? levelCell.trim() : null;
        if (level == null) {
            for (LevelRule r : levelRules) {
                if (r.applies(row, t)) {
                    level = r.level();
                    break;
                }
            }
        }
        String parent = parentCell == null || parentCell.isBlank() ? null : parentCell.trim();
        return resolve(t, norm, level, parent);
    }

    /** Resolves a row that has no neighbours to go by (a register extract's row), with the level ignore applied. */
    Match matchAlone(String raw, long row) {
        List<Match> one = new ArrayList<>(List.of(match(raw, row, null, null)));
        resolveRows(one);
        return one.get(0);
    }

    /**
     * Decides what the single rows leave open, over all rows of a table in their order: names by
     * position ({@code totals:}), then drops the rows that resolve to an ignored level. Works on the
     * list in place.
     */
    void resolveRows(List<Match> rows) {
        resolveByPosition(rows);
        if (ignoreLevels.isEmpty()) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            Match mt = rows.get(i);
            KnownArea a = mt.resolved() ? known.get(mt.code()) : null;
            if (a != null && ignoreLevels.contains(levelKey(a.level()))) {
                rows.set(i, new Match(Kind.IGNORED, mt.text(), mt.code(), List.of(), mt.level(), mt.parent()));
            }
        }
    }

    private Match resolve(String t, String norm, String level, String parent) {
        String mapped = explicit.get(norm);
        if (mapped != null) {
            return new Match(Kind.RESOLVED, t, mapped, List.of(), level, parent);
        }
        String code = code(t);
        if (known.containsKey(code)) {
            return new Match(Kind.RESOLVED, t, code, List.of(), level, parent);
        }
        List<KnownArea> named = byName.getOrDefault(norm, List.of());
        if (named.isEmpty()) {
            // not a name either: reported with the code the row names, as before
            return new Match(Kind.UNKNOWN, t, kind.equals("name") ? t : code, List.of(), level, parent);
        }
        List<KnownArea> candidates = new ArrayList<>(named);
        if (level != null) {
            String lk = levelKey(level);
            candidates.removeIf(a -> !levelKey(a.level()).equals(lk));
        }
        if (parent != null) {
            Set<String> parentCodes = parentCodes(parent);
            candidates.removeIf(a -> a.parentCode() == null || !parentCodes.contains(a.parentCode()));
        }
        if (candidates.size() == 1) {
            return new Match(Kind.RESOLVED, t, candidates.get(0).code(), named, level, parent);
        }
        return new Match(candidates.isEmpty() ? Kind.NOT_AT_LEVEL : Kind.AMBIGUOUS, t, null,
                candidates.isEmpty() ? named : candidates, level, parent);
    }

    /** The codes a parent cell may mean: a known code, or the areas of that name. */
    private Set<String> parentCodes(String parent) {
        Set<String> codes = new HashSet<>();
        String c = code(parent);
        if (known.containsKey(c)) {
            codes.add(c);
        }
        byName.getOrDefault(normalizeName(parent), List.of()).forEach(a -> codes.add(a.code()));
        String mapped = explicit.get(normalizeName(parent));
        if (mapped != null) {
            codes.add(mapped);
        }
        return codes;
    }

    /**
     * Resolves by position what names alone leave ambiguous ({@code totals:}): with {@code after}, a
     * row is the total of candidate area T if the nearest resolved row above lies within T and the
     * nearest resolved row below does not (the group of T's parts ends with it); with {@code before}
     * the other way round. A row that is no total is the candidate that is not the parent of another
     * candidate, or else the one that shares its parent with a neighbour. Rows are decided from the
     * totals' side (bottom up for {@code after}), so that a part right next to its total sees the
     * total already decided. Works on the list in place.
     */
    private void resolveByPosition(List<Match> rows) {
        if (totals == null) {
            return;
        }
        boolean after = totals.equals("after");
        for (int k = 0; k < rows.size(); k++) {
            int i = after ? rows.size() - 1 - k : k;
            Match mt = rows.get(i);
            if (mt.kind() != Kind.AMBIGUOUS) {
                continue;
            }
            String above = neighbour(rows, i, -1);
            String below = neighbour(rows, i, +1);
            String inner = totals.equals("after") ? above : below;
            String outer = totals.equals("after") ? below : above;
            List<KnownArea> total = mt.candidates().stream()
                    .filter(c -> parents.contains(c.code()) && within(inner, c.code()) && !within(outer, c.code())).toList();
            if (total.size() == 1) {
                rows.set(i, mt.resolvedTo(total.get(0)));
                continue;
            }
            if (!total.isEmpty()) {
                continue;
            }
            List<KnownArea> parts = mt.candidates().stream()
                    .filter(c -> mt.candidates().stream().noneMatch(o -> within(o.code(), c.code()) && !o.code().equals(c.code())))
                    .toList();
            if (parts.size() > 1) {
                String pa = above == null ? null : known.get(above).parentCode();
                String pb = below == null ? null : known.get(below).parentCode();
                parts = parts.stream().filter(c -> c.parentCode() != null && (c.parentCode().equals(pa) || c.parentCode().equals(pb))).toList();
            }
            if (parts.size() == 1) {
                rows.set(i, mt.resolvedTo(parts.get(0)));
            }
        }
    }

    /** The code of the nearest resolved row above (step -1) or below (+1), or null. */
    private static String neighbour(List<Match> rows, int i, int step) {
        for (int j = i + step; j >= 0 && j < rows.size(); j += step) {
            if (rows.get(j).resolved()) {
                return rows.get(j).code();
            }
        }
        return null;
    }

    /** True if area {@code code} is {@code ancestor} or lies within it. */
    private boolean within(String code, String ancestor) {
        int guard = 0;
        for (String c = code; c != null && guard++ < 64; ) {
            if (c.equals(ancestor)) {
                return true;
            }
            KnownArea a = known.get(c);
            c = a == null ? null : a.parentCode();
        }
        return false;
    }

    /** Reports an unresolved row once: an unknown code or name, a name not on the row's level, or the candidates of an ambiguous name. */
    void report(LoadContext ctx, String sheet, long row, String column, Match mt) {
        switch (mt.kind()) {
            case UNKNOWN -> ctx.error("unknown_area", sheet, row, column, mt.code(),
                    mt.text().isEmpty() ? "area.empty" : kind.equals("name") ? "area.unknownName" : "area.unknown");
            case NOT_AT_LEVEL -> ctx.error("unknown_area", sheet, row, column, mt.text(), "area.notThere",
                    mt.level() != null ? mt.level() : "", mt.parent() != null ? mt.parent() : "", describe(mt.candidates()));
            case AMBIGUOUS -> ctx.error("ambiguous_area", sheet, row, column, mt.text(), "area.ambiguous",
                    mt.candidates().size(), describe(mt.candidates()));
            default -> throw new IllegalStateException("resolved rows are not problems");
        }
    }

    /** "Eimsbüttel (Stadtteil, 02001, in Eimsbüttel), Eimsbüttel (Bezirk, 02, in Hamburg)". */
    private String describe(List<KnownArea> areas) {
        List<String> parts = new ArrayList<>();
        for (KnownArea a : areas) {
            KnownArea p = a.parentCode() == null ? null : known.get(a.parentCode());
            parts.add(a.name() + " (" + a.level() + ", " + a.code() + (p == null ? "" : ", " + texts.get("area.in", p.name())) + ")");
        }
        return String.join("; ", new LinkedHashSet<>(parts));
    }

    /** The code the text names, by the mapping's kind of codes (not yet checked against the known areas). */
    private String code(String t) {
        switch (kind) {
            case "ars" -> {
                String d = padded(t);
                if (d.length() == 12 && !known.containsKey(d)) {
                    return d.substring(0, 5) + d.substring(9);
                }
                return d;
            }
            case "name" -> {
                return t;
            }
            default -> {
                return prefix + padded(t);
            }
        }
    }

    private String padded(String t) {
        String s = t.replaceAll("\\s", "");
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2); // a code typed as a number in a workbook
        }
        if (pad > 0 && s.matches("[0-9]+") && s.length() < pad) {
            s = "0".repeat(pad - s.length()) + s;
        }
        return s;
    }

    private static String levelKey(String level) {
        return level == null ? "" : CsvTable.normalize(level);
    }

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + globSafe(pattern).toLowerCase(Locale.GERMAN));
    }

    /** Area texts as glob input: lower case, no path separators. */
    private static String globSafe(String text) {
        String t = text.toLowerCase(Locale.GERMAN).replace('/', '_').replace('\\', '_');
        return t.isEmpty() ? "_" : t;
    }

    /** "5-40, 52, 60-61" as pairs of inclusive bounds. */
    private static long[] ranges(String spec, SourceMapping m) {
        List<Long> bounds = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            String[] ab = p.split("-");
            try {
                long a = Long.parseLong(ab[0].trim());
                long b = ab.length > 1 ? Long.parseLong(ab[1].trim()) : a;
                if (ab.length > 2 || b < a || a < 1) {
                    throw new NumberFormatException(p);
                }
                bounds.add(a);
                bounds.add(b);
            } catch (NumberFormatException e) {
                throw m.fail("area", "mapping.rows", spec);
            }
        }
        return bounds.stream().mapToLong(Long::longValue).toArray();
    }

    private static boolean inRanges(long[] ranges, long row) {
        for (int i = 0; i + 1 < ranges.length; i += 2) {
            if (row >= ranges[i] && row <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRanges(List<long[]> ranges, long row) {
        for (long[] r : ranges) {
            if (inRanges(r, row)) {
                return true;
            }
        }
        return false;
    }

    /** "Peine, Stadt" = "Stadt Peine" = "PEINE (Stadt)"; umlauts and ß spelled out, hyphens as spaces. */
    static String normalizeName(String s) {
        String t = s.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        t = java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        t = t.replaceAll("[(),./\\-]", " ");
        t = (" " + t + " ").replaceAll(" (stadt|gemeinde|flecken|samtgemeinde|st) ", " ");
        return t.replaceAll("\\s+", " ").trim();
    }
}
