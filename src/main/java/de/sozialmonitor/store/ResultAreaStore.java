package de.sozialmonitor.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/**
 * The area results of the result sets, stored in blocks ({@link BlockCodec.ResultAreas}): one row
 * of {@code result_area_block} per result set and year, holding the set's areas in the order the
 * method computed them (the boundary version: name, level, parent, population) with their index
 * results and classes. A computation of a county of 385,008 areas writes one row instead of
 * 385,008 rows of 16 values, each with the database's per-row bookkeeping (issue 15,
 * docs/benchmarks.md). Both readers read a whole result set: {@link ResultRepository#load} and the
 * release's table ({@link ReleaseRepository#readAreaRows}).
 */
public final class ResultAreaStore {
    private ResultAreaStore() {
    }

    /** The areas of one year of a result set, in the order they were computed. */
    public record YearAreas(int year, BlockCodec.ResultAreas areas) {
    }

    /** Writes the areas of result set {@code setId} for {@code year} (once per set and year). */
    public static void write(Handle h, long setId, int year, BlockCodec.ResultAreas areas) {
        h.createUpdate("INSERT INTO result_area_block(result_set_id, year, area_count, data) VALUES (:id, :y, :n, :data)")
                .bind("id", setId).bind("y", year).bind("n", areas.size()).bind("data", BlockCodec.encodeResultAreas(areas)).execute();
    }

    /** The area blocks of a result set, by year ascending (empty if it has none). */
    public static List<YearAreas> read(Handle h, long setId) {
        List<Integer> years = h.createQuery("SELECT year FROM result_area_block WHERE result_set_id = :id ORDER BY year")
                .bind("id", setId).mapTo(Integer.class).list();
        List<YearAreas> out = new ArrayList<>(years.size());
        try (BlockQuery blocks = new BlockQuery(h, "SELECT data FROM result_area_block WHERE result_set_id = ? AND year = ?")) {
            for (int y : years) {
                out.add(new YearAreas(y, BlockCodec.decodeResultAreas(blocks.fetch(setId, y))));
            }
        }
        return out;
    }

    /**
     * Writes the area blocks of a result set anew through {@code change}: for corrections and for
     * tests that tamper with stored results.
     */
    public static void rewrite(Handle h, long setId, UnaryOperator<YearAreas> change) {
        List<YearAreas> all = read(h, setId);
        h.createUpdate("DELETE FROM result_area_block WHERE result_set_id = :id").bind("id", setId).execute();
        for (YearAreas a : all) {
            YearAreas c = change.apply(a);
            write(h, setId, c.year(), c.areas());
        }
    }
}
