package de.sozialmonitor.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What the Java migrations that move an old row table into blocks share: a fixed version,
 * description and checksum, run inside Flyway's transaction (all rows move or none).
 */
abstract class RowsToBlocksMigration implements JavaMigration {
    private final String version;
    private final String description;
    private final int checksum;

    RowsToBlocksMigration(String version, String description, int checksum) {
        this.version = version;
        this.description = description;
        this.checksum = checksum;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return checksum;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    /** Moves the rows that {@code select} streams from {@code oldTable} into blocks; {@code h} writes the blocks. */
    interface RowMover {
        void move(Handle h, ResultSet rows) throws Exception;
    }

    /**
     * The usual shape of such a migration: stream the old table's rows on Flyway's connection (in
     * pages, not all at once), let {@code mover} write the blocks, then drop the old table.
     */
    static void moveAndDrop(Context context, String select, String oldTable, RowMover mover) throws Exception {
        Connection c = context.getConnection();
        // the handle shares Flyway's connection and transaction; it is not closed here (that would close the connection)
        Handle h = Jdbi.open(c);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery(select)) {
                mover.move(h, rs);
            }
            s.execute("DROP TABLE " + oldTable);
        }
    }
}
