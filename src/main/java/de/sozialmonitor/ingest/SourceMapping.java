package de.sozialmonitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import de.sozialmonitor.workspace.ConfigException;
import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.YamlDocument;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapped source: {@code sources/NAME.yaml} says which files it describes ({@code pattern}, a
 * glob on the file name) and how to read them (sheet, header rows, layout, columns → variables and
 * target-group dimensions, area codes). See docs/import.md for the language with examples.
 */
final class SourceMapping {
    final String name;
    final Path file;
    final String version;
    final JsonNode root;

    private SourceMapping(String name, Path file, String version, JsonNode root) {
        this.name = name;
        this.file = file;
        this.version = version;
        this.root = root;
    }

    /** The names of the workspace's mappings ({@code sources/NAME.yaml}), sorted. */
    static List<String> names(Workspace ws) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(ws.sourcesDir())) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(ws.sourcesDir(), "*.{yaml,yml}")) {
                ds.forEach(p -> names.add(p.getFileName().toString().replaceFirst("\\.ya?ml$", "")));
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * The loader of the mapping chosen by name (whatever its pattern says), or null after
     * reporting that the workspace has no such mapping. Only names listed by {@link #names} are
     * accepted, so a name can never reach outside {@code sources/}.
     */
    static Loader loaderNamed(Workspace ws, Path file, String mapping, LoadContext ctx) throws IOException {
        if (!names(ws).contains(mapping)) {
            ctx.fileError("unknown_mapping", "file.unknownMapping", mapping);
            return null;
        }
        Path y = Files.isRegularFile(ws.sourcesDir().resolve(mapping + ".yaml"))
                ? ws.sourcesDir().resolve(mapping + ".yaml") : ws.sourcesDir().resolve(mapping + ".yml");
        return loader(file, read(y));
    }

    /** The loader for the mapping's layout. */
    private static Loader loader(Path file, SourceMapping m) {
        return switch (m.text("layout", "long")) {
            case "microdata" -> new MicrodataLoader(file, m);
            case "geojson" -> new GeoJsonLoader(file, GeoJsonMapping.of(m));
            default -> new MappedLoader(file, m);
        };
    }

    /** The loader of the first mapping whose pattern matches the file name, or null. */
    static Loader loaderFor(Workspace ws, Path file, LoadContext ctx) throws IOException {
        Path dir = ws.sourcesDir();
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<Path> yamls = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
            ds.forEach(yamls::add);
        }
        yamls.sort(null);
        String fileName = file.getFileName().toString();
        for (Path y : yamls) {
            SourceMapping m = read(y);
            String pattern = m.text("pattern", null);
            if (pattern == null) {
                throw new ConfigException(y, 0, "pattern", "mapping.pattern");
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            if (matcher.matches(Path.of(fileName))) {
                return loader(file, m);
            }
        }
        return null;
    }

    static SourceMapping read(Path yaml) throws IOException {
        byte[] bytes = Files.readAllBytes(yaml);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        JsonNode root = YamlDocument.parse(yaml, text).root().raw();
        if (text.isBlank() || !root.isObject()) {
            throw new ConfigException(yaml, 0, null, "mapping.notMapping");
        }
        String name = yaml.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String hash;
        try {
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new SourceMapping(name, yaml, "sources/" + yaml.getFileName() + "@" + hash, root);
    }

    /** This mapping with some keys replaced (the keys of one sheet in a list of sheets). */
    SourceMapping with(JsonNode overrides) {
        com.fasterxml.jackson.databind.node.ObjectNode merged = ((com.fasterxml.jackson.databind.node.ObjectNode) root).deepCopy();
        overrides.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        return new SourceMapping(name, file, version, merged);
    }

    String text(String key, String fallback) {
        JsonNode n = root.get(key);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    JsonNode node(String key) {
        return root.path(key);
    }

    int integer(String key, int fallback) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.canConvertToInt()) {
            throw fail(key, "value.notWhole", root.get(key).asText());
        }
        return n.asInt();
    }

    /** An error of this mapping at {@code key}: {@code reasonKey} is a text of {@code i18n/config[_de].properties}. */
    ConfigException fail(String key, String reasonKey, Object... args) {
        return new ConfigException(file, 0, key, reasonKey, args);
    }

    static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        }
        return m;
    }

    /** The source name: {@code source:} in the mapping, else the mapping's file name. */
    String sourceName() {
        return text("source", name);
    }
}
