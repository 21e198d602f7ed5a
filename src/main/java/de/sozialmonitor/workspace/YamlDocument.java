package de.sozialmonitor.workspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed YAML file that remembers the line of every key, so that configuration errors can say
 * where they are. Jackson's tree model forgets token locations; one extra streaming pass finds
 * them, made only when a line is first asked for (an error), not on every start of a command.
 */
public final class YamlDocument {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private final Path file;
    private final JsonNode root;
    private final String text;
    private volatile Map<String, Integer> lines;

    private YamlDocument(Path file, JsonNode root, String text) {
        this.file = file;
        this.root = root;
        this.text = text;
    }

    public static YamlDocument load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file, 0, null, "file.unreadable", String.valueOf(e.getMessage()));
        }
        return parse(file, text);
    }

    public static YamlDocument parse(Path file, String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode() || root.isNull()) {
                root = MAPPER.createObjectNode();
            }
            return new YamlDocument(file, root, text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(file, line, null, "yaml.invalid", e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file, 0, null, "file.unreadable", String.valueOf(e.getMessage()));
        }
    }

    /** One open mapping or list while streaming; {@code pushed} says whether it added a path segment. */
    private static final class Frame {
        final boolean array;
        final boolean pushed;
        int nextIndex;

        Frame(boolean array, boolean pushed) {
            this.array = array;
            this.pushed = pushed;
        }
    }

    private static Map<String, Integer> keyLines(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<Frame> frames = new ArrayDeque<>();
        try (JsonParser p = YAML.createParser(text)) {
            String pendingField = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = p.currentTokenLocation().getLineNr();
                if (t == JsonToken.FIELD_NAME) {
                    pendingField = p.currentName();
                    lines.put(pointer(path, pendingField), line);
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    String segment = nextSegment(pendingField, frames.peek());
                    if (segment != null) {
                        path.addLast(segment);
                        lines.putIfAbsent(pointer(path, null), line);
                    }
                    frames.push(new Frame(t == JsonToken.START_ARRAY, segment != null));
                    pendingField = null;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    if (frames.pop().pushed) {
                        path.removeLast();
                    }
                } else {
                    String segment = nextSegment(pendingField, frames.peek());
                    if (pendingField == null && segment != null) {
                        lines.putIfAbsent(pointer(path, segment), line);
                    }
                    pendingField = null;
                }
            }
        }
        return lines;
    }

    /** The path segment of the value that starts now: a field name, or the index within a list. */
    private static String nextSegment(String pendingField, Frame enclosing) {
        if (pendingField != null) {
            return pendingField;
        }
        if (enclosing != null && enclosing.array) {
            return Integer.toString(enclosing.nextIndex++);
        }
        return null;
    }

    private static String pointer(Deque<String> path, String last) {
        StringBuilder sb = new StringBuilder();
        for (String s : path) {
            sb.append('/').append(s);
        }
        if (last != null) {
            sb.append('/').append(last);
        }
        return sb.toString();
    }

    public Path file() {
        return file;
    }

    public ConfigNode root() {
        return new ConfigNode(this, "", root);
    }

    /** Line of the key at the JSON pointer, or of its nearest enclosing key; 0 if unknown. */
    int lineOf(String pointer) {
        Map<String, Integer> lines = lines();
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash <= 0) {
                return lines.getOrDefault(p, 0);
            }
            p = p.substring(0, slash);
        }
    }

    private Map<String, Integer> lines() {
        Map<String, Integer> l = lines;
        if (l == null) {
            try {
                l = keyLines(text);
            } catch (IOException e) {
                l = Map.of(); // the tree was read from the same text: not expected
            }
            lines = l;
        }
        return l;
    }

    static JsonNode missing() {
        return MissingNode.getInstance();
    }
}
