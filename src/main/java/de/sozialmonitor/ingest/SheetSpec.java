package de.sozialmonitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One sheet a mapping reads, with the mapping as it applies to that sheet. A mapping names one
 * sheet ({@code sheet: "Tabelle 2"}), or several with the same layout ({@code sheets: ["2022",
 * "2023"]}, also as {@code sheet: [...]}), where an entry may be a glob ({@code "Tabelle 20*"}) or a
 * spec whose keys override the mapping's for that sheet ({@code {name: "2023", header_row: 5}}).
 * {@code year: sheet} takes the year from the sheet's name (one sheet per year).
 */
record SheetSpec(String name, SourceMapping mapping) {

    static List<SheetSpec> of(SourceMapping m, Path file) throws IOException {
        JsonNode list = m.node("sheets").isMissingNode() ? m.node("sheet") : m.node("sheets");
        if (!m.node("sheets").isMissingNode() && !m.node("sheet").isMissingNode()) {
            throw m.fail("sheets", "mapping.sheets.both");
        }
        if (!list.isArray()) {
            if (!list.isMissingNode() && !list.isNull() && !list.isTextual()) {
                throw m.fail("sheet", "mapping.sheet.name");
            }
            return List.of(new SheetSpec(list.isTextual() ? list.asText() : null, m));
        }
        if (list.isEmpty()) {
            throw m.fail("sheets", "mapping.sheets.none");
        }
        if (!SheetRows.isXlsx(file)) {
            throw m.fail("sheets", "mapping.sheets.text", file.getFileName().toString());
        }
        List<String> present = null;
        List<SheetSpec> specs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode entry : list) {
            JsonNode overrides = entry.isObject() ? entry : null;
            String name = entry.isObject() ? entry.path("name").asText(null) : entry.asText(null);
            if (name == null || name.isBlank()) {
                throw m.fail("sheets", "mapping.sheets.entry");
            }
            SourceMapping sm = overrides == null ? m : m.with(withoutName(overrides));
            if (name.contains("*") || name.contains("?")) {
                if (present == null) {
                    present = SheetRows.sheetNames(file);
                }
                PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + name);
                boolean any = false;
                for (String p : present) {
                    if (glob.matches(Path.of(p.replace('/', '_'))) && seen.add(p)) {
                        specs.add(new SheetSpec(p, sm));
                        any = true;
                    }
                }
                if (!any) {
                    throw new SheetRows.MissingSheetException(name, present);
                }
            } else if (seen.add(name)) {
                specs.add(new SheetSpec(name, sm));
            }
        }
        return specs;
    }

    private static JsonNode withoutName(JsonNode spec) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) spec).deepCopy();
        copy.remove("name");
        return copy;
    }

    /**
     * A year as the mapping gives it; {@code sheet} means: the year in the sheet's name ("2023",
     * "Tabelle 2023", "Stand 31.12.2023"), or "" (then reported as a bad period); "2019 bis 2023"
     * names no single year. ({@code title}, the year of the title rows, is resolved by the loader.)
     */
    static String year(String given, String sheet) {
        if (given == null || !given.trim().equalsIgnoreCase("sheet")) {
            return given;
        }
        int y = sheet == null ? -1 : Periods.yearInText(sheet);
        return y < 0 ? "" : String.valueOf(y);
    }
}
