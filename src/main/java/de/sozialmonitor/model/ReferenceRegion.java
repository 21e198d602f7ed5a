package de.sozialmonitor.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A region outside the small-area territory whose official figures are shown beside the county's:
 * Germany, a Land, a Regierungsbezirk, another county, a municipality elsewhere; also the county
 * itself, whose official figure may differ from the sum of its small areas. Identified by the
 * official regional code (Regionalschlüssel/AGS; {@code DG} for Germany, as GENESIS writes it).
 */
public record ReferenceRegion(String code, String name, Kind kind) {
    private static final Pattern OFFICIAL = Pattern.compile("DG|[0-9]{2,3}|[0-9]{5}|[0-9]{8,9}|[0-9]{12}");

    /** What kind of region a code names, by its length. */
    public enum Kind {
        GERMANY, LAND, DISTRICT, COUNTY, MUNICIPALITY, OTHER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind ofCode(String code) {
            for (Kind k : values()) {
                if (k.code().equals(code)) {
                    return k;
                }
            }
            return OTHER;
        }
    }

    /**
     * The code as stored: trimmed, {@code DE}, {@code D}, {@code 0} and {@code 00} read as {@code DG}
     * (Germany, as the public tables variously write it); null if it is no official code (2 digits a
     * Land, 3 a Regierungsbezirk, 5 a county, 8 or 9 a municipality or Gemeindeverband, 12 an ARS).
     */
    public static String normalizeCode(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        if (c.equals("DE") || c.equals("D") || c.equals("0") || c.equals("00")) {
            c = "DG";
        }
        return OFFICIAL.matcher(c).matches() ? c : null;
    }

    /** The kind of region an official code names: 2 digits a Land, 3 a Regierungsbezirk, 5 a county, 8 or more a municipality. */
    public static Kind kindOf(String code) {
        if ("DG".equals(code)) {
            return Kind.GERMANY;
        }
        return switch (code.length()) {
            case 2 -> Kind.LAND;
            case 3 -> Kind.DISTRICT;
            case 5 -> Kind.COUNTY;
            case 8, 9, 12 -> Kind.MUNICIPALITY;
            default -> Kind.OTHER;
        };
    }

    /** The code of the Land a region lies in (its first two digits), or null for Germany. */
    public static String landOf(String code) {
        return code == null || code.length() < 2 || "DG".equals(code) ? null : code.substring(0, 2);
    }
}
