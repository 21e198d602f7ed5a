package de.sozialmonitor.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import de.sozialmonitor.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Gives back the space of stored data that nothing can read any more, inside the caller's
 * transaction (an import's or a computation's, so that it lands with them or not at all):
 * <ul>
 * <li>result sets that no release uses and that a newer computation of the same year replaced
 * (every reader takes the newest set of a year; a release keeps its own set for {@code release
 * verify});</li>
 * <li>the stored observations of imports that a later delivery superseded, unless a release or a
 * kept result set recorded them as its input ({@code release verify} recomputes from exactly those).
 * The import's row stays in the history.</li>
 * </ul>
 * The audit log keeps a record of what was removed. The embedded database's file shrinks when it is
 * closed ({@link EmbeddedCompaction}); PostgreSQL reuses the space after its autovacuum.
 */
public final class Housekeeping {
    /** What {@link #prune} removed: result set ids, import ids whose observations went, and the blocks' bytes. */
    public record Pruned(List<Long> resultSets, List<Long> importsCleared, long bytes) {
        public boolean isEmpty() {
            return resultSets.isEmpty() && importsCleared.isEmpty();
        }

        /** For the audit log. */
        public String describe() {
            return "result_sets=" + resultSets + "; observations_of_imports=" + importsCleared + "; bytes=" + bytes;
        }
    }

    private Housekeeping() {
    }

    public static Pruned prune(Handle h) {
        long bytes = 0;
        List<Long> sets = h.createQuery("SELECT s.id FROM result_set s WHERE s.id NOT IN (SELECT result_set_id FROM release) "
                        + "AND s.id < (SELECT MAX(t.id) FROM result_set t WHERE t.year = s.year) ORDER BY s.id")
                .mapTo(Long.class).list();
        for (long id : sets) {
            bytes += ResultRepository.delete(h, id);
        }
        List<Long> candidates = h.createQuery("SELECT i.id FROM import i WHERE i.superseded_by IS NOT NULL "
                        + "AND i.id IN (SELECT import_id FROM observation_areas) ORDER BY i.id")
                .mapTo(Long.class).list();
        List<Long> cleared = new ArrayList<>();
        if (!candidates.isEmpty()) {
            Set<Long> recorded = recordedInputs(h);
            for (long id : candidates) {
                if (!recorded.contains(id)) {
                    bytes += ObservationStore.delete(h, id);
                    cleared.add(id);
                }
            }
        }
        return new Pruned(sets, cleared, bytes);
    }

    /** The imports that a release or a remaining result set names as its input. */
    private static Set<Long> recordedInputs(Handle h) {
        Set<Long> ids = new TreeSet<>();
        h.createQuery("SELECT inputs_json FROM result_set").mapTo(String.class)
                .forEach(json -> importIds(json, ids));
        h.createQuery("SELECT content FROM release").mapTo(String.class)
                .forEach(content -> releaseImportIds(content, ids));
        return ids;
    }

    /** {@code {"imports": [{"id": …}, …], …}}, as {@link ResultRepository#save} writes the provenance. */
    static void importIds(String inputsJson, Set<Long> into) {
        if (inputsJson == null || inputsJson.isBlank()) {
            return;
        }
        try {
            addIds(Json.canonical().readTree(inputsJson).path("imports"), "id", into);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable inputs of a result set", e);
        }
    }

    /**
     * The import ids of a frozen release: its {@code imports} (the active imports when it was made)
     * and its {@code inputs.imports} (its result set's provenance). Streams past the rest, which for
     * a large territory is most of the text.
     */
    static void releaseImportIds(String content, Set<Long> into) {
        try (JsonParser p = Json.canonical().createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("imports".equals(field)) {
                    addIds(p.readValueAsTree(), "importId", into);
                } else if ("inputs".equals(field)) {
                    addIds(((JsonNode) p.readValueAsTree()).path("imports"), "id", into);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable release content", e);
        }
    }

    /** The whole-number {@code field} of every element of the JSON array {@code imports}. */
    private static void addIds(JsonNode imports, String field, Set<Long> into) {
        imports.forEach(i -> {
            if (i.path(field).canConvertToLong()) {
                into.add(i.path(field).asLong());
            }
        });
    }
}
