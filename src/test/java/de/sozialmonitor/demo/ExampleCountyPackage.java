package de.sozialmonitor.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.sozialmonitor.exchange.PackageExport;
import de.sozialmonitor.model.Observation;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.view.ResultViews;
import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The generator of the demo's second county's package ({@link ExampleCounty}): a workspace of its
 * own for "Landkreis Beispielstadt (synthetisch)" — eight invented municipalities, counts of the
 * Peine demo's generator for 2020–2024, its own method (analysis level Gemeinde, dynamics over two
 * years) — through the real import, compute, release, publish and {@code export package}.
 * {@code ExampleCountyPackageTest} runs it and compares with the shipped package; with
 * {@code -Dsozialmonitor.examplePackage=src/main/resources/demo/beispielstadt/landkreis-beispielstadt-2024.zip}
 * it writes the package there instead.
 */
final class ExampleCountyPackage {
    static final long SEED = 3999;
    static final int FIRST_YEAR = 2020;
    static final String LEVEL_COUNTY = "Landkreis";
    static final String LEVEL_MUNICIPALITY = "Gemeinde";
    static final String RELEASE_TITLE = "Sozialmonitoring " + ExampleCounty.YEAR + " (Demo, erfundene Zahlen)";

    /** An invented municipality: code, name, inhabitants, deprivation score (0 = county average) and its yearly change. */
    record Municipality(String code, String name, int inhabitants, double deprivation, double trend) {
    }

    static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("03999001", "Stadt Beispielstadt", 36_400, 1.1, 0),
            new Municipality("03999002", "Musterhausen", 14_200, 0.4, 0.12),
            new Municipality("03999003", "Exempelfeld", 9_700, -0.3, 0),
            new Municipality("03999004", "Modellingen", 11_300, 0.5, -0.12),
            new Municipality("03999005", "Vorlagenbüttel", 6_800, -0.5, 0),
            new Municipality("03999006", "Schablonenhagen", 5_400, -0.7, 0),
            new Municipality("03999007", "Attrappenrode", 4_300, -0.4, 0),
            new Municipality("03999008", "Musterdorf", 7_900, 0.0, 0));

    private ExampleCountyPackage() {
    }

    /** Builds the county's workspace in {@code dir} (a new folder) and returns the package of its published release. */
    static PackageExport.Files build(Path dir) {
        Workspace ws = workspace(dir);
        try (Database db = ws.openDatabase()) {
            importAndCompute(ws, db);
            DemoIntegration.releaseAndPublish(ws, db, ExampleCounty.YEAR, RELEASE_TITLE);
            return PackageExport.of(ResultViews.of(db.jdbi(), ws.config()), new ReleaseRepository(db.jdbi()), 1);
        }
    }

    /** Imports the county's areas and counts and computes {@link ExampleCounty#YEAR}: what a release is made from. */
    static void importAndCompute(Workspace ws, Database db) {
        Path areas = ws.dataDir().resolve("gebiete.csv");
        Path counts = ws.dataDir().resolve("zaehlwerte.csv");
        writeAreas(areas);
        writeCounts(counts, SyntheticCounts.generate(profiles(), SEED, FIRST_YEAR, ExampleCounty.YEAR));
        DemoIntegration.importFile(ws, db, areas, "Gebiete " + ExampleCounty.NAME);
        DemoIntegration.importFile(ws, db, counts, "Zählwerte " + ExampleCounty.NAME);
        DemoIntegration.compute(ws, db, List.of(ExampleCounty.YEAR), "compute " + ExampleCounty.YEAR, true);
    }

    static Workspace workspace(Path dir) {
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put("code: \"00000\"", "code: \"" + ExampleCounty.CODE + "\"");
        replacements.put("name: \"Mein Landkreis\"", "name: \"" + ExampleCounty.NAME + "\"");
        replacements.put("\nlanguage: de", "\nsynthetic: true\n\nlanguage: de");
        // a method of its own, so that the comparison of methods has something to show
        replacements.put("dynamics_years: 3 ", "dynamics_years: 2 ");
        WorkspaceInitializer.create(dir, replacements);
        Workspace ws = Workspace.open(dir);
        if (!ws.config().synthetic() || !ExampleCounty.CODE.equals(ws.config().territoryCode())
                || ws.config().method().dynamicsYears() != 2) {
            throw new IllegalStateException("the workspace template no longer has the lines ExampleCountyPackage adapts");
        }
        return ws;
    }

    /** Each municipality as one "locality" of the Peine demo's generator (no boundary changes). */
    static List<SyntheticCounts.Profile> profiles() {
        Random random = new Random(SEED);
        List<SyntheticCounts.Profile> out = new ArrayList<>();
        for (Municipality m : MUNICIPALITIES) {
            DemoGeography.Locality l = new DemoGeography.Locality(m.name(), m.code(), m.code(), m.code(), true);
            out.add(new SyntheticCounts.Profile(l, m.inhabitants(), m.deprivation(), m.trend(), Math.exp(0.08 * random.nextGaussian()),
                    Math.exp(0.25 * random.nextGaussian()), Math.exp(0.12 * random.nextGaussian())));
        }
        return out;
    }

    private static CsvWriter csv(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8);
    }

    private static void writeAreas(Path file) {
        try (CsvWriter w = csv(file)) {
            w.writeRecord("code", "name", "level", "parent");
            w.writeRecord(ExampleCounty.CODE, ExampleCounty.NAME, LEVEL_COUNTY, "");
            for (Municipality m : MUNICIPALITIES) {
                w.writeRecord(m.code(), m.name(), LEVEL_MUNICIPALITY, ExampleCounty.CODE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCounts(Path file, List<Observation> observations) {
        try {
            DemoFiles.writeObservations(file, observations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
