package de.sozialmonitor.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.sozialmonitor.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a release freezes, serialised canonically (keys sorted, no whitespace, numbers as
 * Java prints doubles), so that the same inputs always give the same bytes and the same SHA-256.
 * Contains internal, unprotected results (for verification and staff); only {@link #published()}
 * rows ever leave the organisation.
 *
 * @param method    the method parameters as the result set recorded them (JSON)
 * @param catalog   the indicator catalog as the result set recorded it (JSON)
 * @param inputs    the result set's own record of its inputs (JSON)
 * @param imports   the active imports (file, SHA-256) at the time of the release
 * @param data      the frozen results the protected table is computed from
 * @param stats     means and SDs per indicator and year (internal: they could reveal hidden rates)
 * @param publicRecord the numbers of the releases that were published when this one was created:
 *                  its disclosure control protected against them together (absent, null, in releases
 *                  frozen before that was done; then left out of the JSON, so their bytes stay the same)
 * @param areaInputs the area versions, levels and boundary changes the results were computed on, so
 *                  that {@code release verify} recomputes on them even after a new areas delivery
 *                  (absent in releases frozen before; their recomputation reads the areas as they are now)
 * @param source    the data's source and licence ({@code source} in sozialmonitor.yaml) for real, published
 *                  data; null when the workspace names none (and in releases frozen before), then left out
 *                  of the JSON, so that their bytes stay the same
 * @param certainty the class certainty (shares internal, bands public) and what reproduces it; null in
 *                  releases frozen before it was frozen, then left out of the JSON, so their bytes stay the same
 */
public record ReleaseContent(String format, int number, String title, int year, Integer corrects,
                             String territoryCode, String territoryName, boolean synthetic,
                             Rules rules, long resultSetId, String analysisLevel, JsonNode method, JsonNode catalog,
                             JsonNode inputs, List<InputFile> imports, FrozenResults data, List<StatRow> stats,
                             ReleaseTableBuilder.Summary summary, List<PublishedRow> published,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> publicRecord,
                             @JsonInclude(JsonInclude.Include.NON_NULL) AreaInputs areaInputs,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String source,
                             @JsonInclude(JsonInclude.Include.NON_NULL) ReleaseCertainty certainty) {

    public static final String FORMAT = "sozialmonitor-release-content/1";

    /**
     * The disclosure-control parameters in force. {@code scheme} is absent (null) in releases frozen
     * before the public record was protected as a whole ({@link DisclosureRules#SINGLE_RELEASE});
     * left out of the JSON then, so that their canonical bytes stay what they were.
     */
    public record Rules(int minCount, Map<String, Integer> minCountByVariable, double minPopulationForRates,
                        double protectionWidth, @JsonInclude(JsonInclude.Include.NON_NULL) Integer scheme) {
        public Rules {
            minCountByVariable = new TreeMap<>(minCountByVariable);
        }

        public static Rules of(DisclosureRules r) {
            return new Rules(r.privacy().minCount(), r.privacy().minCountByVariable(), r.privacy().minPopulationForRates(),
                    r.protectionWidth(), r.singleRelease() ? null : r.scheme());
        }

        public DisclosureRules toRules() {
            return new DisclosureRules(new de.sozialmonitor.model.PrivacyConfig(minCount, minCountByVariable, minPopulationForRates),
                    protectionWidth, scheme == null ? DisclosureRules.SINGLE_RELEASE : scheme);
        }
    }

    /** The areas the method computed on: level order, every area version, every boundary change (dates ISO). */
    public record AreaInputs(List<String> levels, List<AreaVersion> areas, List<Change> changes) {
        public AreaInputs {
            levels = List.copyOf(levels);
            areas = List.copyOf(areas);
            changes = List.copyOf(changes);
        }

        public record AreaVersion(String code, String name, String level, String parentCode, String validFrom, String validTo) {
        }

        public record Change(String predecessor, String successor, double weight, String date) {
        }
    }

    /** An input file the results were computed from. */
    public record InputFile(long importId, String fileName, String sha256, String source) {
    }

    /** One row of {@code result_stat}. */
    public record StatRow(int year, String component, String indicatorId, int n, Double mean, Double sd, boolean leftOut) {
    }

    /** This content with the class certainty frozen into it. */
    public ReleaseContent withCertainty(ReleaseCertainty c) {
        return new ReleaseContent(format, number, title, year, corrects, territoryCode, territoryName, synthetic, rules,
                resultSetId, analysisLevel, method, catalog, inputs, imports, data, stats, summary, published, publicRecord,
                areaInputs, source, c);
    }

    /** The canonical bytes. */
    public byte[] canonicalBytes() {
        try {
            ReleaseContent sorted = new ReleaseContent(format, number, title, year, corrects, territoryCode, territoryName,
                    synthetic, rules, resultSetId, analysisLevel, sorted(method), sorted(catalog), sorted(inputs), imports,
                    data, stats, summary, published, publicRecord, areaInputs, source, certainty);
            return Json.canonical().writeValueAsString(sorted).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise release " + number, e);
        }
    }

    public static ReleaseContent parse(String json) {
        try {
            return Json.canonical().readValue(json, ReleaseContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored release content is not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** Text as JSON if it is JSON, else as a JSON string (the result set's columns are free text). */
    public static JsonNode jsonOrText(String text) {
        if (text == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return sorted(Json.canonical().readTree(text));
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    /** The same tree with the keys of every object sorted. */
    static JsonNode sorted(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String n : names) {
                o.set(n, sorted(node.get(n)));
            }
            return o;
        }
        if (node.isArray()) {
            var a = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> a.add(sorted(e)));
            return a;
        }
        return node;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
