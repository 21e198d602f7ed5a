package de.sozialmonitor.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a {@code datapackage.json} against the published JSON Schemas of the Frictionless Data
 * specifications (v1): the descriptor against the Data Package profile, and every resource that
 * declares {@code "profile": "tabular-data-resource"} against the Tabular Data Resource profile,
 * which holds the Table Schema. The schemas are bundled ({@code /frictionless/}, taken unchanged
 * from the npm package {@code datapackage} 1.1.10 of the Frictionless project, MIT licence), so
 * the check needs no network. Used by {@code export package} (on what it writes) and by
 * {@code import package} (on what it reads).
 */
public final class DataPackageProfile {
    /** One place where a descriptor breaks its profile: a JSON pointer ({@code /resources/0/schema/fields/2}) and the reason. */
    public record Violation(String pointer, String reason) {
    }

    private static final JsonSchema PACKAGE = load("/frictionless/data-package.json");
    private static final JsonSchema TABULAR_RESOURCE = load("/frictionless/tabular-data-resource.json");

    private DataPackageProfile() {
    }

    /** Every violation of the descriptor, ordered by where it is; empty if it conforms. */
    public static List<Violation> check(JsonNode descriptor) {
        List<Violation> out = new ArrayList<>();
        add(out, "", PACKAGE, descriptor);
        JsonNode resources = descriptor.path("resources");
        for (int i = 0; i < resources.size(); i++) {
            JsonNode r = resources.get(i);
            if ("tabular-data-resource".equals(r.path("profile").asText())) {
                add(out, "/resources/" + i, TABULAR_RESOURCE, r);
            }
        }
        out.sort(Comparator.comparing(Violation::pointer).thenComparing(Violation::reason));
        return out.stream().distinct().toList();
    }

    private static void add(List<Violation> out, String prefix, JsonSchema schema, JsonNode node) {
        for (ValidationMessage m : schema.validate(node)) {
            String where = m.getInstanceLocation() == null ? "" : pointer(m.getInstanceLocation().toString());
            out.add(new Violation(prefix + where, m.getMessage()));
        }
    }

    /** The library names places as {@code $.resources[0].name}; a JSON pointer is what a reader can look up. */
    private static String pointer(String path) {
        String p = path.startsWith("$") ? path.substring(1) : path;
        return p.replaceAll("\\[(\\d+)]", "/$1").replaceAll("\\['([^']*)']", "/$1").replace('.', '/');
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = DataPackageProfile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled schema " + resource);
            }
            JsonNode schema = Json.MAPPER.readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
