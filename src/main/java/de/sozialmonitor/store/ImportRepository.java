package de.sozialmonitor.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Provenance rows of imports (table {@code import}). An import is written as {@code running}
 * inside the import transaction and becomes {@code imported} at its end, so a killed process
 * leaves nothing behind; a rejected file is recorded afterwards in a transaction of its own.
 */
public final class ImportRepository {
    public static final String IMPORTED = "imported";
    public static final String REJECTED = "rejected";
    public static final String RUNNING = "running";

    /** One row of the history. {@code periods} and {@code variables} are comma-separated. */
    public record ImportRow(long id, String fileName, String sha256, String source, String format,
                            String mappingVersion, String user, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                            long rowsRead, long rowsAccepted, long rowsRejected, String outcome,
                            Long supersededBy, String message, String periods, String variables) {
        public boolean active() {
            return IMPORTED.equals(outcome) && supersededBy == null;
        }

        public List<Integer> years() {
            if (periods == null || periods.isBlank()) {
                return List.of();
            }
            return java.util.Arrays.stream(periods.split(",")).map(String::trim).map(Integer::valueOf).toList();
        }

        public List<String> variableList() {
            if (variables == null || variables.isBlank()) {
                return List.of();
            }
            return java.util.Arrays.stream(variables.split(",")).map(String::trim).toList();
        }
    }

    private static final String COLUMNS = "id, file_name, sha256, source, format, mapping_version, user_name, started_at, "
            + "finished_at, rows_read, rows_accepted, rows_rejected, outcome, superseded_by, message, periods, variables";

    private ImportRepository() {
    }

    /** How long an import waits for the lock before it says another import runs. */
    static final java.time.Duration LOCK_PATIENCE = java.time.Duration.ofSeconds(5);

    /**
     * Takes the workspace's import lock for the rest of {@code h}'s transaction: false if another
     * import (or check) holds it, in this process or another one (a CLI import while {@code serve}
     * runs), for longer than {@link #LOCK_PATIENCE}. The lock is a row lock ({@code work_lock}), so
     * it ends with the transaction, or with the connection of a process that died. Why wait at all:
     * PostgreSQL notices a killed client only when its server process next talks to it, so for a
     * moment after Ctrl-C or a crash the lock still looks held, and an import started again
     * at once would be refused for an import that no longer runs (KillDuringImportTest; measured there: up to half a second).
     */
    public static boolean lockImports(Handle h) {
        long deadline = System.nanoTime() + LOCK_PATIENCE.toNanos();
        while (true) {
            // a refused statement aborts a PostgreSQL transaction; the savepoint keeps the rest of it
            h.savepoint("import_lock");
            try {
                h.createQuery("SELECT name FROM work_lock WHERE name = 'import' FOR UPDATE NOWAIT").mapTo(String.class).findOne();
                h.releaseSavepoint("import_lock");
                return true;
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                if (!(e.getCause() instanceof java.sql.SQLException sql && isLockRefusal(sql))) {
                    throw e;
                }
                h.rollbackToSavepoint("import_lock");
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** H2: lock timeout (HYT00, 50200) or concurrent update; PostgreSQL: lock_not_available (55P03). */
    private static boolean isLockRefusal(java.sql.SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("55P03") || state.equals("HYT00") || e.getErrorCode() == 50200 || e.getErrorCode() == 90131;
    }

    public static long start(Handle h, String fileName, String sha256, String source, String format,
                             String mappingVersion, String user) {
        return h.createUpdate("INSERT INTO import(file_name, sha256, source, format, mapping_version, user_name, "
                        + "started_at, outcome) VALUES (:f, :sha, :src, :fmt, :mv, :u, :at, :o)")
                .bind("f", fileName).bind("sha", sha256).bind("src", source).bind("fmt", format)
                .bind("mv", mappingVersion).bind("u", user)
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC)).bind("o", RUNNING)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public static void finish(Handle h, long id, String outcome, long read, long accepted, long rejected,
                              String message, String periods, String variables) {
        h.createUpdate("UPDATE import SET outcome = :o, finished_at = :at, rows_read = :r, rows_accepted = :a, "
                        + "rows_rejected = :rj, message = :m, periods = :p, variables = :v WHERE id = :id")
                .bind("o", outcome).bind("at", OffsetDateTime.now(ZoneOffset.UTC)).bind("r", read)
                .bind("a", accepted).bind("rj", rejected).bind("m", truncate(message, 4000))
                .bind("p", truncate(periods, 400)).bind("v", truncate(variables, 4000)).bind("id", id).execute();
    }

    public static void supersede(Handle h, long oldId, long newId) {
        h.createUpdate("UPDATE import SET superseded_by = :n WHERE id = :o").bind("n", newId).bind("o", oldId).execute();
    }

    /** The active (imported, not superseded) import with this file hash, if any. */
    public static Optional<ImportRow> activeBySha(Handle h, String sha256) {
        return h.createQuery("SELECT " + COLUMNS + " FROM import WHERE sha256 = :s AND outcome = :o AND superseded_by IS NULL ORDER BY id DESC")
                .bind("s", sha256).bind("o", IMPORTED).map(ImportRepository::map).findFirst();
    }

    public static List<ImportRow> activeOfSource(Handle h, String source) {
        return h.createQuery("SELECT " + COLUMNS + " FROM import WHERE source = :s AND outcome = :o AND superseded_by IS NULL ORDER BY id")
                .bind("s", source).bind("o", IMPORTED).map(ImportRepository::map).list();
    }

    /** Every active import that delivered observations (its variables column is set). */
    public static List<ImportRow> activeWithObservations(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM import WHERE outcome = :o AND superseded_by IS NULL AND variables IS NOT NULL ORDER BY id")
                .bind("o", IMPORTED).map(ImportRepository::map).list();
    }

    /** The newest imported delivery of a source before {@code beforeId}, superseded or not. */
    public static Optional<ImportRow> previousOfSource(Handle h, String source, long beforeId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM import WHERE source = :s AND outcome = :o AND id < :b ORDER BY id DESC")
                .bind("s", source).bind("o", IMPORTED).bind("b", beforeId).map(ImportRepository::map).findFirst();
    }

    public static Optional<ImportRow> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM import WHERE id = :id").bind("id", id)
                .map(ImportRepository::map).findFirst();
    }

    /** The history, newest first. */
    public static List<ImportRow> history(Jdbi jdbi, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM import ORDER BY id DESC LIMIT :l")
                .bind("l", limit).map(ImportRepository::map).list());
    }

    private static ImportRow map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        long sup = rs.getLong("superseded_by");
        Long supersededBy = rs.wasNull() ? null : sup;
        return new ImportRow(rs.getLong("id"), rs.getString("file_name"), rs.getString("sha256"), rs.getString("source"),
                rs.getString("format"), rs.getString("mapping_version"), rs.getString("user_name"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getLong("rows_read"), rs.getLong("rows_accepted"), rs.getLong("rows_rejected"), rs.getString("outcome"),
                supersededBy, rs.getString("message"), rs.getString("periods"), rs.getString("variables"));
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
