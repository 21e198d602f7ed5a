package de.sozialmonitor.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.sozialmonitor.json.DataPackageProfile;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.ReferenceFigure;
import de.sozialmonitor.model.ReferencePackage;
import de.sozialmonitor.model.ReferenceRegion;
import de.sozialmonitor.model.ValueStatus;
import de.sozialmonitor.model.Variable;
import de.sozialmonitor.store.ReferenceRepository;
import de.sozialmonitor.store.ResultRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Another county's Sozialmonitor package (a Frictionless Data Package written by
 * {@code export package}: {@code datapackage.json} or a ZIP holding it) read as a reference
 * region set: the county-level figures of its release (the rows of its territory, total
 * population) become figures of the reference region named by that county's official code, and
 * its method and catalog are kept for the comparison of methods. Only what the package publishes is
 * read: a withheld cell arrives as the placeholder it is. The descriptor is checked against the
 * Frictionless profiles, every resource against its SHA-256 and the release table against its
 * Table Schema; any error rejects the whole package. See docs/vergleichsregionen.md.
 */
final class PackageLoader implements Loader {
    static final String DESCRIPTOR = "datapackage.json";
    static final String FORMAT = "sozialmonitor-package/1";
    /** A package resource larger than this is not read (a county's release is a few MB). */
    static final long MAX_RESOURCE_BYTES = 256L << 20;
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");
    private static final Set<String> INTEGER_FIELDS = Set.of("scale", "year", "base_year");

    private final Path file;

    PackageLoader(Path file) {
        this.file = file;
    }

    /** True if the file is a package: a {@code datapackage.json}, or a ZIP with one at its top. */
    static boolean isPackage(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.equals(DESCRIPTOR)) {
            return true;
        }
        if (!name.endsWith(".zip")) {
            return false;
        }
        try (ZipFile z = new ZipFile(file.toFile())) {
            return z.getEntry(DESCRIPTOR) != null;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String format() {
        return "package";
    }

    @Override
    public boolean observations() {
        return false;
    }

    @Override
    public ObservationSink load(LoadContext ctx) throws IOException {
        try (Source src = Source.open(file)) {
            byte[] descriptorBytes = src.read(DESCRIPTOR);
            if (descriptorBytes == null) {
                ctx.fileError("package_descriptor", "package.noDescriptor");
                return null;
            }
            JsonNode d;
            try {
                d = Json.MAPPER.readTree(descriptorBytes);
            } catch (JsonProcessingException e) {
                long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                ctx.error("package_json", DESCRIPTOR, line, null, null, "package.badJson", e.getOriginalMessage());
                return null;
            }
            if (d == null || !d.isObject()) {
                ctx.error("package_json", DESCRIPTOR, 0, null, null, "package.badJson", "no JSON object");
                return null;
            }
            for (DataPackageProfile.Violation v : DataPackageProfile.check(d)) {
                ctx.error("package_profile", DESCRIPTOR, 0, v.pointer(), null, "package.profile", v.reason());
            }
            JsonNode meta = d.path("sozialmonitor");
            if (!FORMAT.equals(meta.path("format").asText())) {
                ctx.error("package_format", DESCRIPTOR, 0, "/sozialmonitor/format", meta.path("format").asText(null),
                        "package.format", FORMAT);
            }
            String code = ReferenceRegion.normalizeCode(meta.path("territory_code").asText(""));
            if (code == null) {
                ctx.error("package_format", DESCRIPTOR, 0, "/sozialmonitor/territory_code", meta.path("territory_code").asText(null),
                        "reference.badCode");
            }
            if (ctx.report.hasErrors()) {
                return null;
            }
            JsonNode release = resource(d, "release", ctx);
            JsonNode method = resource(d, "method", ctx);
            if (release == null || method == null) {
                return null;
            }
            byte[] releaseBytes = content(src, release, ctx);
            byte[] methodBytes = content(src, method, ctx);
            if (releaseBytes == null || methodBytes == null) {
                return null;
            }
            ReferencePackage pkg = methodOf(meta, code, methodBytes, method.path("path").asText(), ctx);
            ReferenceSink sink = new ReferenceSink(ctx);
            readRelease(ctx, sink, release, releaseBytes, code, meta.path("territory_name").asText(code),
                    meta.path("territory_area_code").asText(""));
            ctx.report.rowsAccepted(sink.accepted());
            if (ctx.report.hasErrors() || pkg == null) {
                return null;
            }
            sink.save();
            if (!ctx.report.hasErrors()) {
                ReferenceRepository.savePackage(ctx.handle, ctx.importId, pkg);
            }
            return null;
        }
    }

    /** The resource named {@code name} of the descriptor, or null after reporting it missing. */
    private static JsonNode resource(JsonNode d, String name, LoadContext ctx) {
        for (JsonNode r : d.path("resources")) {
            if (name.equals(r.path("name").asText())) {
                String path = r.path("path").asText("");
                if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
                    ctx.error("package_path", DESCRIPTOR, 0, "/resources/" + name + "/path", path, "package.path");
                    return null;
                }
                return r;
            }
        }
        ctx.error("package_resource", DESCRIPTOR, 0, "/resources", name, "package.missingResource", name);
        return null;
    }

    /** The resource's bytes, checked against its declared size and SHA-256; null after reporting. */
    private static byte[] content(Source src, JsonNode r, LoadContext ctx) throws IOException {
        String path = r.path("path").asText();
        byte[] bytes = src.read(path);
        if (bytes == null) {
            ctx.error("package_resource", path, 0, null, null, "package.missingFile");
            return null;
        }
        String hash = r.path("hash").asText("");
        if (hash.isEmpty()) {
            ctx.error("package_hash", path, 0, null, null, "package.noHash");
            return null;
        }
        String want = hash.startsWith("sha256:") ? hash.substring(7).toLowerCase(Locale.ROOT) : null;
        if (want == null || !want.equals(sha256(bytes))) {
            ctx.error("package_hash", path, 0, null, hash, "package.hashMismatch", sha256(bytes));
            return null;
        }
        return bytes;
    }

    private static ReferencePackage methodOf(JsonNode meta, String code, byte[] bytes, String path, LoadContext ctx) {
        try {
            JsonNode m = Json.MAPPER.readTree(bytes);
            String methodJson = m.path("method").toString();
            String catalogJson = m.path("catalog").toString();
            // parsed here, so that a package whose method this program cannot read is refused now, not when a page shows it
            ResultRepository.methodConfig(methodJson);
            ResultRepository.catalogFromJson(catalogJson);
            return new ReferencePackage(code, meta.path("territory_name").asText(code), meta.path("release_number").asInt(),
                    meta.path("release_title").asText(""), meta.path("year").asInt(), meta.path("checksum").asText(""),
                    meta.path("published_on").asText(""), meta.path("synthetic").asBoolean(false),
                    new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            ctx.error("package_method", path, 0, null, null, "package.badMethod", GeoJsonLoader.oneLine(String.valueOf(e.getMessage())));
            return null;
        }
    }

    /**
     * The release table: every row checked against the Table Schema the package declares (header,
     * integers, allowed values); the territory's rows of the total population offered to the sink.
     */
    private static void readRelease(LoadContext ctx, ReferenceSink sink, JsonNode resource, byte[] bytes, String code,
                                    String name, String rootArea) throws IOException {
        String sheet = resource.path("path").asText();
        JsonNode fields = resource.path("schema").path("fields");
        Set<String> variables = new HashSet<>();
        ctx.ws.catalog().variables().stream().map(Variable::name).forEach(variables::add);
        Set<String> indicators = new HashSet<>();
        ctx.ws.catalog().indicators().stream().map(Indicator::id).forEach(indicators::add);
        Set<String> unknown = new LinkedHashSet<>();
        String delimiter = resource.path("dialect").path("delimiter").asText(";");
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        long read = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter.isEmpty() ? ';' : delimiter.charAt(0))
                .ofCsvRecord(text)) {
            Map<String, Integer> col = null;
            for (CsvRecord r : reader) {
                long line = r.getStartingLineNumber();
                if (col == null) {
                    col = header(ctx, sheet, line, r.getFields(), fields);
                    if (col == null) {
                        return;
                    }
                    continue;
                }
                if (r.getFieldCount() == 1 && r.getField(0).isBlank()) {
                    continue;
                }
                read++;
                if (r.getFieldCount() != col.size()) {
                    ctx.error("package_row", sheet, line, null, null, "package.width", r.getFieldCount(), col.size());
                    continue;
                }
                if (!rowConforms(ctx, sheet, line, r, col, fields)) {
                    continue;
                }
                String parent = r.getField(col.get("parent_code"));
                String area = r.getField(col.get("area_code"));
                boolean territory = rootArea.isEmpty() ? parent.isEmpty() : area.equals(rootArea);
                if (!territory || !r.getField(col.get("target_group")).isEmpty()) {
                    continue;
                }
                String kind = r.getField(col.get("kind"));
                String measure = r.getField(col.get("measure"));
                // a name can be both a variable and an indicator (unemployed): the count and the rate are both kept, each as what it is
                boolean isCount = "count".equals(kind) && variables.contains(measure);
                boolean isRate = "rate".equals(kind) && indicators.contains(measure);
                if (!isCount && !isRate) {
                    if (("count".equals(kind) && measure.matches("[A-Za-z0-9_]+") || "rate".equals(kind))
                            && !variables.contains(measure) && !indicators.contains(measure) && unknown.add(measure)) {
                        ctx.warn("package_unknown", sheet, line, "measure", measure, "package.unknownMeasure");
                    }
                    continue;
                }
                String status = r.getField(col.get("status"));
                String raw = r.getField(col.get("value"));
                ParsedValue value;
                if ("ok".equals(status)) {
                    value = ValueParser.parse(raw, NumberStyle.INTERNATIONAL);
                } else {
                    value = new ParsedValue(null, "suppressed".equals(status) ? ValueStatus.UNKNOWN : ValueStatus.NOT_SENSIBLE, null);
                }
                sink.accept(sheet, line, code, "area_code", name, r.getField(col.get("year")), "year",
                        isRate ? ReferenceFigure.Kind.INDICATOR : ReferenceFigure.Kind.VARIABLE, measure, "measure", value, raw, "value");
            }
        } catch (CsvParseException e) {
            ctx.error("package_row", sheet, 0, null, null, "package.csv", GeoJsonLoader.oneLine(String.valueOf(e.getMessage())));
        }
        ctx.report.rowsRead(read);
        if (!ctx.report.hasErrors() && sink.accepted() == 0) {
            ctx.error("package_empty", sheet, 0, null, null, "package.noTerritoryRows", code);
        }
    }

    /** Column positions by the schema's field names; null after reporting a header that is not the schema's. */
    private static Map<String, Integer> header(LoadContext ctx, String sheet, long line, List<String> cells, JsonNode fields) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            col.put(cells.get(i).strip(), i);
        }
        boolean ok = true;
        int k = 0;
        for (JsonNode f : fields) {
            String n = f.path("name").asText();
            if (k >= cells.size() || !cells.get(k).strip().equals(n)) {
                ctx.error("package_header", sheet, line, n, k < cells.size() ? cells.get(k) : null, "package.header", k + 1);
                ok = false;
            }
            k++;
        }
        if (cells.size() != fields.size()) {
            ctx.error("package_header", sheet, line, null, null, "package.headerWidth", cells.size(), fields.size());
            ok = false;
        }
        for (String needed : List.of("kind", "measure", "area_code", "parent_code", "year", "target_group", "value", "status")) {
            if (!col.containsKey(needed)) {
                ctx.error("missing_column", sheet, line, needed, null, "package.missingColumn");
                ok = false;
            }
        }
        return ok ? col : null;
    }

    /** The row against the schema's types and constraints (required, enum); false after reporting each break. */
    private static boolean rowConforms(LoadContext ctx, String sheet, long line, CsvRecord r, Map<String, Integer> col, JsonNode fields) {
        boolean ok = true;
        for (JsonNode f : fields) {
            String n = f.path("name").asText();
            String v = r.getField(col.get(n));
            JsonNode c = f.path("constraints");
            if (v.isEmpty()) {
                if (c.path("required").asBoolean(false)) {
                    ctx.error("package_value", sheet, line, n, v, "package.required");
                    ok = false;
                }
                continue;
            }
            if (("integer".equals(f.path("type").asText()) || INTEGER_FIELDS.contains(n)) && !v.matches("-?[0-9]{1,9}")) {
                ctx.error("package_value", sheet, line, n, v, "package.integer");
                ok = false;
            }
            if (c.has("enum")) {
                boolean allowed = false;
                for (JsonNode e : c.path("enum")) {
                    allowed |= e.asText().equals(v);
                }
                if (!allowed) {
                    ctx.error("package_value", sheet, line, n, v, "package.enum", c.path("enum").toString());
                    ok = false;
                }
            }
        }
        if (ok && "ok".equals(r.getField(col.get("status"))) && Set.of("count", "rate", "change").contains(r.getField(col.get("kind")))
                && !r.getField(col.get("value")).matches("-?[0-9]+(\\.[0-9]+)?")) {
            ctx.error("package_value", sheet, line, "value", r.getField(col.get("value")), "package.number");
            ok = false;
        }
        return ok;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the package's files are: the folder of its descriptor, or a ZIP (entries bounded in size). */
    private interface Source extends AutoCloseable {
        /** The bytes of the file at {@code path} inside the package, or null if there is none. */
        byte[] read(String path) throws IOException;

        @Override
        void close() throws IOException;

        static Source open(Path file) throws IOException {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                ZipFile z = new ZipFile(file.toFile());
                return new Source() {
                    @Override
                    public byte[] read(String path) throws IOException {
                        ZipEntry e = z.getEntry(path);
                        if (e == null || e.isDirectory()) {
                            return null;
                        }
                        try (InputStream in = z.getInputStream(e)) {
                            return bounded(in, path);
                        }
                    }

                    @Override
                    public void close() throws IOException {
                        z.close();
                    }
                };
            }
            Path dir = file.toAbsolutePath().getParent();
            return new Source() {
                @Override
                public byte[] read(String path) throws IOException {
                    Path p = dir.resolve(path).normalize();
                    if (!p.startsWith(dir) || !Files.isRegularFile(p)) {
                        return null;
                    }
                    try (InputStream in = Files.newInputStream(p)) {
                        return bounded(in, path);
                    }
                }

                @Override
                public void close() {
                }
            };
        }

        private static byte[] bounded(InputStream in, String path) throws IOException {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, MAX_RESOURCE_BYTES + 1));
            if (b.length > MAX_RESOURCE_BYTES) {
                throw new IOException(path + ": larger than " + (MAX_RESOURCE_BYTES >> 20) + " MB");
            }
            return b;
        }
    }
}
