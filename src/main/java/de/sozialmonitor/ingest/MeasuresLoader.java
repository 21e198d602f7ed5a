package de.sozialmonitor.ingest;

import de.sozialmonitor.model.Measure;
import de.sozialmonitor.store.AreaRepository;
import de.sozialmonitor.store.MeasureRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A list of measures (Maßnahmenliste) as CSV or as the first sheet of an XLSX workbook, one row
 * per measure, recognised by its header: title, field of action, start and areas (German or
 * English column names, see docs/massnahmen.md). A measure whose key is already stored is
 * updated; measures not in the list stay as they are. The list lands whole or not at all.
 */
final class MeasuresLoader implements Loader {
    static final Map<String, List<String>> COLUMNS = columns();
    static final List<String> REQUIRED = List.of("title", "field_of_action", "start", "areas");
    /** Separators of several areas or indicators in one cell. */
    private static final String LIST_SEPARATORS = "[,;|\\n]";

    private final Path file;
    private final CsvDialect dialect;

    /** {@code dialect} is null for a workbook. */
    MeasuresLoader(Path file, CsvDialect dialect) {
        this.file = file;
        this.dialect = dialect;
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("key", List.of("key", "kennung", "nr", "nr_", "nummer", "massnahmen_nr", "massnahmennummer", "id"));
        c.put("title", List.of("title", "titel", "massnahme", "name_der_massnahme"));
        c.put("field_of_action", List.of("field_of_action", "handlungsfeld"));
        c.put("office", List.of("office", "federfuehrung", "federfuehrend", "zustaendig", "zustaendigkeit", "verantwortlich",
                "amt", "fachdienst"));
        c.put("start", List.of("start", "beginn", "start_date", "laufzeit_von", "von"));
        c.put("end", List.of("end", "ende", "end_date", "laufzeit_bis", "bis"));
        c.put("budget", List.of("budget", "budget_eur", "budget_(eur)", "budget_in_eur", "budget_in_euro", "mittel",
                "mittel_eur", "mittel_(eur)", "kosten", "kosten_(eur)", "haushaltsmittel"));
        c.put("funding", List.of("funding", "foerderprogramm", "foerderung", "programm"));
        c.put("target_group", List.of("target_group", "zielgruppe", "zielgruppen"));
        c.put("areas", List.of("areas", "area_codes", "gebiete", "gebiet", "gebietsschluessel", "sozialraum", "sozialraeume"));
        c.put("indicators", List.of("indicators", "indikatoren", "zielindikatoren", "ziel_indikatoren"));
        c.put("description", List.of("description", "beschreibung"));
        c.put("public", List.of("public", "oeffentlich", "veroeffentlichen"));
        return c;
    }

    @Override
    public String format() {
        return "measures";
    }

    @Override
    public boolean observations() {
        return false;
    }

    /**
     * The header of a measures list among the first rows of the CSV file or the workbook's first
     * sheet: its line number and columns, or null if the file is no measures list.
     */
    static Header findHeader(Path file, CsvDialect dialect) throws IOException {
        List<SheetRows.Line> lines = new ArrayList<>();
        try {
            SheetRows.forEach(file, null, dialect, l -> {
                if (lines.size() < CsvTable.HEADER_SEARCH_ROWS) {
                    lines.add(l);
                }
            });
        } catch (CsvTable.EncodingException e) {
            return null;
        }
        for (SheetRows.Line l : lines) {
            Header h = header(l);
            if (h != null) {
                return h;
            }
        }
        return null;
    }

    /** Which column index each known column has, if the line names every required column. */
    record Header(long line, Map<String, Integer> columns) {
        int col(String name) {
            return columns.getOrDefault(name, -1);
        }
    }

    private static Header header(SheetRows.Line l) {
        Map<String, Integer> cols = new LinkedHashMap<>();
        for (int i = 0; i < l.cells().size(); i++) {
            String n = CsvTable.normalize(l.cell(i));
            for (Map.Entry<String, List<String>> e : COLUMNS.entrySet()) {
                if (!cols.containsKey(e.getKey()) && e.getValue().contains(n)) {
                    cols.put(e.getKey(), i);
                }
            }
        }
        return cols.keySet().containsAll(REQUIRED) ? new Header(l.number(), cols) : null;
    }

    @Override
    public ObservationSink load(LoadContext ctx) throws IOException {
        Header header = findHeader(file, dialect);
        if (header == null) {
            ctx.fileError("format_unknown", "measure.noHeader", String.join(", ", REQUIRED));
            return null;
        }
        List<SheetRows.Line> rows = new ArrayList<>();
        SheetRows.forEach(file, null, dialect, l -> {
            if (l.number() > header.line() && !l.blank()) {
                rows.add(l);
            }
        });
        // footnotes below the list ("Quelle: …"): rows with a single filled cell after the last measure
        while (!rows.isEmpty() && filled(rows.get(rows.size() - 1)) <= 1) {
            rows.remove(rows.size() - 1);
        }
        Map<String, AreaRepository.KnownArea> known = ctx.knownAreas();
        Map<String, List<String>> byName = new HashMap<>();
        known.values().forEach(a -> byName.computeIfAbsent(AreaMatcher.normalizeName(a.name()), k -> new ArrayList<>()).add(a.code()));
        Set<String> indicators = ctx.ws.catalog().indicators().stream().map(de.sozialmonitor.model.Indicator::id)
                .collect(Collectors.toSet());
        Map<String, String> indicatorByName = new HashMap<>();
        ctx.ws.catalog().indicators().forEach(i -> {
            indicatorByName.put(AreaMatcher.normalizeName(i.nameDe()), i.id());
            if (i.nameEn() != null) {
                indicatorByName.put(AreaMatcher.normalizeName(i.nameEn()), i.id());
            }
        });
        List<Measure> measures = new ArrayList<>();
        Map<String, Long> keys = new HashMap<>();
        for (SheetRows.Line l : rows) {
            Measure m = measure(ctx, header, l, known, byName, indicators, indicatorByName);
            if (m == null) {
                continue;
            }
            Long first = keys.putIfAbsent(m.key(), l.number());
            if (first != null) {
                ctx.error("duplicate_key", null, l.number(), column(header, "key"), m.key(), "measure.duplicateKey", first);
                continue;
            }
            for (Measure.Problem p : m.problems(known.keySet(), indicators)) {
                ctx.error("bad_measure", null, l.number(), p.field(), p.value(), "measure.problem." + p.code());
            }
            measures.add(m);
        }
        ctx.report.rowsRead(rows.size());
        if (rows.isEmpty()) {
            ctx.fileError("empty_file", "file.noRows");
        }
        ctx.report.rowsAccepted(measures.size());
        if (!ctx.report.hasErrors()) {
            for (Measure m : measures) {
                MeasureRepository.save(ctx.handle, m, ctx.user, ctx.importId > 0 ? ctx.importId : null);
            }
        }
        return null;
    }

    private static int filled(SheetRows.Line l) {
        return (int) l.cells().stream().filter(c -> c != null && !c.isBlank()).count();
    }

    private static String column(Header h, String name) {
        return h.col(name) >= 0 ? name : null;
    }

    /** The row as a measure, or null after reporting why it cannot be one. */
    private Measure measure(LoadContext ctx, Header h, SheetRows.Line l, Map<String, AreaRepository.KnownArea> known,
                            Map<String, List<String>> byName, Set<String> indicators, Map<String, String> indicatorByName) {
        boolean ok = true;
        String title = cell(h, l, "title");
        LocalDate start = null;
        if (!cell(h, l, "start").isEmpty()) {
            start = date(cell(h, l, "start"));
            if (start == null) {
                ctx.error("bad_date", null, l.number(), "start", cell(h, l, "start"), "date.bad");
                ok = false;
            }
        }
        LocalDate end = null;
        if (!cell(h, l, "end").isEmpty()) {
            end = date(cell(h, l, "end"));
            if (end == null) {
                ctx.error("bad_date", null, l.number(), "end", cell(h, l, "end"), "date.bad");
                ok = false;
            }
        }
        BigDecimal budget = null;
        String budgetText = cell(h, l, "budget");
        if (!budgetText.isEmpty() && !budgetText.equals("-")) {
            budget = money(budgetText, h.col("budget") >= 0 && l.isNumeric(h.col("budget")));
            if (budget == null) {
                ctx.error("bad_number", null, l.number(), "budget", budgetText, "measure.badBudget");
                ok = false;
            }
        }
        List<String> areas = new ArrayList<>();
        for (String part : list(cell(h, l, "areas"))) {
            String code = areaCode(part, known, byName);
            if (code == null) {
                List<String> candidates = byName.getOrDefault(AreaMatcher.normalizeName(part), List.of());
                ctx.error("unknown_area", null, l.number(), "areas", part, candidates.size() > 1 ? "measure.ambiguousArea"
                        : "measure.unknownArea", candidates.stream().map(c -> known.get(c).name() + " (" + c + ", "
                        + known.get(c).level() + ")").collect(Collectors.joining("; ")));
                ok = false;
            } else {
                areas.add(code);
            }
        }
        List<String> aimed = new ArrayList<>();
        for (String part : list(cell(h, l, "indicators"))) {
            String id = indicators.contains(part) ? part : indicatorByName.get(AreaMatcher.normalizeName(part));
            if (id == null) {
                ctx.error("unknown_indicator", null, l.number(), "indicators", part, "measure.unknownIndicator");
                ok = false;
            } else if (!aimed.contains(id)) {
                aimed.add(id);
            }
        }
        Boolean shown = true;
        if (!cell(h, l, "public").isEmpty()) {
            shown = yesNo(cell(h, l, "public"));
            if (shown == null) {
                ctx.error("bad_value", null, l.number(), "public", cell(h, l, "public"), "measure.badYesNo");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        String key = cell(h, l, "key");
        if (key.isEmpty() && !title.isEmpty() && start != null) {
            key = derivedKey(title, start);
        }
        return new Measure(key, title, cell(h, l, "field_of_action"), cell(h, l, "office"), start, end, budget,
                cell(h, l, "funding"), cell(h, l, "target_group"), cell(h, l, "description"), shown, areas, aimed);
    }

    /** A key for a list without one: the title in lower case letters and digits, and the start year. */
    static String derivedKey(String title, LocalDate start) {
        String slug = AreaMatcher.normalizeName(title).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80);
        }
        return slug + "-" + start.getYear();
    }

    private static String cell(Header h, SheetRows.Line l, String name) {
        return l.cell(h.col(name)).strip();
    }

    private static List<String> list(String cell) {
        List<String> out = new ArrayList<>();
        for (String p : cell.split(LIST_SEPARATORS)) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** A known code; else the one area whose normalised name it is; null if none or several. */
    private static String areaCode(String text, Map<String, AreaRepository.KnownArea> known, Map<String, List<String>> byName) {
        if (known.containsKey(text)) {
            return text;
        }
        List<String> codes = byName.getOrDefault(AreaMatcher.normalizeName(text), List.of());
        return codes.size() == 1 ? codes.get(0) : null;
    }

    /** A date as lists write it: 2021-03-01, 1.3.2021, 03/2021, 3.2021 (first of the month), 2021 (1 January). */
    static LocalDate date(String text) {
        String t = text.strip();
        java.util.regex.Matcher month = java.util.regex.Pattern.compile("(\\d{1,2})[./](\\d{4})").matcher(t);
        if (month.matches()) {
            int m = Integer.parseInt(month.group(1));
            return m >= 1 && m <= 12 ? LocalDate.of(Integer.parseInt(month.group(2)), m, 1) : null;
        }
        return Dates.parse(t);
    }

    /** Euros as lists write them: 12.000, 12.000,50 €, 12000 EUR; a workbook's number cell as it is. */
    static BigDecimal money(String text, boolean numericCell) {
        String t = text.replace("€", "").replaceAll("(?i)\\s*(eur|euro)\\s*$", "").strip();
        Double v = ValueParser.number(t, numericCell ? NumberStyle.INTERNATIONAL : NumberStyle.GERMAN);
        if (v == null && !numericCell) {
            v = ValueParser.number(t, NumberStyle.INTERNATIONAL);
        }
        return v == null ? null : new BigDecimal(numericCell ? t : BigDecimal.valueOf(v).toPlainString());
    }

    private static Boolean yesNo(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "ja", "j", "yes", "y", "true", "1", "x" -> Boolean.TRUE;
            case "nein", "n", "no", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
