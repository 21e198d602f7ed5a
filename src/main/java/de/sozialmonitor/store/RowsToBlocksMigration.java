package de.sozialmonitor.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

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
}
