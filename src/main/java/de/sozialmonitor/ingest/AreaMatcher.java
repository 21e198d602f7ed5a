package de.sozialmonitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import de.sozialmonitor.store.AreaRepository;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a source's way of naming areas into area codes: AGS (8 digits, leading zeros restored),
 * ARS (12 digits, reduced to the AGS), local codes (with optional prefix), or names with spelling
 * variants (normalised, plus an explicit {@code map} for what normalising cannot guess).
 */
final class AreaMatcher {
    private final String kind;
    private final int pad;
    private final String prefix;
    private final Map<String, String> explicit = new HashMap<>();
    private final Set<String> ignore = new HashSet<>();
    private final Map<String, AreaRepository.KnownArea> known;
    private final Map<String, String> byName = new HashMap<>();

    AreaMatcher(JsonNode spec, Map<String, AreaRepository.KnownArea> known) {
        this.known = known;
        this.kind = spec.path("codes").asText("code");
        this.prefix = spec.path("prefix").asText("");
        this.pad = spec.path("pad").asInt(kind.equals("ags") ? 8 : kind.equals("ars") ? 12 : 0);
        SourceMapping.stringMap(spec.path("map")).forEach((k, v) -> explicit.put(normalizeName(k), v));
        spec.path("ignore").forEach(n -> ignore.add(normalizeName(n.asText())));
        Set<String> ambiguous = new HashSet<>();
        for (AreaRepository.KnownArea a : known.values()) {
            String n = normalizeName(a.name());
            if (byName.putIfAbsent(n, a.code()) != null) {
                ambiguous.add(n);
            }
        }
        ambiguous.forEach(byName::remove);
    }

    /** True for rows the mapping says to skip (totals such as "Landkreis insgesamt"). */
    boolean ignored(String raw) {
        return ignore.contains(normalizeName(raw));
    }

    /** The area code, or the raw text (which then fails validation as unknown, with its value shown). */
    String resolve(String raw) {
        String t = raw.trim();
        String mapped = explicit.get(normalizeName(t));
        if (mapped != null) {
            return mapped;
        }
        switch (kind) {
            case "name" -> {
                String code = byName.get(normalizeName(t));
                return code != null ? code : t;
            }
            case "ars" -> {
                String d = padded(t);
                if (d.length() == 12 && !known.containsKey(d)) {
                    String ags = d.substring(0, 5) + d.substring(9);
                    return ags;
                }
                return d;
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

    /** "Peine, Stadt" = "Stadt Peine" = "PEINE (Stadt)"; umlauts and ß spelled out, hyphens as spaces. */
    static String normalizeName(String s) {
        String t = s.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        t = java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        t = t.replaceAll("[(),./\\-]", " ");
        t = (" " + t + " ").replaceAll(" (stadt|gemeinde|flecken|samtgemeinde|st) ", " ");
        return t.replaceAll("\\s+", " ").trim();
    }
}
