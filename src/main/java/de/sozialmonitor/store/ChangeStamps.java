package de.sozialmonitor.store;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A counter per kind of data that readers keep in memory (table {@code change_stamp}, V120). A
 * write raises its topic's stamp inside its own transaction, so the new stamp becomes visible
 * exactly when the data does; a reader that kept data read at stamp {@code s} reads it again once
 * the stamp is higher. Without this the web read measures, reference figures, the release list
 * and every boundary of a level anew for each request (issue 15: eleven queries a profile page).
 */
public final class ChangeStamps {
    /** What a stamp covers. */
    public enum Topic {
        /** Releases created or published. */
        RELEASES("releases"),
        /** Measures created, changed or deleted. */
        MEASURES("measures"),
        /** Reference regions, figures and other counties' packages. */
        REFERENCES("references"),
        /** Area versions and their geometries. */
        GEOMETRIES("geometries");

        private final String code;

        Topic(String code) {
            this.code = code;
        }
    }

    private ChangeStamps() {
    }

    /** Raises the stamp of {@code topic} inside the caller's transaction. */
    static void raise(Handle h, Topic topic) {
        h.createUpdate("UPDATE change_stamp SET stamp = stamp + 1 WHERE topic = :t").bind("t", topic.code).execute();
    }

    /** Every topic's current stamp, by {@link Topic#ordinal()}: one query for a reader that needs several. */
    public static long[] all(Jdbi jdbi) {
        Map<String, Long> byCode = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT topic, stamp FROM change_stamp")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> byCode.put(e.getKey(), e.getValue())));
        long[] stamps = new long[Topic.values().length];
        for (Topic t : Topic.values()) {
            stamps[t.ordinal()] = byCode.get(t.code); // V120 inserts every topic's row
        }
        return stamps;
    }

    /** The current stamp of {@code topic}. */
    public static long current(Jdbi jdbi, Topic topic) {
        return jdbi.withHandle(h -> h.createQuery("SELECT stamp FROM change_stamp WHERE topic = :t").bind("t", topic.code)
                .mapTo(Long.class).one());
    }
}
