package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import de.sozialmonitor.model.ValueStatus;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void migrationsCreateTheSchemaAndObservationsRoundTripWithNullValues(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            assertThat(db.isPostgres()).isEqualTo(kind == TestDatabases.Kind.POSTGRES);
            long importId = db.jdbi().withHandle(h -> h.createUpdate("""
                    INSERT INTO import(file_name, sha256, source, format, user_name, started_at, outcome)
                    VALUES ('a.csv', :sha, 'test', 'csv', 'tester', :at, 'imported')""")
                    .bind("sha", "0".repeat(64)).bind("at", OffsetDateTime.now())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            db.jdbi().useTransaction(h -> {
                try (ObservationStore.Writer w = ObservationStore.writer(h, importId)) {
                    w.add("0315700101", 2023, "pop_total", "", 1234.0, ValueStatus.OK);
                    w.add("0315700101", 2023, "sgb2_u65", "sex=f", null, ValueStatus.SUPPRESSED);
                }
            });
            List<String> rows = ObservationStore.active(db.jdbi()).stream()
                    .map(o -> o.variable() + "|" + o.targetGroup().key() + "|" + o.value() + "|" + o.status())
                    .toList();
            assertThat(rows).containsExactly("pop_total||1234.0|OK", "sgb2_u65|sex=f|null|SUPPRESSED");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void reopeningAMigratedDatabaseAppliesNoMigrationTwice(TestDatabases.Kind kind) {
        String url = kind == TestDatabases.Kind.POSTGRES ? TestDatabases.newPostgresUrl()
                : Database.embeddedUrl(tempDir().resolve("reopen"));
        try (Database first = Database.open(url, "", "")) {
            first.jdbi().useHandle(h -> h.execute("INSERT INTO territory(code, name) VALUES ('03157', 'Landkreis Peine')"));
        }
        try (Database second = Database.open(url, "", "")) {
            String name = second.jdbi().withHandle(h -> h.createQuery("SELECT name FROM territory").mapTo(String.class).one());
            assertThat(name).isEqualTo("Landkreis Peine");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aMigratedDatabaseCountsAsCurrentUnlessAMigrationIsMissingOrFailed(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            assertThat(SchemaVersion.carriedVersions()).contains("1", "10", "11", "20", "30");
            assertThat(SchemaVersion.isCurrent(db.dataSource())).isTrue();
            db.jdbi().useHandle(h -> h.execute("UPDATE flyway_schema_history SET success = FALSE WHERE version = '30'"));
            assertThat(SchemaVersion.isCurrent(db.dataSource())).isFalse();
            db.jdbi().useHandle(h -> h.execute("DELETE FROM flyway_schema_history WHERE version = '30'"));
            assertThat(SchemaVersion.isCurrent(db.dataSource())).isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void aDatabaseWithoutHistoryIsNotCurrent() {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:mem:schema-version-empty");
        assertThat(SchemaVersion.isCurrent(ds)).isFalse();
    }

    private static java.nio.file.Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("sozialmonitor-h2");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
