package de.sozialmonitor.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;

/**
 * Fresh databases for storage tests: an embedded H2 file and, when {@code ./test} started a
 * PostgreSQL server (SOZIALMONITOR_TEST_PG_URL), a new database on it. The same test then runs
 * on both. Under {@code ./test} (SOZIALMONITOR_REQUIRE_PG=1) a missing server is a failure, not a skip.
 */
public final class TestDatabases {
    public static final String PG_URL_ENV = "SOZIALMONITOR_TEST_PG_URL";

    private TestDatabases() {
    }

    /** Kinds to run a storage test on; use with {@code @ParameterizedTest @MethodSource}. */
    public static Stream<Named<Kind>> kinds() {
        return Stream.of(Named.of("H2", Kind.H2), Named.of("PostgreSQL", Kind.POSTGRES));
    }

    public enum Kind {
        H2, POSTGRES;

        /** Opens a new, empty, migrated database of this kind. */
        public Database open() {
            return this == H2 ? h2() : postgres();
        }
    }

    public static Database h2() {
        try {
            Path dir = Files.createTempDirectory("sozialmonitor-h2");
            dir.toFile().deleteOnExit();
            return Database.open(Database.embeddedUrl(dir.resolve("test")), "", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A JDBC URL of a new, empty PostgreSQL database, or a skipped/failed test if there is no server. */
    public static String newPostgresUrl() {
        String admin = System.getenv(PG_URL_ENV);
        if (admin == null || admin.isBlank()) {
            if ("1".equals(System.getenv("SOZIALMONITOR_REQUIRE_PG"))) {
                throw new IllegalStateException(PG_URL_ENV + " is not set although SOZIALMONITOR_REQUIRE_PG=1");
            }
            Assumptions.abort("no PostgreSQL server (run ./test, which starts one)");
        }
        String name = "sm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create test database on " + admin, e);
        }
        return admin.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    public static Database postgres() {
        return Database.open(newPostgresUrl(), "", "");
    }

    /** A new database of {@code kind} whose schema stops at an older version, for migration tests. */
    public record OldSchema(String url, javax.sql.DataSource dataSource) {
    }

    /**
     * A new, empty database of {@code kind} migrated only up to {@code targetVersion} (with the Java
     * migrations given), as a workspace of an older release of the program left it.
     */
    public static OldSchema migratedTo(Kind kind, String targetVersion, org.flywaydb.core.api.migration.JavaMigration... javaMigrations)
            throws java.io.IOException {
        String url = kind == Kind.POSTGRES ? newPostgresUrl()
                : Database.embeddedUrl(Files.createTempDirectory("sozialmonitor-h2").resolve("v" + targetVersion));
        javax.sql.DataSource ds;
        if (kind == Kind.POSTGRES) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(url);
            ds = pg;
        } else {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(url);
            ds = h2;
        }
        org.flywaydb.core.Flyway.configure().dataSource(ds).locations("classpath:" + SchemaVersion.LOCATION).target(targetVersion)
                .placeholders(Database.placeholders(kind == Kind.POSTGRES)).javaMigrations(javaMigrations).load().migrate();
        return new OldSchema(url, ds);
    }
}
