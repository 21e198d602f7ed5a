package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.privacy.ReleaseDownload;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A release's content and download files are long texts kept apart from the table's rows (V95: H2's
 * CLOB, PostgreSQL's text), so that opening the database and listing releases never read them; they
 * still come back whole, also beyond H2's limit of a million characters for a VARCHAR value, and a
 * database made before V95 keeps its releases when it is migrated.
 */
class ReleaseContentStorageTest {
    /** More than H2's 1,000,000-character limit of CHARACTER VARYING, with characters beyond Latin-1. */
    private static final String LONG = "{\"rows\":\"" + "Ölsburg;ä;€;".repeat(100_000) + "\"}";

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void longContentRoundTripsAndIsStoredAsALargeObjectOnH2(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            db.jdbi().useTransaction(h -> insertRelease(h, LONG));
            ReleaseRepository.StoredRelease stored = db.jdbi().withHandle(h -> ReleaseRepository.stored(h, 1).orElseThrow());
            assertThat(stored.content()).isEqualTo(LONG);
            String file = db.jdbi().withHandle(h -> ReleaseRepository.file(h, 1, ReleaseDownload.Format.CSV).orElseThrow());
            assertThat(file).isEqualTo(LONG);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(new ReleaseRepository(db.jdbi()).copyDownload(1, ReleaseDownload.Format.CSV, true, out)).isTrue();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(LONG);
            assertThat(columnType(db.jdbi(), "release")).isEqualTo(kind == TestDatabases.Kind.H2 ? "character large object" : "text");
            assertThat(columnType(db.jdbi(), "release_file")).isEqualTo(kind == TestDatabases.Kind.H2 ? "character large object" : "text");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aDatabaseOneMigrationBehindKeepsItsReleasesWhenOpened(TestDatabases.Kind kind) throws Exception {
        TestDatabases.OldSchema old = TestDatabases.migratedTo(kind, "90", new ObservationBlockMigration(), new ResultBlockMigration());
        String url = old.url();
        javax.sql.DataSource ds = old.dataSource();
        String content = "{\"title\":\"Stand 2024\",\"rows\":[1,2,3]}";
        try (var c = ds.getConnection(); Handle h = Jdbi.open(c)) {
            insertRelease(h, content);
        }
        assertThat(SchemaVersion.isCurrent(ds)).isFalse();

        try (Database db = Database.open(url, "", "")) {
            assertThat(SchemaVersion.isCurrent(db.dataSource())).isTrue();
            ReleaseRepository.StoredRelease stored = db.jdbi().withHandle(h -> ReleaseRepository.stored(h, 1).orElseThrow());
            assertThat(stored.content()).isEqualTo(content);
            String file = db.jdbi().withHandle(h -> ReleaseRepository.file(h, 1, ReleaseDownload.Format.CSV).orElseThrow());
            assertThat(file).isEqualTo(content);
            assertThat(new ReleaseRepository(db.jdbi()).find(1).orElseThrow().title()).isEqualTo("Stand 2024");
            assertThat(columnType(db.jdbi(), "release")).isEqualTo(kind == TestDatabases.Kind.H2 ? "character large object" : "text");
        }
    }

    private static void insertRelease(Handle h, String content) {
        long set = h.createUpdate("INSERT INTO result_set(year, computed_at, computed_by, method_json, catalog_json, inputs_json, "
                        + "analysis_level) VALUES (2024, :at, 'tester', '{}', '{}', '{}', 'Ortsteil')")
                .bind("at", OffsetDateTime.now()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        // as the program of that schema wrote it (today's insert also raises a change stamp, V120)
        h.createUpdate("INSERT INTO release(number, title, year, result_set_id, created_at, created_by, checksum, corrects, content) "
                        + "VALUES (1, 'Stand 2024', 2024, :rs, :at, 'tester', :checksum, NULL, :content)")
                .bind("rs", set).bind("at", OffsetDateTime.now()).bind("checksum", "0".repeat(64)).bind("content", content).execute();
        ReleaseRepository.insertFile(h, 1, ReleaseDownload.Format.CSV, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String columnType(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT LOWER(data_type) FROM information_schema.columns "
                        + "WHERE LOWER(table_name) = :t AND LOWER(column_name) = 'content'")
                .bind("t", table).mapTo(String.class).one());
    }
}
