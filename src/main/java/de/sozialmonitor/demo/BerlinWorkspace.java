package de.sozialmonitor.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Berlin demo workspace: the ordinary skeleton, with Berlin's configuration, catalog and source
 * mappings from {@code demo/berlin/workspace/} in the jar, and in {@code data/} the delivered files
 * as they were published (copied unchanged, byte for byte, every run) plus the area register above
 * the planning areas. An existing Berlin demo is reused; a folder holding any other workspace is
 * never touched.
 */
public final class BerlinWorkspace {
    static final String RESOURCES = "/demo/berlin/";
    /** The first line of the demo's sozialmonitor.yaml: how a folder is recognised as the Berlin demo. */
    static final String MARKER = "# Demo-Arbeitsbereich Berlin";
    static final List<String> SOURCES = List.of("lor-planungsraeume.yaml", "mss-2013.yaml", "mss-2015.yaml", "mss-2017.yaml",
            "mss-2019.yaml");

    /** The workspace, the delivered files in import order, and whether the folder held the demo already. */
    public record Prepared(Workspace workspace, Path hierarchy, Path geometry, Map<BerlinTerritory.Report, Path> reports,
                           boolean reused) {
    }

    private BerlinWorkspace() {
    }

    public static Prepared prepare(Path dir) {
        Path config = dir.resolve(Workspace.CONFIG_FILE);
        boolean reused = Files.exists(config);
        try {
            if (reused) {
                if (!Files.readString(config, StandardCharsets.UTF_8).startsWith(MARKER)) {
                    throw new NotTheBerlinDemoException(dir);
                }
            } else {
                create(dir);
            }
            Workspace ws = Workspace.open(dir);
            if (!BerlinTerritory.CODE.equals(ws.config().territoryCode())) {
                throw new NotTheBerlinDemoException(dir);
            }
            Path data = ws.dataDir();
            Files.createDirectories(data);
            copy("README.md", data.resolve("README.md"));
            copy("LICENSE.txt", data.resolve("LICENSE.txt"));
            Path geometry = copy(BerlinTerritory.GEOMETRY_FILE, data.resolve(BerlinTerritory.GEOMETRY_FILE));
            Map<BerlinTerritory.Report, Path> reports = new java.util.LinkedHashMap<>();
            for (BerlinTerritory.Report r : BerlinTerritory.REPORTS) {
                reports.put(r, copy(r.file(), data.resolve(r.file())));
            }
            Path hierarchy = writeHierarchy(data.resolve(BerlinTerritory.HIERARCHY_FILE), planningAreaCodes(geometry));
            return new Prepared(ws, hierarchy, geometry, reports, reused);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Berlin demo in " + dir, e);
        }
    }

    private static void create(Path dir) throws IOException {
        WorkspaceInitializer.create(dir, Map.of());
        copy("workspace/" + Workspace.CONFIG_FILE, dir.resolve(Workspace.CONFIG_FILE));
        copy("workspace/" + Workspace.CATALOG_FILE, dir.resolve(Workspace.CATALOG_FILE));
        for (String s : SOURCES) {
            copy("workspace/sources/" + s, dir.resolve("sources").resolve(s));
        }
    }

    /** Copies a file of {@code demo/berlin/} out of the jar, unchanged. */
    static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = BerlinWorkspace.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) {
                throw new IllegalStateException("demo/berlin/" + resource + " is missing from the program");
            }
            byte[] bytes = in.readAllBytes();
            if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
            }
            return target;
        }
    }

    /** The planning areas' codes as the geometry file gives them (the register above them is built from these). */
    static TreeSet<String> planningAreaCodes(Path geometry) throws IOException {
        TreeSet<String> codes = new TreeSet<>();
        for (var f : de.sozialmonitor.json.Json.MAPPER.readTree(geometry.toFile()).path("features")) {
            codes.add(f.path("properties").path("plr_id").asText());
        }
        return codes;
    }

    /**
     * The areas file of Berlin and the levels above its planning areas, derived from the codes: each
     * Bezirk, Prognoseraum and Bezirksregion that a planning-area code names. The Bezirke have their
     * names; the others their level and code, since the files publish no names for them.
     */
    static Path writeHierarchy(Path file, TreeSet<String> planningAreas) throws IOException {
        TreeSet<String> codes = new TreeSet<>();
        for (String plr : planningAreas) {
            codes.add(plr.substring(0, 2));
            codes.add(plr.substring(0, 4));
            codes.add(plr.substring(0, 6));
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.LF).build(w)) {
            csv.writeRecord("code", "name", "level", "parent");
            csv.writeRecord(BerlinTerritory.CODE, BerlinTerritory.NAME, BerlinTerritory.LEVEL_LAND, "");
            // parents before children: by length, then code
            codes.stream().sorted(java.util.Comparator.comparingInt(String::length).thenComparing(c -> c)).forEach(c ->
                    csv.writeRecord(c, BerlinTerritory.name(c), BerlinTerritory.level(c),
                            c.length() == 2 ? BerlinTerritory.CODE : c.substring(0, c.length() - 2)));
        }
        return file;
    }

    /** The folder holds a workspace that is not the Berlin demo: we refuse to write into it. */
    public static final class NotTheBerlinDemoException extends RuntimeException {
        public NotTheBerlinDemoException(Path dir) {
            super(dir.toAbsolutePath() + " holds a workspace that is not the Berlin demo; nothing was changed");
        }
    }
}
