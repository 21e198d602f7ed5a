package de.sozialmonitor.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of the Berlin demo: Berlin's Monitoring Soziale Stadtentwicklung (MSS), reports 2013,
 * 2015, 2017 and 2019, on the planning areas (LOR Planungsräume) they use. Nothing here is
 * generated: the files ship unchanged in {@code src/main/resources/demo/berlin/} (README.md there).
 */
public final class BerlinTerritory {
    public static final String CODE = "11000000";
    public static final String NAME = "Berlin";
    public static final String DEFAULT_DIR = "sozialmonitor-demo-berlin";

    /** The levels of the LOR, top down; the 8-digit code of a Planungsraum holds the first four, two digits each. */
    public static final String LEVEL_LAND = "Land";
    public static final String LEVEL_BEZIRK = "Bezirk";
    public static final String LEVEL_PROGNOSERAUM = "Prognoseraum";
    public static final String LEVEL_BEZIRKSREGION = "Bezirksregion";
    public static final String LEVEL_PLANUNGSRAUM = "Planungsraum";

    /** The twelve Bezirke by their two-digit code. */
    public static final Map<String, String> BEZIRKE = bezirke();

    /** A report of the MSS: its year, and the data year it describes (31 December of the year before). */
    public record Report(int year) {
        public int dataYear() {
            return year - 1;
        }

        public String file() {
            return "mss_" + year + "_plr.csv";
        }

        /** The mapping that reads the report's table ({@code sources/mss-YYYY.yaml}). */
        public String mapping() {
            return "mss-" + year;
        }

        public String title() {
            return "Monitoring Soziale Stadtentwicklung " + year + " (Daten vom 31.12." + dataYear() + ")";
        }
    }

    public static final List<Report> REPORTS = List.of(new Report(2013), new Report(2015), new Report(2017), new Report(2019));

    /** The planning areas' boundaries as delivered, and their mapping. */
    public static final String GEOMETRY_FILE = "plr_2019.geojson";
    /** The area register above the planning areas, written by the demo from the codes. */
    public static final String HIERARCHY_FILE = "lor-gebiete.csv";
    /** The boundaries of Berlin, Bezirke, Prognoseräume and Bezirksregionen: the union of their planning areas. */
    public static final String UNITED_GEOMETRY_FILE = "lor-gebiete.geojson";

    /** Source and licence of the figures (the reports), as the pages, exports and reports name them. */
    public static final String DATA_SOURCE = "Senatsverwaltung für Stadtentwicklung Berlin, Monitoring Soziale Stadtentwicklung (MSS) "
            + "2013–2019; Werte aufbereitet von open-lifeworlds-data-product-berlin-lor-monitoring-social-urban-development (CC BY 4.0)";
    /** Source and licence of the planning areas' boundaries. */
    public static final String GEOMETRY_SOURCE = "Geoportal Berlin / Lebensweltlich orientierte Räume (dl-de/by-2-0), "
            + "aufbereitet von open-data-product-berlin-lor-geodata (CC BY 4.0)";

    private BerlinTerritory() {
    }

    /** The name of an area above the planning areas: the Bezirk's, or the level and code where no name is published. */
    static String name(String code) {
        return switch (code.length()) {
            case 2 -> BEZIRKE.getOrDefault(code, LEVEL_BEZIRK + " " + code);
            case 4 -> LEVEL_PROGNOSERAUM + " " + code;
            case 6 -> LEVEL_BEZIRKSREGION + " " + code;
            default -> throw new IllegalArgumentException("not a LOR code above the planning areas: " + code);
        };
    }

    static String level(String code) {
        return switch (code.length()) {
            case 2 -> LEVEL_BEZIRK;
            case 4 -> LEVEL_PROGNOSERAUM;
            case 6 -> LEVEL_BEZIRKSREGION;
            case 8 -> LEVEL_PLANUNGSRAUM;
            default -> throw new IllegalArgumentException("not a LOR code: " + code);
        };
    }

    private static Map<String, String> bezirke() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("01", "Mitte");
        m.put("02", "Friedrichshain-Kreuzberg");
        m.put("03", "Pankow");
        m.put("04", "Charlottenburg-Wilmersdorf");
        m.put("05", "Spandau");
        m.put("06", "Steglitz-Zehlendorf");
        m.put("07", "Tempelhof-Schöneberg");
        m.put("08", "Neukölln");
        m.put("09", "Treptow-Köpenick");
        m.put("10", "Marzahn-Hellersdorf");
        m.put("11", "Lichtenberg");
        m.put("12", "Reinickendorf");
        return java.util.Collections.unmodifiableMap(m);
    }
}
