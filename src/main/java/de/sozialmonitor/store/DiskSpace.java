package de.sozialmonitor.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Room on disk for what an import or a computation writes. Before it writes, the embedded database
 * checks that the file system of the workspace has room for an estimate of it; if the disk fills up
 * anyway (or the PostgreSQL server's does), the failure is turned into a {@link FullException}
 * naming the workspace and the space needed. Either way the transaction is rolled back, so the
 * database stays as it was.
 */
public final class DiskSpace {
    private DiskSpace() {
    }

    /** Not enough room for the database of {@code workspace}. {@code freeBytes} is -1 where unknown (a server). */
    public static final class FullException extends RuntimeException {
        private final transient Path workspace;
        private final long neededBytes;
        private final long freeBytes;

        FullException(Path workspace, long neededBytes, long freeBytes, Throwable cause) {
            super("no space left for the database of workspace " + workspace + ": about " + mib(neededBytes) + " MiB needed, "
                    + (freeBytes < 0 ? "?" : mib(freeBytes)) + " MiB free; nothing was changed", cause);
            this.workspace = workspace;
            this.neededBytes = neededBytes;
            this.freeBytes = freeBytes;
        }

        public Path workspace() {
            return workspace;
        }

        public long neededMiB() {
            return mib(neededBytes);
        }

        /** Free MiB on the workspace's file system, or -1 where unknown (a database server). */
        public long freeMiB() {
            return freeBytes < 0 ? -1 : mib(freeBytes);
        }
    }

    /**
     * What an import of {@code file} may need in the embedded database: a few times the file for
     * observations (rows, their index, and the transaction's undo log until the commit), little for
     * microdata, which is aggregated before it is stored.
     */
    public static long forImport(Path file, String format) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        return (4L << 20) + ("microdata".equals(format) ? size / 16 : size * IMPORT_BYTES_PER_FILE_BYTE);
    }

    /** What storing a result set of {@code rows} area-indicator values may need (rows, index, undo log). */
    public static long forResults(long rows) {
        return (4L << 20) + rows * RESULT_BYTES_PER_ROW;
    }

    /**
     * Measured with {@code bench scale} (docs/benchmarks.md, "Full disk"): since observations and
     * results are stored in blocks, an import's database grows by well under a tenth of the
     * delivered file and a result set's transaction by about 22 bytes per value at its peak; the
     * figures here leave room for three times that. (They were 3 bytes per file byte and 200 per
     * value while every value was a row, which refused a 3.1-million-area computation that needs a
     * few GiB for "26,374 MiB needed".)
     */
    static final long IMPORT_BYTES_PER_FILE_BYTE = 1;
    static final long RESULT_BYTES_PER_ROW = 64;

    /**
     * Throws {@link FullException} if the embedded database's file system has less than
     * {@code neededBytes} free. A server database is not checked here (its disk is not ours to see).
     */
    public static void require(Path workspace, Database db, long neededBytes) {
        Optional<Path> dir = db.embeddedDirectory();
        if (dir.isEmpty()) {
            return;
        }
        long free = usable(dir.get());
        if (free >= 0 && free < neededBytes) {
            throw new FullException(workspace, neededBytes, free, null);
        }
    }

    /** {@code e} as a {@link FullException} if a full disk caused it, else {@code e} itself ({@code db} may be null). */
    public static RuntimeException translate(RuntimeException e, Path workspace, Database db, long neededBytes) {
        if (e instanceof FullException) {
            return e;
        }
        long free = db == null ? -1 : db.embeddedDirectory().map(DiskSpace::usable).orElse(-1L);
        // H2 reports a failed write as its error 90028 without the operating system's reason: an
        // input/output error while the workspace's file system has less room than needed is a full disk
        boolean full = isDiskFull(e) || free >= 0 && free < neededBytes && isIoError(e);
        return full ? new FullException(workspace, neededBytes, free, e) : e;
    }

    /** Whether a full disk is the cause: the operating system's message, or PostgreSQL's disk_full (53100). */
    static boolean isDiskFull(Throwable e) {
        for (Throwable t : causes(e)) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("not enough space on the disk") || m.contains("Disk quota exceeded")
                    || t instanceof SQLException s && "53100".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIoError(Throwable e) {
        for (Throwable t : causes(e)) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof IOException || t instanceof SQLException s && (s.getErrorCode() == H2_IO_EXCEPTION
                    || s.getErrorCode() == H2_IO_EXCEPTION_2 || s.getErrorCode() == H2_DATABASE_CLOSED)
                    || m.contains("[" + H2_IO_EXCEPTION + "-") || m.contains("[" + H2_IO_EXCEPTION_2 + "-")) {
                return true;
            }
        }
        return false;
    }

    /** {@code e}, its causes and, for SQL errors, the chained next exceptions (each once; drivers link them in cycles). */
    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        java.util.List<Throwable> out = new java.util.ArrayList<>();
        if (e != null) {
            todo.add(e);
        }
        while (!todo.isEmpty() && out.size() < 100) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException s && s.getNextException() != null) {
                todo.add(s.getNextException());
            }
        }
        return out;
    }

    /** H2's error codes for a failed file operation and for a database closed after one. */
    private static final int H2_IO_EXCEPTION = 90028;
    private static final int H2_IO_EXCEPTION_2 = 90031;
    private static final int H2_DATABASE_CLOSED = 90098;

    private static long usable(Path dir) {
        try {
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null ? -1 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
