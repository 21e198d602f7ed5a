package de.sozialmonitor.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.sozialmonitor.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything {@code check} found in one file: all problems at once (up to a cap, with counts of
 * what was left out, so a file with millions of bad rows still gives a readable report).
 */
public final class CheckReport {
    /** Problems kept in full; beyond this only counted per code. */
    public static final int MAX_LISTED = 10_000;

    private final String file;
    private String format = "?";
    private String source = "";
    private long rowsRead;
    private long rowsAccepted;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Long> countsByCode = new TreeMap<>();
    private long errors;
    private long warnings;

    private final ImportTexts texts;

    /** A report on {@code file} whose texts are in the language of {@code texts}. */
    public CheckReport(String file, ImportTexts texts) {
        this.file = file;
        this.texts = texts;
    }

    /** The language this report (and the import it belongs to) speaks. */
    public ImportTexts texts() {
        return texts;
    }

    public void add(Problem p) {
        if (p.isError()) {
            errors++;
        } else {
            warnings++;
        }
        countsByCode.merge(p.code(), 1L, Long::sum);
        if (problems.size() < MAX_LISTED) {
            problems.add(p);
        }
    }

    public String file() {
        return file;
    }

    public String format() {
        return format;
    }

    public void format(String f) {
        this.format = f;
    }

    public String source() {
        return source;
    }

    public void source(String s) {
        this.source = s;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public void rowsRead(long n) {
        this.rowsRead = n;
    }

    public long rowsAccepted() {
        return rowsAccepted;
    }

    public void rowsAccepted(long n) {
        this.rowsAccepted = n;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public long errorCount() {
        return errors;
    }

    public long warningCount() {
        return warnings;
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public Map<String, Long> countsByCode() {
        return Map.copyOf(countsByCode);
    }

    /** The report for people: one line per problem, then a summary. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            sb.append(p.isError() ? texts.get("severity.error") : texts.get("severity.warning")).append(": ");
            sb.append(p.file());
            if (p.sheet() != null && !p.sheet().isEmpty()) {
                sb.append(" [").append(p.sheet()).append(']');
            }
            if (p.row() > 0) {
                sb.append(' ').append(texts.get("where.row", p.row()));
            }
            if (p.column() != null && !p.column().isEmpty()) {
                sb.append(' ').append(texts.get("where.column", p.column()));
            }
            if (p.value() != null) {
                sb.append(" '").append(abbreviate(p.value())).append('\'');
            }
            sb.append(": ").append(p.reason()).append('\n');
        }
        long left = errors + warnings - problems.size();
        if (left > 0) {
            sb.append(texts.get("report.more", left, countsByCode)).append('\n');
        }
        sb.append(texts.get("report.summary", file, format, rowsRead, errors, warnings)).append('\n');
        return sb.toString();
    }

    public ObjectNode toJsonNode() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("file", file);
        root.put("format", format);
        root.put("source", source);
        root.put("rowsRead", rowsRead);
        root.put("errors", errors);
        root.put("warnings", warnings);
        root.put("ok", !hasErrors());
        ObjectNode counts = root.putObject("countsByCode");
        countsByCode.forEach(counts::put);
        ArrayNode list = root.putArray("problems");
        for (Problem p : problems) {
            ObjectNode n = list.addObject();
            n.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
            n.put("code", p.code());
            n.put("file", p.file());
            n.put("sheet", p.sheet());
            n.put("row", p.row());
            n.put("column", p.column());
            n.put("value", p.value());
            n.put("reason", p.reason());
        }
        return root;
    }

    public String toJson() {
        try {
            return Json.pretty().writeValueAsString(toJsonNode());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
