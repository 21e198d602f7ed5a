package de.sozialmonitor.store;

import org.jdbi.v3.core.Handle;

/** Removing stored blocks, for {@link Housekeeping}: the rows go, and what their bytes took is counted. */
final class StoredBlocks {
    private StoredBlocks() {
    }

    /**
     * Deletes the rows of {@code table} whose {@code keyColumn} is {@code key} and returns the bytes
     * of their {@code blobColumn}. Table and column names are the callers' constants, never input.
     */
    static long delete(Handle h, String table, String blobColumn, String keyColumn, long key) {
        long bytes = h.createQuery("SELECT COALESCE(SUM(OCTET_LENGTH(" + blobColumn + ")), 0) FROM " + table
                        + " WHERE " + keyColumn + " = :k")
                .bind("k", key).mapTo(Long.class).one();
        h.createUpdate("DELETE FROM " + table + " WHERE " + keyColumn + " = :k").bind("k", key).execute();
        return bytes;
    }
}
