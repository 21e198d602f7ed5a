package de.sozialmonitor.ingest;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.workspace.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Microdata part of {@code bench import}: a grid of square areas (GeoJSON), a register extract
 * with coordinates, age, sex and nationality, aggregated by point-in-polygon.
 */
final class MicrodataBenchmark {
    static final double LON0 = 10.0;
    static final double LAT0 = 52.0;
    static final double SIZE = 0.5;

    private MicrodataBenchmark() {
    }

    static List<ImportBenchmark.Measurement> run(Workspace ws, Path dir, long rows, int areas, PrintWriter out) {
        try {
            int side = (int) Math.ceil(Math.sqrt(areas));
            Path areasFile = dir.resolve("bench-micro-areas.csv");
            Path geo = dir.resolve("bench-micro-areas.geojson");
            Path micro = dir.resolve("bench-micro-register.csv");
            writeGrid(areasFile, geo, side);
            long t0 = System.nanoTime();
            writeRegister(micro, rows);
            out.printf(Locale.ROOT, "microdata: %,d rows, %d areas, generated %,d MB in %.1f s%n", rows, side * side,
                    Files.size(micro) >> 20, (System.nanoTime() - t0) / 1e9);
            Files.writeString(ws.sourcesDir().resolve("bench-micro.yaml"), """
                    pattern: "bench-micro-register*.csv"
                    layout: microdata
                    variable: pop_total
                    year: 2023
                    decimal: point
                    coordinates: {x: lon, y: lat, level: Zelle}
                    dimensions:
                      age: {column: age, bands: ["0-5", "6-14", "15-17", "18-24", "25-64", "65-79", "80+"]}
                      sex: {column: sex, values: {"1": m, "2": f}}
                      nationality: {column: nat, values: {"0": german, "1": foreign}}
                    groups: [[], [age, nationality, sex]]
                    """);
            try (Database db = Database.open(Database.embeddedUrl(dir.resolve("h2-micro").resolve("bench")), "", "")) {
                Importer.importFile(ws, db, areasFile, "bench");
                ImportOutcome g = Importer.importFile(ws, db, geo, "bench");
                if (!g.imported()) {
                    out.println(g.report().toText());
                }
                ImportBenchmark.Measurement f = ImportBenchmark.measure("microdata (point-in-polygon)", "H2",
                        () -> Importer.importFile(ws, db, micro, "bench"));
                out.println(f);
                out.flush();
                return List.of(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeGrid(Path areasFile, Path geo, int side) throws IOException {
        double cell = SIZE / side;
        try (BufferedWriter a = Files.newBufferedWriter(areasFile, StandardCharsets.UTF_8);
             BufferedWriter g = Files.newBufferedWriter(geo, StandardCharsets.UTF_8)) {
            a.write("code;name;level;parent\n09999;Benchkreis;Kreis;\n");
            g.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    String code = "Z" + i + "_" + j;
                    a.write(code + ";Zelle " + code + ";Zelle;09999\n");
                    double x0 = LON0 + i * cell;
                    double y0 = LAT0 + j * cell;
                    g.write(String.format(Locale.ROOT, "%s{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\"},\"geometry\":{\"type\":\"Polygon\","
                                    + "\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}\n", i + j == 0 ? "" : ",", code,
                            x0, y0, x0 + cell, y0, x0 + cell, y0 + cell, x0, y0 + cell, x0, y0));
                }
            }
            g.write("]}\n");
        }
    }

    static void writeRegister(Path file, long rows) throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder(1 << 16);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("lon;lat;age;sex;nat\n");
            for (long r = 0; r < rows; r++) {
                double lon = LON0 + 1e-6 + rnd.nextDouble() * (SIZE - 2e-6);
                double lat = LAT0 + 1e-6 + rnd.nextDouble() * (SIZE - 2e-6);
                sb.append(Math.round(lon * 1e5) / 1e5).append(';').append(Math.round(lat * 1e5) / 1e5).append(';')
                        .append(rnd.nextInt(100)).append(';').append(1 + rnd.nextInt(2)).append(';')
                        .append(rnd.nextInt(10) == 0 ? 1 : 0).append('\n');
                if (sb.length() > 60_000) {
                    w.write(sb.toString());
                    sb.setLength(0);
                }
            }
            w.write(sb.toString());
        }
    }
}
