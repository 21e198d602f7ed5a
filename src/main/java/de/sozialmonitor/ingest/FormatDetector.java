package de.sozialmonitor.ingest;

import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides how to read a file: a mapped source whose pattern matches the file name, another
 * county's package ({@code datapackage.json} or a ZIP holding it), else by content — GeoJSON FeatureCollection, or a delimited table (or, for a list of measures, a
 * workbook) whose header names the columns of the areas file, the boundary-change file, the
 * canonical long format, the reference long format or a list of measures.
 */
final class FormatDetector {
    private FormatDetector() {
    }

    /** The loader for the file, or null after reporting why there is none. */
    static Loader detect(Workspace ws, Path file, LoadContext ctx) throws IOException {
        return detect(ws, file, ctx, null);
    }

    /** As {@link #detect(Workspace, Path, LoadContext)}, but with the mapping named {@code mapping} if not null. */
    static Loader detect(Workspace ws, Path file, LoadContext ctx, String mapping) throws IOException {
        if (!Files.isRegularFile(file)) {
            ctx.fileError("no_file", "file.missing");
            return null;
        }
        if (Files.size(file) == 0) {
            ctx.fileError("empty_file", "file.empty");
            return null;
        }
        if (mapping != null) {
            return SourceMapping.loaderNamed(ws, file, mapping, ctx);
        }
        if (PackageLoader.isPackage(file)) {
            return new PackageLoader(file);
        }
        Loader mapped = SourceMapping.loaderFor(ws, file, ctx);
        if (mapped != null || ctx.report.hasErrors()) {
            return mapped;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(CsvDialect.SAMPLE);
        }
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i < head.length && head[i] == '{') {
            return new GeoJsonLoader(file, GeoJsonLoader.Properties.DEFAULT);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            if (SheetRows.isXlsx(file) && MeasuresLoader.findHeader(file, null) != null) {
                return new MeasuresLoader(file, null);
            }
            ctx.fileError("needs_mapping", "file.xlsxNeedsMapping");
            return null;
        }
        CsvDialect dialect = CsvDialect.detect(head);
        if (!dialect.charset().name().startsWith("UTF-16") && looksBinary(head)) {
            ctx.fileError("binary_file", "file.binary");
            return null;
        }
        CsvTable.Header h = CsvTable.findHeader(file, dialect, AreasLoader.COLUMNS, AreasLoader.REQUIRED);
        if (h != null) {
            return new AreasLoader(file, dialect, h);
        }
        h = CsvTable.findHeader(file, dialect, BoundaryLoader.COLUMNS, BoundaryLoader.REQUIRED);
        if (h != null) {
            return new BoundaryLoader(file, dialect, h);
        }
        h = CsvTable.findHeader(file, dialect, CanonicalLoader.COLUMNS, CanonicalLoader.REQUIRED);
        if (h != null) {
            return new CanonicalLoader(file, dialect, h);
        }
        h = CsvTable.findHeader(file, dialect, ReferenceLoader.COLUMNS, ReferenceLoader.REQUIRED);
        if (h != null) {
            return new ReferenceLoader(file, dialect, h);
        }
        if (MeasuresLoader.findHeader(file, dialect) != null) {
            return new MeasuresLoader(file, dialect);
        }
        if (reportMissingColumns(file, dialect, ctx, AreasLoader.COLUMNS, AreasLoader.REQUIRED)
                || reportMissingColumns(file, dialect, ctx, BoundaryLoader.COLUMNS, BoundaryLoader.REQUIRED)
                || reportMissingColumns(file, dialect, ctx, CanonicalLoader.COLUMNS, CanonicalLoader.REQUIRED)) {
            return null;
        }
        ctx.fileError("format_unknown", "file.unknownFormat", dialect.describe());
        return null;
    }

    /**
     * A header that names most columns of a known format but lacks some: say which are missing
     * instead of "format not recognised".
     */
    private static boolean reportMissingColumns(Path file, CsvDialect dialect, LoadContext ctx,
                                                java.util.Map<String, java.util.List<String>> columns, java.util.List<String> required)
            throws IOException {
        for (int have = required.size() - 1; have >= 2; have--) {
            for (String missing : required) {
                java.util.List<String> rest = required.stream().filter(r -> !r.equals(missing)).toList();
                CsvTable.Header h = CsvTable.findHeader(file, dialect, columns, rest);
                if (h != null) {
                    java.util.List<String> absent = required.stream().filter(r -> h.col(r) < 0).toList();
                    for (String a : absent) {
                        ctx.error("missing_column", null, h.line(), a, null, "file.missingColumn", String.join(";", required));
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /** NUL bytes or many control characters: not a text table. */
    static boolean looksBinary(byte[] head) {
        int control = 0;
        int n = Math.min(head.length, 8192);
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return n > 0 && control * 20 > n;
    }
}
