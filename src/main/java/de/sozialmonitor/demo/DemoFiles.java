package de.sozialmonitor.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.sozialmonitor.demo.DemoGeography.DemoArea;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.BoundaryChange;
import de.sozialmonitor.model.Observation;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the demo's data files in the public formats: the areas file, the area geometries, the
 * boundary-change table and one canonical long CSV per source. Same seed, same bytes.
 */
public final class DemoFiles {
    public static final String AREAS_CSV = "areas.csv";
    public static final String AREAS_GEOJSON = "areas.geojson";
    public static final String BOUNDARY_CHANGES_CSV = "boundary_changes.csv";
    public static final String README = "README.md";
    public static final String SYNTHETIC_NOTE_DE = "Synthetische Demodaten: alle Zahlen sind erfunden (Generator mit festem Startwert), "
            + "nur die Gemeindegrenzen und -namen sind echt; die Ortsteilgrenzen sind generiert.";
    public static final String SYNTHETIC_NOTE_EN = "Synthetic demo data: every figure is invented (seeded generator); only the municipal "
            + "boundaries and names are real; locality boundaries are generated.";

    /** What was written, in the order it must be imported (areas first, then changes, then counts). */
    public record Written(Path areasCsv, Path areasGeoJson, Path boundaryChangesCsv, Map<DemoSource, Path> sources, Path readme) {
        public List<Path> all() {
            List<Path> all = new ArrayList<>(List.of(areasCsv, areasGeoJson, boundaryChangesCsv));
            all.addAll(sources.values());
            all.add(readme);
            return all;
        }
    }

    private DemoFiles() {
    }

    public static Written write(Path dataDir, long seed) {
        DemoGeography geography = DemoGeography.generate(seed);
        List<Observation> observations = SyntheticCounts.generate(geography, seed);
        return write(dataDir, seed, geography, observations);
    }

    static Written write(Path dataDir, long seed, DemoGeography geography, List<Observation> observations) {
        try {
            Files.createDirectories(dataDir);
            Path areasCsv = dataDir.resolve(AREAS_CSV);
            writeAreasCsv(areasCsv, geography.areas());
            Path geojson = dataDir.resolve(AREAS_GEOJSON);
            writeGeoJson(geojson, geography.areas(), seed);
            Path changes = dataDir.resolve(BOUNDARY_CHANGES_CSV);
            writeBoundaryChanges(changes, geography.boundaryChanges());
            Map<DemoSource, Path> sources = new EnumMap<>(DemoSource.class);
            for (DemoSource source : DemoSource.values()) {
                Path file = dataDir.resolve(source.fileName());
                writeObservations(file, observations.stream()
                        .filter(o -> source.variables().contains(o.variable())).toList());
                sources.put(source, file);
            }
            Path readme = dataDir.resolve(README);
            Files.writeString(readme, readme(seed), StandardCharsets.UTF_8);
            return new Written(areasCsv, geojson, changes, sources, readme);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo data in " + dataDir, e);
        }
    }

    private static CsvWriter csv(Path file) throws IOException {
        return CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8);
    }

    static void writeAreasCsv(Path file, List<DemoArea> areas) throws IOException {
        try (CsvWriter w = csv(file)) {
            w.writeRecord("code", "name", "level", "parent", "valid_from", "valid_to");
            for (DemoArea a : areas) {
                Area area = a.area();
                w.writeRecord(area.code(), area.name(), area.level(), nullToEmpty(area.parentCode()),
                        date(area.validFrom()), date(area.validTo()));
            }
        }
    }

    static void writeBoundaryChanges(Path file, List<BoundaryChange> changes) throws IOException {
        try (CsvWriter w = csv(file)) {
            w.writeRecord("predecessor", "successor", "weight", "date");
            for (BoundaryChange c : changes) {
                w.writeRecord(c.predecessorCode(), c.successorCode(), number(c.weight()), c.changeDate().toString());
            }
        }
    }

    static void writeObservations(Path file, List<Observation> observations) throws IOException {
        try (CsvWriter w = csv(file)) {
            w.writeRecord("area_code", "year", "variable", "value", "target_group");
            for (Observation o : observations) {
                w.writeRecord(o.areaCode(), Integer.toString(o.year()), o.variable(), number(o.value()), o.targetGroup().key());
            }
        }
    }

    static void writeGeoJson(Path file, List<DemoArea> areas, long seed) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("type", "FeatureCollection");
        // foreign members (RFC 7946, 6.1): the licence travels with the geometry
        root.put("attribution", PeineTerritory.ATTRIBUTION);
        root.put("license", PeineTerritory.LICENCE);
        root.put("synthetic", true);
        root.put("note", SYNTHETIC_NOTE_DE);
        root.put("note_en", SYNTHETIC_NOTE_EN);
        root.put("seed", seed);
        ArrayNode features = root.putArray("features");
        for (DemoArea a : areas) {
            Area area = a.area();
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            ObjectNode props = feature.putObject("properties");
            props.put("code", area.code());
            props.put("name", area.name());
            props.put("level", area.level());
            if (area.parentCode() == null) {
                props.putNull("parent");
            } else {
                props.put("parent", area.parentCode());
            }
            props.put("valid_from", date(area.validFrom()));
            props.put("valid_to", date(area.validTo()));
            boolean generated = area.level().equals(PeineTerritory.LEVEL_LOCALITY)
                    || area.code().equals(PeineTerritory.LAHSTEDT)
                    || (area.code().equals(PeineTerritory.ILSEDE) && area.validTo() != null);
            props.put("geometry_source", generated
                    ? "generiert (Voronoi-Zerlegung der Gemeindefläche), nicht amtlich; Gemeindegrenze " + PeineTerritory.ATTRIBUTION
                    : "BKG VG5000, " + PeineTerritory.ATTRIBUTION);
            feature.set("geometry", GeoJsonGeometry.write(a.geometry()));
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Json.MAPPER.writeValue(w, root);
        }
    }

    private static String readme(long seed) {
        return """
                # Demodaten Landkreis Peine — SYNTHETISCH

                %s

                - `areas.csv`, `areas.geojson`: Landkreis (03157), die sieben Gemeinden mit echten Namen und AGS
                  (Grenzen: BKG VG5000, %s, %s) und ihre Ortsteile. Die Ortsteilnamen sind
                  plausibel, aber nicht amtlich geprüft; die Ortsteilgrenzen sind eine generierte
                  Voronoi-Zerlegung der Gemeindefläche. Die Ortsteil-Schlüssel (AGS + 3 Ziffern) und der
                  Schlüssel 03157004 für Lahstedt sind frei gewählt.
                - `boundary_changes.csv`: Eingliederung von Lahstedt in Ilsede zum 01.01.2015 (Gewicht 1).
                - %s: Zählwerte %d–%d im kanonischen Langformat
                  (`area_code;year;variable;value;target_group`), je eine Datei pro Datenquelle.

                Startwert (seed): %d. `sozialmonitor demo --seed N` erzeugt andere, ebenso synthetische Zahlen.

                # Demo data for Landkreis Peine — SYNTHETIC

                %s
                """.formatted(SYNTHETIC_NOTE_DE, PeineTerritory.ATTRIBUTION, PeineTerritory.LICENCE,
                String.join(", ", java.util.Arrays.stream(DemoSource.values()).map(s -> "`" + s.fileName() + "`").toList()),
                PeineTerritory.FIRST_YEAR, PeineTerritory.LAST_YEAR, seed, SYNTHETIC_NOTE_EN);
    }

    private static String date(LocalDate d) {
        return d == null || d.equals(Area.BEGINNING) ? "" : d.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Counts as plain integers, other numbers in shortest plain form; never locale-dependent. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
