package de.sozialmonitor.privacy;

import de.sozialmonitor.json.Json;
import de.sozialmonitor.model.SpreadsheetText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one complete, machine-readable download of a release (docs/release-format.md), as CSV
 * (semicolon, UTF-8, LF, header row) or JSON (the same rows plus the release's metadata, symbols
 * and reasons). Both are pure functions of the release, so the same release always gives the
 * same bytes.
 */
public final class ReleaseDownload {
    public static final String FORMAT = "sozialmonitor-release/1";


    /**
     * The release facts the JSON download carries in its header; {@code source} (null or "" if none)
     * is the source and licence of real, published data, as the release froze it.
     */
    public record Header(int number, String title, int year, Integer corrects, String checksum,
                         String territoryCode, String territoryName, boolean synthetic, String source) {
    }

    public enum Format {
        CSV("text/csv; charset=utf-8", "csv"), JSON("application/json; charset=utf-8", "json");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        public static Format parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    private ReleaseDownload() {
    }

    public static byte[] write(Format format, Header header, List<PublishedRow> rows) {
        return write(format, header, rows, null);
    }

    /**
     * The download with the release's class certainty ({@code certainty}, null for a release frozen without
     * it): only the JSON carries it; the CSV's columns are a fixed contract and stay the table alone.
     */
    public static byte[] write(Format format, Header header, List<PublishedRow> rows, ReleaseCertainty.Published certainty) {
        return format == Format.CSV ? csv(rows) : json(header, rows, certainty);
    }

    public static byte[] csv(List<PublishedRow> rows) {
        StringWriter out = new StringWriter();
        try (CsvWriter w = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.LF).build(out)) {
            w.writeRecord(PublishedRow.COLUMNS);
            for (PublishedRow r : rows) {
                w.writeRecord(csvFields(r.fields()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Every field of the CSV except plain numbers is guarded against spreadsheet formulas: area
     * codes and names, target groups, measures, margins and reasons may all carry delivered or
     * configured text. A negative number stays a number. (The JSON needs no guard.)
     */
    private static List<String> csvFields(List<String> fields) {
        return fields.stream().map(SpreadsheetText::field).toList();
    }

    public static byte[] json(Header h, List<PublishedRow> rows) {
        return json(h, rows, null);
    }

    public static byte[] json(Header h, List<PublishedRow> rows, ReleaseCertainty.Published certainty) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode release = root.putObject("release");
        release.put("number", h.number());
        release.put("title", h.title());
        release.put("year", h.year());
        if (h.corrects() == null) {
            release.putNull("corrects");
        } else {
            release.put("corrects", h.corrects());
        }
        release.put("checksum", h.checksum());
        release.put("territory_code", h.territoryCode());
        release.put("territory_name", h.territoryName());
        release.put("synthetic", h.synthetic());
        if (h.source() != null && !h.source().isEmpty()) {
            // only then: the downloads of releases without a source keep their bytes (release verify compares them)
            release.put("source", h.source());
        }
        ObjectNode symbols = root.putObject("symbols");
        symbols.put(".", "Zahlenwert geheim gehalten (Geheimhaltung) / value withheld for confidentiality");
        symbols.put("x", "Aussage nicht sinnvoll oder Wert nicht vorhanden / not meaningful or not available");
        ObjectNode reasons = root.putObject("reasons");
        reasons.put(PublishedRow.CONFIDENTIAL, "Fallzahl geheim gehalten, damit keine Person erkennbar wird / count withheld so that no person can be identified");
        reasons.put(PublishedRow.COUNTS_CONFIDENTIAL, "würde eine geheim gehaltene Fallzahl verraten / would reveal a withheld count");
        reasons.put(PublishedRow.POPULATION_BELOW_MINIMUM, "Gebiet hat zu wenige Einwohner für Quoten / area has too few inhabitants for rates");
        reasons.put(PublishedRow.NOT_AVAILABLE, "kein Wert geliefert oder berechenbar / no value delivered or computable");
        ArrayNode columns = root.putArray("columns");
        PublishedRow.COLUMNS.forEach(columns::add);
        ArrayNode array = root.putArray("rows");
        for (PublishedRow r : rows) {
            ObjectNode o = array.addObject();
            List<String> f = r.fields();
            for (int i = 0; i < f.size(); i++) {
                o.put(PublishedRow.COLUMNS.get(i), f.get(i));
            }
        }
        if (certainty != null) {
            // only then: the downloads of releases frozen without certainty keep their bytes (release verify compares them)
            putCertainty(root.putObject("certainty"), certainty);
        }
        try {
            return (Json.pretty().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putCertainty(ObjectNode o, ReleaseCertainty.Published c) {
        o.put("model", c.model());
        o.put("draws", c.draws());
        o.put("seed", c.seed());
        o.put("borderline", c.borderline());
        o.put("year", c.year());
        o.put("base_year", c.baseYear());
        o.put("bands_shown", c.bandsShown());
        ArrayNode areas = o.putArray("areas");
        for (ReleaseCertainty.PublishedBand b : c.areas()) {
            ObjectNode a = areas.addObject();
            a.put("area_code", b.areaCode());
            a.put("status", b.status());
            a.put("dynamics", b.dynamics());
            a.put("attention", b.attention());
        }
    }

    /** The class certainty of a JSON download (what the public holds), or null if it carries none. */
    public static ReleaseCertainty.Published readCertainty(byte[] json) {
        try {
            JsonNode c = Json.MAPPER.readTree(json).get("certainty");
            if (c == null || c.isNull()) {
                return null;
            }
            List<ReleaseCertainty.PublishedBand> bands = new ArrayList<>();
            for (JsonNode a : c.path("areas")) {
                bands.add(new ReleaseCertainty.PublishedBand(a.path("area_code").asText(), text(a.get("status")),
                        text(a.get("dynamics")), text(a.get("attention"))));
            }
            return new ReleaseCertainty.Published(c.path("model").asText(), c.path("draws").asInt(), c.path("seed").asLong(),
                    c.path("borderline").asDouble(), c.path("year").asInt(), c.path("base_year").asInt(),
                    c.path("bands_shown").asBoolean(), bands);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** Reads the rows of a CSV download back (what an attacker, or another system, does). */
    public static List<PublishedRow> readCsv(byte[] bytes) {
        List<PublishedRow> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().fieldSeparator(';').ofCsvRecord(new String(bytes, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (CsvRecord rec : r) {
                if (header) {
                    if (!rec.getFields().equals(PublishedRow.COLUMNS)) {
                        throw new IllegalArgumentException("not a release download: header is " + rec.getFields());
                    }
                    header = false;
                    continue;
                }
                rows.add(PublishedRow.fromFields(rec.getFields().stream().map(SpreadsheetText::unguard).toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Reads the rows of a JSON download back. */
    public static List<PublishedRow> readJson(byte[] bytes) {
        try {
            JsonNode root = Json.MAPPER.readTree(bytes);
            List<PublishedRow> rows = new ArrayList<>();
            for (JsonNode o : root.path("rows")) {
                List<String> f = new ArrayList<>();
                for (String c : PublishedRow.COLUMNS) {
                    f.add(o.path(c).asText(""));
                }
                rows.add(PublishedRow.fromFields(f));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Content type per format, for the web. */
    public static Map<String, String> mediaTypes() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Format f : Format.values()) {
            m.put(f.extension(), f.mediaType());
        }
        return m;
    }
}
