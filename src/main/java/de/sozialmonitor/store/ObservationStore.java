package de.sozialmonitor.store;

import de.sozialmonitor.model.Observation;
import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.model.ValueStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk writes of observations (JDBC batches on H2, COPY on PostgreSQL) and the reads that
 * import needs: the diff against a superseded delivery and the plausibility comparisons.
 * "Active" means: the import has outcome 'imported' and is not superseded.
 */
public final class ObservationStore {
    private ObservationStore() {
    }

    /** Streams observations of one import into the database, inside the caller's transaction. */
    public interface Writer extends AutoCloseable {
        void add(String areaCode, int year, String variable, String targetGroup, Double value, String status);

        /** Sends what is buffered; the rows become visible inside the transaction. */
        void flush();

        @Override
        void close();
    }

    public static Writer writer(Handle h, long importId, boolean postgres) {
        try {
            return postgres ? new CopyWriter(h.getConnection(), importId) : new BatchWriter(h.getConnection(), importId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start writing observations: " + e.getMessage(), e);
        }
    }

    /** JDBC batches of prepared inserts (H2). */
    private static final class BatchWriter implements Writer {
        private static final int BATCH = 10_000;
        private final PreparedStatement ps;
        private final long importId;
        private int pending;

        BatchWriter(Connection c, long importId) throws SQLException {
            this.ps = c.prepareStatement("INSERT INTO observation(import_id, area_code, year, variable, target_group, value, status) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)");
            this.importId = importId;
        }

        @Override
        public void add(String areaCode, int year, String variable, String targetGroup, Double value, String status) {
            try {
                ps.setLong(1, importId);
                ps.setString(2, areaCode);
                ps.setInt(3, year);
                ps.setString(4, variable);
                ps.setString(5, targetGroup);
                if (value == null) {
                    ps.setNull(6, Types.DOUBLE);
                } else {
                    ps.setDouble(6, value);
                }
                ps.setString(7, status);
                ps.addBatch();
                if (++pending == BATCH) {
                    flush();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("writing observations failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void flush() {
            if (pending == 0) {
                return;
            }
            try {
                ps.executeBatch();
                pending = 0;
            } catch (SQLException e) {
                throw new IllegalStateException("writing observations failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            flush();
            try {
                ps.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** PostgreSQL COPY in text format: one round trip per megabyte instead of per batch. */
    private static final class CopyWriter implements Writer {
        private static final int CHUNK = 1 << 20;
        private final CopyIn copy;
        private final String prefix;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(CHUNK + 4096);
        private final StringBuilder line = new StringBuilder(128);

        CopyWriter(Connection c, long importId) throws SQLException {
            this.copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY observation(import_id, area_code, year, variable, target_group, value, status) FROM STDIN");
            this.prefix = importId + "\t";
        }

        @Override
        public void add(String areaCode, int year, String variable, String targetGroup, Double value, String status) {
            line.setLength(0);
            line.append(prefix);
            escape(areaCode);
            line.append('\t').append(year).append('\t');
            escape(variable);
            line.append('\t');
            escape(targetGroup);
            line.append('\t');
            if (value == null) {
                line.append("\\N");
            } else {
                line.append(value.doubleValue());
            }
            line.append('\t').append(status).append('\n');
            byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
            buf.write(b, 0, b.length);
            if (buf.size() >= CHUNK) {
                send();
            }
        }

        private void escape(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }

        private void send() {
            try {
                byte[] data = buf.toByteArray();
                copy.writeToCopy(data, 0, data.length);
                buf.reset();
            } catch (SQLException e) {
                throw new IllegalStateException("writing observations failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void flush() {
            // COPY rows become visible only at endCopy; callers flush before they query
            close();
        }

        private boolean ended;

        @Override
        public void close() {
            if (ended) {
                return;
            }
            ended = true;
            send();
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("writing observations failed: " + e.getMessage(), e);
            }
        }
    }

    /** One changed, added or removed value between a superseded delivery and its correction. */
    public record Change(String areaCode, int year, String variable, String targetGroup,
                         Double oldValue, String oldStatus, Double newValue, String newStatus) {
    }

    /** What a corrected delivery changed against the ones it supersedes. */
    public record Diff(long changed, long added, long removed, List<Change> sample) {
        public boolean empty() {
            return changed == 0 && added == 0 && removed == 0;
        }
    }

    public static Diff diff(Handle h, List<Long> oldIds, long newId, int sampleSize) {
        if (oldIds.isEmpty()) {
            return new Diff(0, 0, 0, List.of());
        }
        String olds = inList(oldIds);
        String key = "o.area_code = n.area_code AND o.year = n.year AND o.variable = n.variable AND o.target_group = n.target_group";
        String changedWhere = " FROM observation o JOIN observation n ON " + key + " WHERE o.import_id IN (" + olds
                + ") AND n.import_id = :n AND (o.status <> n.status OR (o.value IS NULL) <> (n.value IS NULL) OR o.value <> n.value)";
        long changed = h.createQuery("SELECT COUNT(*)" + changedWhere).bind("n", newId).mapTo(Long.class).one();
        long added = h.createQuery("SELECT COUNT(*) FROM observation n WHERE n.import_id = :n AND NOT EXISTS (SELECT 1 FROM observation o WHERE "
                + key + " AND o.import_id IN (" + olds + "))").bind("n", newId).mapTo(Long.class).one();
        long removed = h.createQuery("SELECT COUNT(*) FROM observation o WHERE o.import_id IN (" + olds + ") AND NOT EXISTS (SELECT 1 FROM observation n WHERE "
                + key + " AND n.import_id = :n)").bind("n", newId).mapTo(Long.class).one();
        List<Change> sample = new ArrayList<>(h.createQuery("SELECT o.area_code, o.year, o.variable, o.target_group, o.value, o.status, n.value, n.status"
                        + changedWhere + " ORDER BY o.variable, o.year, o.area_code, o.target_group LIMIT :l")
                .bind("n", newId).bind("l", sampleSize)
                .map((rs, ctx) -> new Change(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        (Double) rs.getObject(5, Double.class), rs.getString(6), (Double) rs.getObject(7, Double.class), rs.getString(8)))
                .list());
        return new Diff(changed, added, removed, sample);
    }

    /** Area codes present in import {@code oldId} but not in import {@code newId}. */
    public static List<String> areasMissing(Handle h, long oldId, long newId, int limit) {
        return h.createQuery("SELECT DISTINCT o.area_code FROM observation o WHERE o.import_id = :o AND NOT EXISTS "
                        + "(SELECT 1 FROM observation n WHERE n.import_id = :n AND n.area_code = o.area_code) ORDER BY o.area_code LIMIT :l")
                .bind("o", oldId).bind("n", newId).bind("l", limit).mapTo(String.class).list();
    }

    /**
     * Keys of import {@code newId} that an active import among {@code otherIds} already delivers
     * (two active values for the same figure would make results depend on chance).
     */
    public static List<Change> conflicts(Handle h, long newId, List<Long> otherIds, int limit) {
        if (otherIds.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT n.area_code, n.year, n.variable, n.target_group, o.value, o.status, n.value, n.status, o.import_id "
                        + "FROM observation n JOIN observation o ON o.area_code = n.area_code AND o.year = n.year "
                        + "AND o.variable = n.variable AND o.target_group = n.target_group "
                        + "WHERE n.import_id = :n AND o.import_id IN (" + inList(otherIds) + ") ORDER BY n.variable, n.year, n.area_code LIMIT :l")
                .bind("n", newId).bind("l", limit)
                .map((rs, ctx) -> new Change(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        (Double) rs.getObject(5, Double.class), rs.getString(6) + "#" + rs.getLong(9),
                        (Double) rs.getObject(7, Double.class), rs.getString(8)))
                .list();
    }

    /** A usable value (status ok, nothing, estimated) of an observation. */
    public record StoredValue(String areaCode, int year, String variable, String targetGroup, double value) {
    }

    /** Streams the usable values of the given imports (the plausibility check of a new import compares with them). */
    public static void forEachValue(Handle h, java.util.Collection<? extends Number> importIds,
                                    java.util.function.Consumer<StoredValue> consumer) {
        if (importIds.isEmpty()) {
            return;
        }
        h.createQuery("SELECT area_code, year, variable, target_group, value FROM observation WHERE import_id IN (<ids>) "
                        + "AND value IS NOT NULL AND status IN ('OK', 'NOTHING', 'ESTIMATED')")
                .bindList("ids", importIds.stream().map(Number::longValue).toList())
                .setFetchSize(10_000)
                .map((rs, ctx) -> new StoredValue(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getDouble(5)))
                .forEach(consumer);
    }

    public static long count(Handle h, long importId) {
        return h.createQuery("SELECT COUNT(*) FROM observation WHERE import_id = :i").bind("i", importId).mapTo(Long.class).one();
    }

    /** All active observations (for tools and tests; the method part reads the tables directly). */
    public static List<Observation> active(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT o.area_code, o.year, o.variable, o.target_group, o.value, o.status "
                        + "FROM observation o JOIN import i ON i.id = o.import_id WHERE i.outcome = 'imported' AND i.superseded_by IS NULL "
                        + "ORDER BY o.variable, o.year, o.area_code, o.target_group")
                .map((rs, ctx) -> new Observation(rs.getString(1), rs.getInt(2), rs.getString(3), TargetGroup.parse(rs.getString(4)),
                        (Double) rs.getObject(5, Double.class), ValueStatus.valueOf(rs.getString(6))))
                .list());
    }

    private static String inList(List<Long> ids) {
        StringBuilder sb = new StringBuilder();
        for (Long id : ids) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(id.longValue());
        }
        return sb.toString();
    }
}
