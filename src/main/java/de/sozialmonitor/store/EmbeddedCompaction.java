package de.sozialmonitor.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Shrinks the embedded database's file after {@link Housekeeping} removed data. H2 reuses freed
 * space for later writes but never returns it to the file system on its own (its compaction on
 * close moves no live chunks), so the file would stay as large as it ever was. {@code SHUTDOWN
 * COMPACT} rewrites the live data into a fresh file; it closes the database, so it runs only when
 * the process closes its database anyway, when the removed data are at least a quarter of the file
 * (H2's own fill rate is no guide here: it counts removed large objects as live until its cleaner
 * thread has run), when no other process uses the database through AUTO_SERVER (and none can join
 * meanwhile: exclusive mode), and when the disk has room for the copy. Any failure leaves the file
 * as it was, just not smaller.
 */
final class EmbeddedCompaction {
    /** Compact when the removed bytes are at least the file's size divided by this. */
    static final int REMOVED_SHARE_DIVISOR = 4;

    /** What a compaction did: the file's size before and after, or why it did not run. */
    record Outcome(long bytesBefore, long bytesAfter, String skipped) {
    }

    private EmbeddedCompaction() {
    }

    /** Runs after the process's own connection pool is closed, on a connection of its own. */
    static Outcome run(String url, String user, String password, Path file, long removedBytes) {
        long before = size(file);
        if (removedBytes * REMOVED_SHARE_DIVISOR < before) {
            return new Outcome(before, before, "removed " + removedBytes + " of " + before + " bytes");
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            long live = before - removedBytes;
            long free = Files.getFileStore(file.getParent()).getUsableSpace();
            if (free < 2 * live) {
                return new Outcome(before, before, "disk: " + free + " bytes free for " + live + " live");
            }
            if (remoteSessions(s)) {
                return new Outcome(before, before, "another process uses the database");
            }
            s.execute("SET EXCLUSIVE 1");
            if (remoteSessions(s)) {
                s.execute("SET EXCLUSIVE 0");
                return new Outcome(before, before, "another process uses the database");
            }
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException | IOException | RuntimeException e) {
            return new Outcome(before, size(file), "failed: " + e.getMessage());
        }
        PrivateFiles.restrict(file); // H2 wrote the compacted copy as a new file, with the process's default permissions
        return new Outcome(before, size(file), null);
    }

    /** True if a session comes through AUTO_SERVER's port, including this one (then another process owns the file). */
    private static boolean remoteSessions(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SERVER IS NOT NULL")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
