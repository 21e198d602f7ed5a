package de.sozialmonitor.ingest;

import de.sozialmonitor.store.AreaRepository;
import de.sozialmonitor.store.Database;

/** What the data basis holds, compactly: row counts and sums of every table ingest writes. */
final class DatabaseSnapshot {
    private DatabaseSnapshot() {
    }

    static String of(Database db) {
        return db.jdbi().withHandle(h -> String.join(" | ",
                h.createQuery("SELECT COUNT(*) || ':' || COALESCE(SUM(value_count), 0) FROM observation_block").mapTo(String.class).one(),
                h.createQuery("SELECT COUNT(*) FROM observation_areas").mapTo(String.class).one(),
                AreaRepository.areas(h).size() + ":" + h.createQuery("SELECT COUNT(*) FROM area_geometry").mapTo(String.class).one(),
                h.createQuery("SELECT COUNT(*) FROM area_level").mapTo(String.class).one(),
                h.createQuery("SELECT COUNT(*) FROM territory").mapTo(String.class).one(),
                h.createQuery("SELECT COUNT(*) FROM boundary_change").mapTo(String.class).one(),
                h.createQuery("SELECT COUNT(*) FROM import WHERE outcome = 'imported' AND superseded_by IS NULL").mapTo(String.class).one(),
                h.createQuery("SELECT COUNT(*) FROM import WHERE outcome = 'running'").mapTo(String.class).one(),
                // a new snapshot of the areas has a new token, even where it holds as many versions
                h.createQuery("SELECT COALESCE(MAX(token), '-') FROM area_snapshot").mapTo(String.class).one()));
    }
}
