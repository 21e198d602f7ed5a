package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.DownloadCounts;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Anonymous traffic costs the server nothing lasting (issue 11): public downloads are counted,
 * not audited one by one; counted failed logins never push staff events off the audit page;
 * release downloads are streamed from a stored file.
 */
class PublicTrafficTest {
    static WebFixture fx;

    @BeforeAll
    static void start() {
        fx = WebFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static long auditRows(String action) {
        return fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_event WHERE action = :a")
                .bind("a", action).mapTo(Long.class).one());
    }

    @Test
    void publicDownloadsAreCountedPerDayAndStaffDownloadsAudited() {
        long before = auditRows("export.web");
        for (int i = 0; i < 3; i++) {
            assertThat(fx.client().get("/download/berichtsstand/1").statusCode()).isEqualTo(200);
            assertThat(fx.client().get("/download/gebiete.csv?year=2023").statusCode()).isEqualTo(200);
        }
        assertThat(auditRows("export.web")).as("no audit row per public download").isEqualTo(before);
        fx.server.flushCounts(true);
        List<DownloadCounts.Count> counts = new DownloadCounts(fx.db.jdbi()).recent(LocalDate.now(ZoneOffset.UTC), 1);
        assertThat(counts).extracting(DownloadCounts.Count::item, DownloadCounts.Count::downloads)
                .contains(org.assertj.core.groups.Tuple.tuple("release 1 csv", 3L), org.assertj.core.groups.Tuple.tuple("gebiete.csv", 3L));
        assertThat(fx.loggedIn("analyst1").get("/download/gebiete.csv?year=2023").statusCode()).isEqualTo(200);
        assertThat(auditRows("export.web")).as("a staff download is audited").isEqualTo(before + 1);
    }

    @Test
    void staffEventsStayOnTheAuditPageWhateverTheFailedLogins() {
        AuditLog audit = new AuditLog(fx.db.jdbi());
        audit.record("admin1", "user.set-role", "viewer1", "role=viewer");
        for (int i = 0; i < 600; i++) {
            audit.record("unknown", LoginAudit.ACTION, "guess" + i, "address 203.0.113.9, minute 2026-01-01 10:00 UTC: 60 failed, 900 throttled");
        }
        String page = fx.loggedIn("admin1").get("/intern/protokoll").body();
        String staff = page.substring(0, page.indexOf("<h2"));
        assertThat(staff).contains("user.set-role").doesNotContain("guess599");
        assertThat(page.substring(page.indexOf("<h2"))).contains("guess599");
    }

    @Test
    void aReleaseDownloadIsStreamedFromAPrivateStoredFileWithTheStoredBytes() throws Exception {
        HttpResponse<String> first = fx.client().get("/download/berichtsstand/1?format=json");
        assertThat(first.statusCode()).isEqualTo(200);
        Path dir = fx.workspace.stateDir().resolve("releases");
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().startsWith("1-") && p.toString().endsWith(".json")).toList();
        }
        assertThat(files).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0)))).isEqualTo("rw-------");
        String stored = fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT content FROM release_file WHERE release_number = 1 AND format = 'json'").mapTo(String.class).one());
        assertThat(Files.readString(files.get(0))).isEqualTo(stored);
        assertThat(first.body()).isEqualTo(stored);
        assertThat(fx.client().get("/download/berichtsstand/1?format=json").body()).isEqualTo(stored);
        assertThat(fx.client().get("/download/berichtsstand/2?format=json").statusCode()).as("unpublished").isEqualTo(404);
        assertThat(fx.client().get("/download/berichtsstand/99").statusCode()).isEqualTo(404);
    }
}
