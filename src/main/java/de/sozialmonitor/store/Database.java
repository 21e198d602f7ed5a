package de.sozialmonitor.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The workspace database: embedded H2 by default, PostgreSQL for a shared server. Both run the
 * same Flyway migrations from {@code db/migration}; H2 runs in PostgreSQL mode so that one SQL
 * dialect serves both.
 */
public final class Database implements AutoCloseable {
    static {
        // H2's AUTO_SERVER would listen on every interface ("-tcpAllowOthers"); the second process
        // that uses it is always on this machine, so the port is bound to the loopback interface.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;
    private long removedBytes;
    private volatile EmbeddedCompaction.Outcome compaction;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.postgres = dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    /**
     * The H2 URL of an embedded database file. AUTO_SERVER lets a second process (an import while
     * {@code serve} runs) use the same file instead of failing on the file lock; its port listens
     * on loopback only, and {@link EmbeddedDatabase} keeps folder, lock file and password to the
     * program's own account. NON_KEYWORDS keeps "year" and "value" plain column names, as they are
     * in PostgreSQL.
     *
     * <p>MAX_COMPACT_TIME=0: H2 2.3.232 moves chunks inside the file for up to 200 ms when a
     * database closes, and that move can lose the last commits (H2 issues 4086 and 4247, fixed only
     * in 2.4.240, which brought new compaction failures of its own). Seen here as a release or a
     * result set missing in the next command, with an AssertionError in moveChunkInside in the
     * trace file. Without it the file does not shrink at close; {@link EmbeddedCompaction} still
     * shrinks it after large removals, through SHUTDOWN COMPACT, which copies the live data into a
     * new file instead of moving chunks.
     */
    public static String embeddedUrl(Path fileWithoutSuffix) {
        return "jdbc:h2:file:" + fileWithoutSuffix.toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,VALUE;AUTO_SERVER=TRUE"
                + ";MAX_COMPACT_TIME=0";
    }

    /** Opens the database and brings its schema up to date. */
    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(8);
        // a command needs one connection; the web server's pool grows on demand (filling all
        // eight at start only costs a short command time on two cores)
        config.setMinimumIdle(1);
        config.setPoolName("sozialmonitor");
        config.setInitializationFailTimeout(10_000);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            if (!SchemaVersion.isCurrent(ds)) {
                boolean pg = jdbcUrl.startsWith("jdbc:postgresql:");
                Flyway.configure().dataSource(ds).locations("classpath:" + SchemaVersion.LOCATION)
                        .placeholders(placeholders(pg))
                        .javaMigrations(new ObservationBlockMigration(), new ResultBlockMigration(), new AreaBlockMigration(),
                                new ResultAreaBlockMigration())
                        .load().migrate();
            }
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
    }

    /**
     * The column types that differ between the two databases: the block columns (PostgreSQL's
     * bytea; H2's BLOB) and long texts (PostgreSQL's text; H2's CLOB), both kept outside H2's
     * table pages.
     */
    static java.util.Map<String, String> placeholders(boolean postgres) {
        return java.util.Map.of("blob", postgres ? "BYTEA" : "BINARY LARGE OBJECT",
                "clob", postgres ? "TEXT" : "CHARACTER LARGE OBJECT");
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** The folder of the embedded database's file; empty for a server database. */
    public java.util.Optional<Path> embeddedDirectory() {
        return embeddedBase().map(Path::getParent);
    }

    /** The embedded database's file name without H2's suffix, absolute; empty for a server database. */
    private java.util.Optional<Path> embeddedBase() {
        String url = jdbcUrl();
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        int end = url.indexOf(';');
        return java.util.Optional.of(Path.of(end < 0 ? url.substring(prefix.length()) : url.substring(prefix.length(), end)).toAbsolutePath());
    }

    public String jdbcUrl() {
        return dataSource.getJdbcUrl();
    }

    /**
     * Notes that {@code bytes} of stored data were removed ({@link Housekeeping}), so that the
     * embedded database's file may be shrunk when this process closes it; see
     * {@link EmbeddedCompaction} for when that happens. PostgreSQL reuses the space after its autovacuum.
     */
    public synchronized void compactWhenClosed(long bytes) {
        removedBytes += bytes;
    }

    /** What the compaction at close did, if one was asked for. */
    java.util.Optional<EmbeddedCompaction.Outcome> compaction() {
        return java.util.Optional.ofNullable(compaction);
    }

    @Override
    public synchronized void close() {
        boolean wasOpen = !dataSource.isClosed();
        dataSource.close();
        if (removedBytes > 0 && !postgres && wasOpen) {
            long removed = removedBytes;
            removedBytes = 0;
            embeddedBase().ifPresent(base -> compaction = EmbeddedCompaction.run(jdbcUrl(), dataSource.getUsername(),
                    dataSource.getPassword(), base.resolveSibling(base.getFileName() + ".mv.db"), removed));
        }
    }
}
