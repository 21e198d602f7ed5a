package de.sozialmonitor.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.sozialmonitor.json.DataPackageProfile;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.model.SpreadsheetText;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.store.ResultRepository;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.view.ResultViews;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A published release with its method as a Frictionless Data Package (docs/vergleichsregionen.md,
 * "Austausch zwischen Kreisen"): {@code datapackage.json} describing four resources —
 * {@code release.csv} (the release's public download, byte for byte: withheld cells stay
 * withheld, since it is the very file the public gets), {@code areas.csv} (the areas file
 * {@code code;name;level;parent}), {@code areas.geojson} (the boundaries of the release year) and
 * {@code method.json} (the method parameters and catalog frozen with the release, and the public
 * disclosure thresholds). Every resource carries its SHA-256; the descriptor is checked against the
 * Frictionless profiles before anything is written. Only published releases are exported.
 */
public final class PackageExport {
    public static final String FORMAT = "sozialmonitor-package/1";
    public static final String DESCRIPTOR = "datapackage.json";
    public static final String RELEASE = "release.csv";
    public static final String AREAS = "areas.csv";
    public static final String GEOMETRIES = "areas.geojson";
    public static final String METHOD = "method.json";

    /** Why no package can be made. */
    public static final class NotExportable extends RuntimeException {
        public NotExportable(String message) {
            super(message);
        }
    }

    /** The files of a package, in the order they are written (descriptor first). */
    public record Files(Map<String, byte[]> files) {
        public Files {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        }
    }

    private PackageExport() {
    }

    /** The package of published release {@code number}; {@link NotExportable} if it is not published. */
    public static Files of(ResultViews views, ReleaseRepository releases, int number) {
        ResultView view = views.published(number)
                .orElseThrow(() -> new NotExportable("release " + number + " is not published; only published releases are exchanged"));
        byte[] release = releases.download(number, de.sozialmonitor.privacy.ReleaseDownload.Format.CSV)
                .orElseThrow(() -> new NotExportable("release " + number + " has no public download"));
        Map<String, Map<String, String>> geometries = new LinkedHashMap<>();
        for (ResultView.Level level : view.levels()) {
            geometries.put(level.name(), views.geometries(view, level.name()));
        }
        return of(view, release, geometries);
    }

    /** The package of a public view of a release, its public download and its areas' geometries by level. */
    public static Files of(ResultView view, byte[] releaseCsv, Map<String, Map<String, String>> geometries) {
        if (view.source().releaseNumber() == null || !view.source().published() || !view.source().protectedFigures()) {
            throw new NotExportable("only the public view of a published release is exchanged");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(RELEASE, releaseCsv);
        files.put(AREAS, areasCsv(view));
        files.put(GEOMETRIES, geoJson(view, geometries));
        files.put(METHOD, methodJson(view));
        ObjectNode descriptor = descriptor(view, files);
        List<DataPackageProfile.Violation> violations = DataPackageProfile.check(descriptor);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the package descriptor breaks the Frictionless profile: " + violations);
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        try {
            out.put(DESCRIPTOR, (Json.pretty().writeValueAsString(descriptor) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.putAll(files);
        return new Files(out);
    }

    /**
     * Writes the package: into a ZIP file if {@code target} ends in {@code .zip} (entries with a
     * fixed time, so the same release gives the same bytes), else into the folder {@code target}.
     */
    public static void write(Files pkg, Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            if (abs.getParent() != null) {
                java.nio.file.Files.createDirectories(abs.getParent());
            }
            Path tmp = java.nio.file.Files.createTempFile(abs.getParent(), ".package", ".zip");
            try (OutputStream o = java.nio.file.Files.newOutputStream(tmp)) {
                zip(pkg, o);
            }
            java.nio.file.Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        java.nio.file.Files.createDirectories(abs);
        for (Map.Entry<String, byte[]> e : pkg.files().entrySet()) {
            java.nio.file.Files.write(abs.resolve(e.getKey()), e.getValue());
        }
    }

    static void zip(Files pkg, OutputStream out) throws IOException {
        FileTime fixed = FileTime.fromMillis(315532800000L); // 1980-01-01, the earliest time a ZIP entry holds
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : pkg.files().entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setLastModifiedTime(fixed);
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }

    private static ObjectNode descriptor(ResultView view, Map<String, byte[]> files) {
        ResultView.Territory t = view.territory();
        ResultView.Source s = view.source();
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("profile", "data-package");
        d.put("name", ("sozialmonitor-" + t.code() + "-" + view.year() + "-r" + s.releaseNumber()).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^-a-z0-9._/]", "-"));
        // a synthetic county may say so in its name already (the demo's Landkreis Beispielstadt (synthetisch))
        boolean saysSynthetic = t.name().toLowerCase(java.util.Locale.ROOT).contains("synthetisch");
        d.put("title", s.title() + " – " + t.name() + (t.synthetic() && !saysSynthetic ? " (synthetisch)" : ""));
        d.put("description", "Berichtsstand " + s.releaseNumber() + " (Berichtsjahr " + view.year() + ") des Sozialmonitorings "
                + t.name() + " mit seiner Methode, wie veröffentlicht: geheim gehaltene Zahlen bleiben geheim gehalten."
                + (t.synthetic() ? " Synthetische Daten (Demo), keine echten Zahlen." : ""));
        d.put("version", String.valueOf(s.releaseNumber()));
        d.put("created", s.publishedOn() + "T00:00:00Z");
        ArrayNode keywords = d.putArray("keywords");
        keywords.add("Sozialmonitoring").add("Sozialraum").add(t.code());
        ObjectNode meta = d.putObject("sozialmonitor");
        meta.put("format", FORMAT);
        meta.put("release_number", s.releaseNumber());
        meta.put("release_title", s.title());
        meta.put("year", view.year());
        meta.put("checksum", s.checksum());
        if (s.corrects() != null) {
            meta.put("corrects", s.corrects());
        }
        meta.put("published_on", String.valueOf(s.publishedOn()));
        meta.put("territory_code", t.code());
        meta.put("territory_name", t.name());
        meta.put("synthetic", t.synthetic());
        view.root().ifPresent(r -> meta.put("territory_area_code", r.code()));
        ArrayNode resources = d.putArray("resources");
        resources.add(tabular("release", RELEASE, files.get(RELEASE), "Der Berichtsstand, wie veröffentlicht (docs/release-format.md)",
                releaseSchema()));
        resources.add(tabular("areas", AREAS, files.get(AREAS), "Die Gebiete des Berichtsjahres (Gebietsdatei code;name;level;parent)",
                areasSchema()));
        resources.add(file("areas-geojson", GEOMETRIES, files.get(GEOMETRIES), "geojson", "application/geo+json",
                "Die Grenzen der Gebiete am Ende des Berichtsjahres"));
        resources.add(file("method", METHOD, files.get(METHOD), "json", "application/json",
                "Methode, Indikatorenkatalog und Geheimhaltungsschwellen des Berichtsstands"));
        return d;
    }

    private static ObjectNode tabular(String name, String path, byte[] bytes, String title, ObjectNode schema) {
        ObjectNode r = file(name, path, bytes, "csv", "text/csv", title);
        r.put("profile", "tabular-data-resource");
        ObjectNode dialect = r.putObject("dialect");
        dialect.put("delimiter", ";");
        dialect.put("lineTerminator", "\n");
        dialect.put("quoteChar", "\"");
        dialect.put("doubleQuote", true);
        dialect.put("header", true);
        r.set("schema", schema);
        return r;
    }

    private static ObjectNode file(String name, String path, byte[] bytes, String format, String mediaType, String title) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("profile", "data-resource");
        r.put("name", name);
        r.put("path", path);
        r.put("title", title);
        r.put("format", format);
        r.put("mediatype", mediaType);
        r.put("encoding", "utf-8");
        r.put("bytes", bytes.length);
        r.put("hash", "sha256:" + ReleaseContent.sha256(bytes));
        return r;
    }

    /** The Table Schema of a release download: its 17 columns (docs/release-format.md). */
    static ObjectNode releaseSchema() {
        ObjectNode schema = Json.MAPPER.createObjectNode();
        ArrayNode fields = schema.putArray("fields");
        field(fields, "kind", "string", "count, rate, change oder area_result", List.of("count", "rate", "change", "area_result"), true);
        field(fields, "measure", "string", "Zählgröße (count), Indikator (rate, change) oder Gebietsergebnis (area_result)", null, true);
        field(fields, "numerator", "string", "rate/change: Zählgröße des Zählers", null, false);
        field(fields, "denominator", "string", "rate/change: Zählgröße des Nenners", null, false);
        field(fields, "scale", "integer", "rate/change: 100 (Prozent) oder 1000 (Promille)", null, false);
        field(fields, "area_code", "string", "Gebietsschlüssel", null, true);
        field(fields, "area_name", "string", "Gebietsname", null, false);
        field(fields, "level", "string", "Gliederungsebene", null, false);
        field(fields, "parent_code", "string", "übergeordnetes Gebiet, leer für den Kreis", null, false);
        field(fields, "year", "integer", "Berichtsjahr der Zahl", null, true);
        field(fields, "base_year", "integer", "change: Ausgangsjahr der Veränderung", null, false);
        field(fields, "target_group", "string", "Zielgruppe (dim=wert;…), leer = insgesamt", null, false);
        field(fields, "value", "string", "veröffentlichter Wert (Zahl mit Punkt; bei area_result Klasse oder Indexwert); leer, wenn status nicht ok", null, false);
        field(fields, "status", "string", "ok, suppressed (geheim gehalten) oder missing", List.of("ok", "suppressed", "missing"), true);
        field(fields, "symbol", "string", "leer, . (geheim gehalten) oder x (kein Wert)", List.of(".", "x"), false);
        field(fields, "reason", "string", "Grund, wenn kein Wert", List.of("confidential", "counts_confidential",
                "population_below_minimum", "not_available"), false);
        field(fields, "margin", "string", "Randsummen, die in dieser Zählzelle enden", null, false);
        schema.putArray("missingValues").add("");
        return schema;
    }

    static ObjectNode areasSchema() {
        ObjectNode schema = Json.MAPPER.createObjectNode();
        ArrayNode fields = schema.putArray("fields");
        field(fields, "code", "string", "Gebietsschlüssel", null, true);
        field(fields, "name", "string", "Gebietsname", null, true);
        field(fields, "level", "string", "Gliederungsebene", null, true);
        field(fields, "parent", "string", "übergeordnetes Gebiet, leer für den Kreis", null, false);
        schema.putArray("missingValues").add("");
        schema.put("primaryKey", "code");
        return schema;
    }

    private static void field(ArrayNode fields, String name, String type, String description, List<String> values, boolean required) {
        ObjectNode f = fields.addObject();
        f.put("name", name);
        f.put("type", type);
        f.put("description", description);
        if (values != null || required) {
            ObjectNode c = f.putObject("constraints");
            if (required) {
                c.put("required", true);
            }
            if (values != null) {
                ArrayNode e = c.putArray("enum");
                values.forEach(e::add);
            }
        }
    }

    /** The release year's areas as an areas file (formula-like text guarded, as in every CSV the program writes). */
    private static byte[] areasCsv(ResultView view) {
        StringWriter out = new StringWriter();
        try (CsvWriter w = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.LF).build(out)) {
            w.writeRecord("code", "name", "level", "parent");
            for (AreaInfo a : sortedAreas(view)) {
                w.writeRecord(SpreadsheetText.guard(a.code()), SpreadsheetText.guard(a.name()), SpreadsheetText.guard(a.level()),
                        SpreadsheetText.guard(a.parentCode() == null ? "" : a.parentCode()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<AreaInfo> sortedAreas(ResultView view) {
        List<AreaInfo> areas = new ArrayList<>(view.areas().values());
        areas.sort(java.util.Comparator.comparingInt(AreaInfo::depth).thenComparing(AreaInfo::code));
        return areas;
    }

    private static byte[] geoJson(ResultView view, Map<String, Map<String, String>> geometries) {
        ObjectNode fc = Json.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        try {
            for (AreaInfo a : sortedAreas(view)) {
                String g = Optional.ofNullable(geometries.get(a.level())).map(m -> m.get(a.code())).orElse(null);
                if (g == null) {
                    continue;
                }
                ObjectNode f = features.addObject();
                f.put("type", "Feature");
                ObjectNode p = f.putObject("properties");
                p.put("code", a.code());
                p.put("name", a.name());
                p.put("level", a.level());
                p.put("parent", a.parentCode());
                f.set("geometry", Json.MAPPER.readTree(g));
            }
            return Json.MAPPER.writeValueAsBytes(fc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] methodJson(ResultView view) {
        try {
            ObjectNode m = Json.MAPPER.createObjectNode();
            m.put("format", "sozialmonitor-method/1");
            m.put("year", view.year());
            m.put("analysis_level", view.analysisLevel());
            m.set("method", Json.MAPPER.readTree(ResultRepository.methodJson(view.method())));
            m.set("catalog", Json.MAPPER.readTree(ResultRepository.catalogJsonText(view.catalog())));
            ObjectNode d = m.putObject("disclosure");
            d.put("min_count", view.privacy().minCount());
            d.put("min_population_for_rates", view.privacy().minPopulationForRates());
            return (Json.pretty().writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of the package as a ZIP (for the web's download). */
    public static byte[] zipBytes(Files pkg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            zip(pkg, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
