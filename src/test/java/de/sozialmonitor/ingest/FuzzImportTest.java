package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mangled files — truncated, binary garbage, huge fields, wrong encoding, flipped bytes — must
 * end in a clear outcome, never an uncaught exception; a rejected file leaves the data basis
 * exactly as it was.
 */
class FuzzImportTest {
    @TempDir
    Path tmp;

    static final List<String> SAMPLES = List.of("einwohner-2022.csv", "amt-windows1252.csv", "peine-gebiete.csv",
            "gebietsaenderungen.csv", "peine-geometrien.geojson", "fehlerhaft.csv");

    static byte[] mangle(byte[] in, SplittableRandom rnd, int kind) {
        switch (kind) {
            case 0 -> { // truncated anywhere
                return Arrays.copyOf(in, rnd.nextInt(in.length + 1));
            }
            case 1 -> { // binary garbage spliced in
                byte[] junk = new byte[1 + rnd.nextInt(400)];
                for (int i = 0; i < junk.length; i++) {
                    junk[i] = (byte) rnd.nextInt(256);
                }
                int at = rnd.nextInt(in.length + 1);
                byte[] out = new byte[in.length + junk.length];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(in, at, out, at + junk.length, in.length - at);
                return out;
            }
            case 2 -> { // flipped bytes
                byte[] out = in.clone();
                for (int i = 0; i < 1 + rnd.nextInt(8); i++) {
                    out[rnd.nextInt(out.length)] = (byte) rnd.nextInt(256);
                }
                return out;
            }
            case 3 -> { // wrong encoding: the text re-encoded as UTF-16
                return new String(in, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_16LE);
            }
            default -> { // a huge field in a row
                String s = new String(in, StandardCharsets.UTF_8);
                int nl = s.indexOf('\n');
                String huge = "9".repeat(200_000 + rnd.nextInt(200_000));
                return (s.substring(0, nl + 1) + "03157001;2022;pop_total;\"" + huge + "\"\n" + s.substring(nl + 1))
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void mangledFilesEndInAClearOutcomeAndRejectedOnesChangeNothing(TestDatabases.Kind kind) throws IOException {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        SplittableRandom rnd = new SplittableRandom(20261125);
        try (Database db = kind.open()) {
            Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna");
            int rejected = 0;
            for (int i = 0; i < 120; i++) {
                String name = SAMPLES.get(rnd.nextInt(SAMPLES.size()));
                byte[] original = Files.readAllBytes(IngestFixtures.sample(tmp, name));
                int mangling = rnd.nextInt(5);
                Path file = tmp.resolve("fuzz-" + i + "-" + name);
                Files.write(file, mangle(original, rnd, mangling));
                String before = DatabaseSnapshot.of(db);
                ImportOutcome o = Importer.importFile(ws, db, file, "fuzz");
                assertThat(o.status()).as("%s kind %d", file, mangling).isNotNull();
                if (o.status() == ImportOutcome.Status.REJECTED) {
                    rejected++;
                    assertThat(o.report().problems()).as(file.toString()).isNotEmpty()
                            .allSatisfy(p -> assertThat(p.reason()).isNotBlank());
                    assertThat(DatabaseSnapshot.of(db)).as(file.toString()).isEqualTo(before);
                }
            }
            assertThat(rejected).isGreaterThan(60);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aBinaryFileAndAnEmptyFileAreNamedAsSuch(TestDatabases.Kind kind) throws IOException {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            Path bin = tmp.resolve("bild.csv");
            byte[] b = new byte[5000];
            new SplittableRandom(1).nextBytes(b);
            b[10] = 0;
            Files.write(bin, b);
            assertThat(Importer.check(ws, db, bin).problems()).extracting(Problem::code).containsExactly("binary_file");
            Path empty = Files.createFile(tmp.resolve("leer.csv"));
            assertThat(Importer.check(ws, db, empty).problems()).extracting(Problem::code).containsExactly("empty_file");
            Path noValue = IngestFixtures.write(tmp, "ohne-wert.csv", "area_code;year;variable\n03157001;2022;pop_total\n");
            assertThat(Importer.check(ws, db, noValue).problems()).extracting(Problem::code, Problem::column)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("missing_column", "value"));
            Path headerOnly = IngestFixtures.write(tmp, "nur-kopf.csv", "area_code;year;variable;value\n");
            assertThat(Importer.check(ws, db, headerOnly).problems()).extracting(Problem::code).containsExactly("empty_file");
        }
    }
}
