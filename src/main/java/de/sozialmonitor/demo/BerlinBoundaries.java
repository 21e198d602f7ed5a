package de.sozialmonitor.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.store.AreaRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;

/**
 * The boundaries of Berlin, its Bezirke, Prognoseräume and Bezirksregionen, which no file of the
 * demo delivers: each is the union of its planning areas as imported (after the mapping's
 * decisions), so the maps of every level fit the planning areas exactly. Written as a GeoJSON file
 * that the normal import attaches to the areas of {@code lor-gebiete.csv}.
 */
final class BerlinBoundaries {
    /**
     * The planning areas' coordinates lie on a grid of 10^-6 degrees; the union snaps to it, so shared
     * edges meet and no slivers are left between neighbours (checked: the Bezirke come out as single
     * polygons without holes).
     */
    private static final PrecisionModel GRID = new PrecisionModel(1e6);
    private BerlinBoundaries() {
    }

    /** Writes the united boundaries of the planning areas stored in the workspace database into {@code file}. */
    static Path write(Jdbi jdbi, Path file) throws IOException {
        Map<String, String> plr = AreaRepository.geometriesValidOn(jdbi, BerlinTerritory.LEVEL_PLANUNGSRAUM, LocalDate.of(2018, 12, 31));
        GeometryFactory factory = new GeometryFactory();
        Map<String, Geometry> level = new TreeMap<>();
        for (var e : plr.entrySet()) {
            level.put(e.getKey(), GeoJsonGeometry.read(Json.MAPPER.readTree(e.getValue()), factory));
        }
        // level by level, each from the one below (Bezirksregion, Prognoseraum, Bezirk, Berlin): far less work than each from its planning areas
        Map<String, Geometry> united = new TreeMap<>();
        for (int digits : new int[] {6, 4, 2, 0}) {
            Map<String, List<Geometry>> parts = new TreeMap<>();
            level.forEach((code, g) -> parts.computeIfAbsent(digits == 0 ? BerlinTerritory.CODE : code.substring(0, digits),
                    k -> new ArrayList<>()).add(g));
            Map<String, Geometry> next = new TreeMap<>();
            parts.forEach((code, gs) -> next.put(code, UnaryUnionNG.union(gs, GRID)));
            united.putAll(next);
            level = next;
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("type", "FeatureCollection");
        root.put("note", "Vereinigung der Planungsräume (" + BerlinTerritory.GEOMETRY_FILE + ", nach den Entscheidungen in "
                + "sources/lor-planungsraeume.yaml)");
        root.put("attribution", BerlinTerritory.GEOMETRY_SOURCE);
        ArrayNode features = root.putArray("features");
        for (var e : united.entrySet()) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.putObject("properties").put("code", e.getKey());
            f.set("geometry", GeoJsonGeometry.write(e.getValue()));
        }
        byte[] bytes = (Json.MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            Files.write(file, bytes);
        }
        return file;
    }
}
