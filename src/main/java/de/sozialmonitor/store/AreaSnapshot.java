package de.sozialmonitor.store;

import de.sozialmonitor.model.Area;
import java.lang.ref.SoftReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The territory's area versions as one stored block ({@code area_snapshot}, V106): every version,
 * ordered by code and start of validity, with the import that delivered it. An areas import writes
 * a whole new snapshot and deletes the old one in its transaction; the import lock
 * ({@code work_lock}) keeps two imports from merging into the same old snapshot.
 *
 * <p>The decoded snapshot is kept (the newest one read, by its random token, softly), so that the web's
 * pages and the light commands pay one small query instead of reading and decoding the block each
 * time: a county's snapshot holds hundreds of thousands of versions.
 */
final class AreaSnapshot {
    static final Comparator<Area> ORDER = Comparator.comparing(Area::code).thenComparing(Area::validFrom);

    /** One version with the import that delivered it (0: none known, as rows written before imports were tracked). */
    record Version(Area area, long importId) {
    }

    /** The decoded snapshot: versions in {@link #ORDER}, unmodifiable. */
    record Versions(String token, List<Version> versions, List<Area> areas) {
        static final Versions EMPTY = new Versions("", List.of(), List.of());

        /** The index of the first version of {@code code}, or where it would be. */
        int firstOf(String code) {
            int lo = 0;
            int hi = versions.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (versions.get(mid).area().code().compareTo(code) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The versions of one code, oldest first. */
        List<Version> of(String code) {
            int from = firstOf(code);
            int to = from;
            while (to < versions.size() && versions.get(to).area().code().equals(code)) {
                to++;
            }
            return versions.subList(from, to);
        }
    }

    /** Softly: the collector may drop a county's decoded versions (tens of megabytes) when memory runs short. */
    private static volatile SoftReference<Versions> cached = new SoftReference<>(Versions.EMPTY);

    private AreaSnapshot() {
    }

    /** The current snapshot as this handle sees it (inside an import: with the import's own versions). */
    static Versions read(Handle h) {
        String token = h.createQuery("SELECT token FROM area_snapshot ORDER BY id DESC LIMIT 1").mapTo(String.class).findFirst().orElse(null);
        if (token == null) {
            return Versions.EMPTY;
        }
        Versions c = cached.get();
        if (c != null && c.token().equals(token)) {
            return c;
        }
        byte[] data = h.createQuery("SELECT data FROM area_snapshot WHERE token = :t").bind("t", token)
                .map((rs, ctx) -> rs.getBytes(1)).one();
        Versions v = decode(token, data);
        cached = new SoftReference<>(v);
        return v;
    }

    /** The snapshot block of {@code versions}, which must be in {@link #ORDER}; {@link #decode} reads it back. */
    static byte[] encode(List<Version> versions) {
        int n = versions.size();
        String[] codes = new String[n];
        double[] from = new double[n];
        double[] to = new double[n];
        String[] names = new String[n];
        String[] levels = new String[n];
        String[] parents = new String[n];
        double[] imports = new double[n];
        Area prev = null;
        for (int i = 0; i < n; i++) {
            Version v = versions.get(i);
            Area a = v.area();
            if (prev != null && ORDER.compare(prev, a) >= 0) {
                throw new IllegalArgumentException("area versions not in order at " + a.code() + " " + a.validFrom());
            }
            prev = a;
            codes[i] = a.code();
            from[i] = a.validFrom().toEpochDay();
            to[i] = a.validTo() == null ? Double.NaN : a.validTo().toEpochDay();
            names[i] = a.name();
            levels[i] = a.level();
            parents[i] = a.parentCode();
            imports[i] = v.importId() == 0 ? Double.NaN : v.importId();
        }
        return BlockCodec.encodeAreaVersions(new BlockCodec.AreaVersions(codes, from, to, names, levels, parents, imports));
    }

    /** Stores {@code versions} (in {@link #ORDER}) as the new snapshot and deletes the previous one. */
    static void write(Handle h, List<Version> versions) {
        byte[] data = encode(versions);
        int n = versions.size();
        String token = UUID.randomUUID().toString();
        h.createUpdate("INSERT INTO area_snapshot(token, version_count, data) VALUES (:t, :n, :d)")
                .bind("t", token).bind("n", n).bind("d", data).execute();
        h.createUpdate("DELETE FROM area_snapshot WHERE token <> :t").bind("t", token).execute();
    }

    /** The versions after a delivery, in {@link #ORDER}, and the delivered versions that replaced a stored one. */
    record Merge(List<Version> versions, List<Version> replaced) {
    }

    /**
     * Merges a delivery into the stored versions ({@code current}, in {@link #ORDER}): a delivered
     * version replaces the stored one with the same code and start of validity; of two deliveries
     * of the same version the later one counts.
     */
    static Merge merge(List<Version> current, List<Version> delivery) {
        List<Version> delivered = new ArrayList<>(delivery);
        // a stable sort: equal deliveries keep their order, the last of them is taken below
        delivered.sort(Comparator.comparing(Version::area, ORDER));
        List<Version> merged = new ArrayList<>(current.size() + delivered.size());
        List<Version> replaced = new ArrayList<>();
        int i = 0;
        int k = 0;
        while (i < current.size() || k < delivered.size()) {
            if (k == delivered.size()) {
                merged.add(current.get(i++));
                continue;
            }
            Version d = delivered.get(k);
            while (k + 1 < delivered.size() && ORDER.compare(delivered.get(k + 1).area(), d.area()) == 0) {
                d = delivered.get(++k);
            }
            int c = i == current.size() ? 1 : ORDER.compare(current.get(i).area(), d.area());
            if (c < 0) {
                merged.add(current.get(i++));
            } else {
                if (c == 0) {
                    i++;
                    replaced.add(d);
                }
                merged.add(d);
                k++;
            }
        }
        return new Merge(merged, replaced);
    }

    static Versions decode(String token, byte[] data) {
        BlockCodec.AreaVersions a = BlockCodec.decodeAreaVersions(data);
        int n = a.size();
        List<Version> versions = new ArrayList<>(n);
        List<Area> areas = new ArrayList<>(n);
        // a county's versions share a handful of validity dates
        Map<Double, LocalDate> dates = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Area area = new Area(a.codes()[i], a.names()[i], a.levels()[i], a.parents()[i], date(a.validFrom()[i], dates),
                    date(a.validTo()[i], dates));
            double imp = a.importIds()[i];
            versions.add(new Version(area, Double.isNaN(imp) ? 0 : (long) imp));
            areas.add(area);
        }
        return new Versions(token, Collections.unmodifiableList(versions), Collections.unmodifiableList(areas));
    }

    private static LocalDate date(double epochDay, Map<Double, LocalDate> dates) {
        return Double.isNaN(epochDay) ? null : dates.computeIfAbsent(epochDay, d -> LocalDate.ofEpochDay(d.longValue()));
    }
}
