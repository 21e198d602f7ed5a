package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Register extracts are not kept (issue 11, item 4): a register extract uploaded through the web is
 * deleted once it is imported or rejected, only its SHA-256 and provenance remain, and the pages
 * say so. Staged uploads are private to the program's account.
 */
class UploadRetentionTest {
    static WebFixture fx;

    @BeforeAll
    static void start() throws IOException {
        fx = WebFixture.start();
        Files.writeString(fx.workspace.sourcesDir().resolve("melderegister.yaml"), """
                pattern: "melderegister-*.csv"
                layout: microdata
                variable: pop_total
                year: 2025
                area: {column: Ort}
                dimensions:
                  sex: {column: Geschlecht, values: {"1": m, "2": f}}
                groups: [[], [sex]]
                """);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private static HttpResponse<String> check(WebFixture.Client c, String name, String content) {
        return AnalystAreaTest.upload(c, "/intern/daten/pruefen", name, content.getBytes(StandardCharsets.UTF_8), Map.of("_csrf", c.csrf));
    }

    private static HttpResponse<String> importChecked(WebFixture.Client c, String report) {
        Map<String, String> form = AnalystAreaTest.importForm(report);
        form.put("_csrf", c.csrf);
        return c.post("/intern/daten/einspielen", form);
    }

    @Test
    void anImportedRegisterExtractIsDeletedAndOnlyItsHashAndProvenanceRemain() throws IOException {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        Path staging = fx.workspace.stateDir().resolve("uploads");
        HttpResponse<String> report = check(analyst, "melderegister-2025.csv", "Ort;Geschlecht\nL1;1\nL1;2\nL2;1\nL4;2\n");
        assertThat(report.body()).contains("Registerauszug").contains("nur bis zum Import aufbewahrt").contains("Importieren");
        List<Path> staged = files(staging);
        assertThat(staged).hasSize(2); // the extract and its metadata
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(staging))).isEqualTo("rwx------");
        for (Path f : staged) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isIn("rw-------", "r--------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getParent()))).isEqualTo("rwx------");
        }
        String sha = AnalystAreaTest.importForm(report.body()).get("sha256");

        HttpResponse<String> imported = importChecked(analyst, report.body());

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("eingespielt").contains("hochgeladene Datei ist gelöscht").contains(sha.substring(0, 12));
        assertThat(files(staging)).as("nothing staged").isEmpty();
        assertThat(files(fx.workspace.dataDir().resolve("uploads"))).as("nothing archived")
                .noneMatch(p -> p.getFileName().toString().startsWith("melderegister"));
        String kept = fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT sha256 || ' ' || format || ' ' || user_name FROM import WHERE file_name = 'melderegister-2025.csv'")
                .mapTo(String.class).one());
        assertThat(kept).isEqualTo(sha + " microdata analyst1");
        assertThat(analyst.get("/intern/daten").body()).contains("melderegister-2025.csv");
    }

    @Test
    void aRejectedRegisterExtractIsDeletedAtTheCheck() throws IOException {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        Path staging = fx.workspace.stateDir().resolve("uploads");
        HttpResponse<String> report = check(analyst, "melderegister-2026.csv", "Ort;Geschlecht\nL1;1\nNIRGENDS;7\n");
        assertThat(report.body()).contains("Registerauszug").contains("hochgeladene Datei ist gelöscht").doesNotContain("Importieren</button>");
        assertThat(files(staging)).isEmpty();
    }

    @Test
    void anAggregateFileWithErrorsIsNotKeptEither() throws IOException {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        HttpResponse<String> report = check(analyst, "zaehlung-kaputt.csv", "area_code;year;variable;value\nL1;2024;pop_total;viel\n");
        assertThat(report.body()).contains("nicht eingespielt und ist gelöscht");
        assertThat(files(fx.workspace.stateDir().resolve("uploads"))).isEmpty();
    }

    /** Regression (issue 11): a library's message showed the server's folders on the analyst's check report. */
    @Test
    void checkReportsShowFileNamesNotServerPaths() throws IOException {
        Files.writeString(fx.workspace.sourcesDir().resolve("kaputt.yaml"), """
                pattern: "kaputt-*.xlsx"
                layout: long
                year_column: Jahr
                area: {column: ARS, codes: ars}
                variable_column: Merkmal
                value_column: Anzahl
                """);
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        HttpResponse<String> report = AnalystAreaTest.upload(analyst, "/intern/daten/pruefen", "kaputt-1.xlsx",
                "PK\u0003\u0004 not really a workbook".getBytes(StandardCharsets.ISO_8859_1), Map.of("_csrf", analyst.csrf));
        assertThat(report.body()).contains("kaputt-1.xlsx").doesNotContain(fx.workspace.root().toString())
                .doesNotContain(".sozialmonitor/uploads").doesNotContain("/tmp/");
        assertThat(analyst.get("/intern/daten").body()).doesNotContain(fx.workspace.root().toString());
        assertThat(ServerPaths.hide("Error reading Zip content from /srv/sm/.sozialmonitor/uploads/2026-x/kaputt-1.xlsx; and C:\\Daten\\ws\\a.csv"))
                .isEqualTo("Error reading Zip content from kaputt-1.xlsx; and a.csv");
        assertThat(ServerPaths.hide("sources/a.yaml:5: bad key, 10/2023 and 1/2")).isEqualTo("sources/a.yaml:5: bad key, 10/2023 and 1/2");
    }
}
