package de.sozialmonitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The declared address → area lookup of a register extract ({@code address:} in a microdata
 * mapping): a CSV or XLSX file beside the mapping with the key column(s) and the area code, e.g.
 * {@code strassenschluessel;hausnummer;area_code}. It is read once, streamed, into a map from the
 * normalised key to the area's index; the extract's rows then find their area by the same key.
 * The lookup holds addresses, not people: nothing of it is stored.
 */
final class AddressLookup {
    /** Separates the parts of a composite key (street key + house number); cannot occur in a cell. */
    private static final char SEP = '\u001F';

    final Path file;
    final List<String> extractColumns;
    private final Map<String, Integer> areaByKey = new HashMap<>();

    private AddressLookup(Path file, List<String> extractColumns) {
        this.file = file;
        this.extractColumns = extractColumns;
    }

    /** The file the mapping names, relative to the mapping's folder ({@code sources/}). */
    static Path fileOf(SourceMapping m) {
        String name = m.node("address").path("lookup").asText(null);
        if (name == null || name.isBlank()) {
            throw m.fail("address", "mapping.address.lookup");
        }
        Path p = Path.of(name);
        return p.isAbsolute() ? p : m.file.toAbsolutePath().getParent().resolve(p);
    }

    /** Column names of the address key in the extract: {@code column: X} or {@code columns: [X, Y]}. */
    static List<String> extractColumns(SourceMapping m) {
        JsonNode spec = m.node("address");
        List<String> cols = new ArrayList<>();
        if (spec.path("columns").isArray()) {
            spec.path("columns").forEach(c -> cols.add(c.asText()));
        } else if (spec.hasNonNull("column")) {
            cols.add(spec.get("column").asText());
        }
        if (cols.isEmpty()) {
            throw m.fail("address", "mapping.address.columns");
        }
        return cols;
    }

    /**
     * Reads the lookup, reporting problems with the lookup's file name, row and column: a missing
     * column, an area code that is not a known area, one key given two different areas.
     * {@code areaIndex} maps known area codes to the caller's indexes.
     */
    static AddressLookup read(SourceMapping m, LoadContext ctx, Map<String, Integer> areaIndex) throws IOException {
        Path file = fileOf(m);
        List<String> extractCols = extractColumns(m);
        JsonNode spec = m.node("address");
        List<String> keyCols = new ArrayList<>();
        if (spec.path("lookup_columns").isArray()) {
            spec.path("lookup_columns").forEach(c -> keyCols.add(c.asText()));
        } else {
            keyCols.addAll(extractCols);
        }
        if (keyCols.size() != extractCols.size()) {
            throw m.fail("address", "mapping.address.lookupColumns");
        }
        String areaCol = spec.path("area_column").asText("area_code");
        String lookupName = file.getFileName().toString();
        AddressLookup lookup = new AddressLookup(file, extractCols);
        if (!Files.isRegularFile(file)) {
            ctx.error("missing_lookup", null, 0, "address.lookup", m.node("address").path("lookup").asText(),
                    "address.noLookup", file.toString());
            return null;
        }
        CsvDialect dialect = SheetRows.isXlsx(file) ? null : CsvDialect.detect(file);
        int[][] cols = {null};
        boolean[] failed = {false};
        SheetRows.forEach(file, null, dialect, line -> {
            if (failed[0] || line.blank()) {
                return;
            }
            if (cols[0] == null) {
                int[] c = new int[keyCols.size() + 1];
                for (int i = 0; i < keyCols.size(); i++) {
                    c[i] = MappedLoader.column(line.cells(), keyCols.get(i));
                }
                c[keyCols.size()] = MappedLoader.column(line.cells(), areaCol);
                for (int i = 0; i < c.length; i++) {
                    if (c[i] < 0) {
                        String name = i < keyCols.size() ? keyCols.get(i) : areaCol;
                        ctx.report.add(new Problem(Severity.ERROR, "missing_column", lookupName, null, line.number(), name, null,
                                ctx.texts.get("address.lookupColumn", name)));
                        failed[0] = true;
                    }
                }
                cols[0] = c;
                return;
            }
            int[] c = cols[0];
            String code = line.cell(c[keyCols.size()]);
            Integer area = areaIndex.get(code);
            if (area == null) {
                ctx.report.add(new Problem(Severity.ERROR, "unknown_area", lookupName, null, line.number(), areaCol, code,
                        ctx.texts.get(code.isEmpty() ? "area.empty" : "area.unknown")));
                return;
            }
            String[] parts = new String[keyCols.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = line.cell(c[i]);
            }
            String key = key(parts);
            Integer before = lookup.areaByKey.putIfAbsent(key, area);
            if (before != null && !before.equals(area)) {
                ctx.report.add(new Problem(Severity.ERROR, "ambiguous_address", lookupName, null, line.number(),
                        String.join("+", keyCols), String.join(" ", parts), ctx.texts.get("address.ambiguous")));
            }
        });
        if (cols[0] == null) {
            ctx.report.add(new Problem(Severity.ERROR, "empty_file", lookupName, null, 0, null, null, ctx.texts.get("file.noRows")));
        }
        return lookup;
    }

    /**
     * The key as compared: each part trimmed, upper case, without inner spaces, so that
     * {@code 12 a}, {@code 12a} and {@code 12A} are one house number.
     */
    static String key(String... parts) {
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(SEP);
            }
            String p = parts[i] == null ? "" : parts[i];
            for (int j = 0; j < p.length(); j++) {
                char ch = p.charAt(j);
                if (!Character.isWhitespace(ch)) {
                    sb.append(Character.toUpperCase(ch));
                }
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** The area index for a row's key parts, or -1. */
    int area(String key) {
        Integer a = areaByKey.get(key);
        return a == null ? -1 : a;
    }

    int size() {
        return areaByKey.size();
    }

    /** Version of the lookup for provenance: file name and the start of its SHA-256. */
    static String version(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return file.getFileName() + "@" + java.util.HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (IOException e) {
            return file.getFileName() + "@?";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
