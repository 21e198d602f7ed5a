package de.sozialmonitor.ingest;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.DiskSpace;
import de.sozialmonitor.store.Housekeeping;
import de.sozialmonitor.store.ImportRepository;
import de.sozialmonitor.store.ObservationStore;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The public entry point of ingest. {@link #importFile} reads, validates and writes one file in
 * one transaction: all or nothing. {@link #check} does exactly the same work and rolls it back,
 * so check and import always agree on what is wrong.
 */
public final class Importer {
    /** Values below this on both sides are not compared for jumps (1 → 3 is noise, not news). */
    static final int LISTED_PER_CHECK = 200;
    private Importer() {
    }

    /**
     * Options of an import; {@code source} null means: the mapping's name, else the file name;
     * {@code mapping} names a mapping of {@code sources/} to read the file with, null means: the
     * first mapping whose pattern matches the file name, else detected from the content;
     * {@code language} is the language of the report, the outcome and the history entry (German
     * when null).
     */
    public record Options(String source, String mapping, java.util.Locale language) {
        public static final Options DEFAULT = new Options(null, null, java.util.Locale.GERMAN);

        public Options(String source) {
            this(source, null, java.util.Locale.GERMAN);
        }

        public Options(String source, String mapping) {
            this(source, mapping, java.util.Locale.GERMAN);
        }

        /** German (the default) or English reports. */
        public static Options in(java.util.Locale language) {
            return new Options(null, null, language);
        }
    }

    /**
     * The file another county's package is read from: {@code path} itself if it is a
     * {@code datapackage.json} or a ZIP holding one, the {@code datapackage.json} in it if it is a
     * folder; empty if it is no package.
     */
    public static Optional<Path> packageFile(Path path) {
        Path p = java.nio.file.Files.isDirectory(path) ? path.resolve(PackageLoader.DESCRIPTOR) : path;
        return java.nio.file.Files.isRegularFile(p) && PackageLoader.isPackage(p) ? Optional.of(p) : Optional.empty();
    }

    /** The names of the workspace's source mappings ({@code sources/NAME.yaml}), sorted. */
    public static List<String> mappingNames(Workspace ws) {
        try {
            return SourceMapping.names(ws);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ImportOutcome importFile(Workspace ws, Database db, Path file, String user) {
        return importFile(ws, db, file, user, Options.DEFAULT);
    }

    public static ImportOutcome importFile(Workspace ws, Database db, Path file, String user, Options options) {
        return run(ws, db, file, user, options, true);
    }

    public static CheckReport check(Workspace ws, Database db, Path file) {
        return check(ws, db, file, Options.DEFAULT);
    }

    public static CheckReport check(Workspace ws, Database db, Path file, Options options) {
        return run(ws, db, file, AuditLog.cliUser(), options, false).report();
    }

    private static ImportOutcome run(Workspace ws, Database db, Path file, String user, Options options, boolean commit) {
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        CheckReport report = new CheckReport(fileName, ImportTexts.of(options.language()));
        ImportTexts texts = report.texts();
        String sha;
        try {
            sha = sha256(file);
        } catch (IOException | UncheckedIOException e) {
            report.add(new Problem(Severity.ERROR, "no_file", fileName, null, 0, null, null,
                    texts.get("file.unreadable", GeoJsonLoader.oneLine(e.getMessage()))));
            return new ImportOutcome(ImportOutcome.Status.REJECTED, 0, "", "?", "", 0, 0, List.of(), null, report, null);
        }
        long[] needed = {DiskSpace.forImport(file, "?")};
        try (Handle h = db.jdbi().open()) {
            h.begin();
            try {
                Optional<ImportRepository.ImportRow> same = ImportRepository.activeBySha(h, sha);
                if (same.isPresent()) {
                    ImportRepository.ImportRow s = same.get();
                    report.format(s.format());
                    report.source(s.source());
                    if (commit) {
                        AuditLog.record(h, user, "import", fileName, "unchanged: same SHA-256 as import #" + s.id());
                        h.commit();
                    } else {
                        report.add(new Problem(Severity.WARNING, "already_imported", fileName, null, 0, null, null,
                                texts.get("file.alreadyImported", s.id())));
                        h.rollback();
                    }
                    return new ImportOutcome(ImportOutcome.Status.UNCHANGED, s.id(), s.source(), s.format(), sha,
                            0, 0, List.of(), null, report, s.id());
                }
                LoadContext probe = new LoadContext(ws, h, -1, report, fileName, db.isPostgres());
                Loader loader = detect(ws, file, probe, options.mapping());
                String source = options.source() != null ? options.source()
                        : loader != null && loader.source() != null ? loader.source() : fileName;
                report.source(source);
                if (loader == null) {
                    h.rollback();
                    return rejected(db, commit, user, fileName, sha, source, "?", null, report);
                }
                report.format(loader.format());
                if (!ImportRepository.lockImports(h)) {
                    // another import runs (CLI or web): say so at once instead of failing on a lock timeout
                    report.add(new Problem(Severity.ERROR, "import_running", fileName, null, 0, null, null,
                            texts.get("file.importRunning")));
                    h.rollback();
                    return rejected(db, commit, user, fileName, sha, source, loader.format(), loader.mappingVersion(), report);
                }
                if (commit) {
                    needed[0] = DiskSpace.forImport(file, loader.format());
                    DiskSpace.require(ws.root(), db, needed[0]);
                }
                long importId = ImportRepository.start(h, fileName, sha, source, loader.format(), loader.mappingVersion(), user);
                LoadContext ctx = new LoadContext(ws, h, importId, report, fileName, db.isPostgres());
                ctx.user = user;
                ObservationSink sink = load(loader, ctx);
                List<Long> superseded = List.of();
                ObservationStore.Diff diff = null;
                if (sink != null && !report.hasErrors()) {
                    report.rowsAccepted(sink.accepted());
                    if (sink.accepted() == 0) {
                        ctx.fileError("empty_file", "file.noRows");
                    } else {
                        superseded = supersedeAndCompare(ctx, sink, source);
                        if (!report.hasErrors()) {
                            diff = ObservationStore.diff(h, superseded, importId, 20);
                            plausibility(ctx, sink);
                        }
                    }
                }
                if (report.hasErrors()) {
                    h.rollback();
                    return rejected(db, commit, user, fileName, sha, source, loader.format(), loader.mappingVersion(), report);
                }
                if (!commit) {
                    h.rollback();
                    return new ImportOutcome(ImportOutcome.Status.IMPORTED, 0, source, loader.format(), sha,
                            report.rowsRead(), report.rowsAccepted(), superseded, diff, report, null);
                }
                String periods = sink == null ? null : sink.years().stream().map(String::valueOf).collect(Collectors.joining(","));
                String variables = sink == null ? null : String.join(",", sink.variables());
                long rejectedRows = Math.max(0, report.rowsRead() - report.rowsAccepted());
                ImportRepository.finish(h, importId, ImportRepository.IMPORTED, report.rowsRead(), report.rowsAccepted(),
                        rejectedRows, report.warningCount() == 0 ? null : texts.get("history.warnings", report.warningCount()),
                        periods, variables);
                Housekeeping.Pruned pruned = Housekeeping.prune(h);
                if (!pruned.isEmpty()) {
                    AuditLog.record(h, user, "housekeeping", "import #" + importId, pruned.describe());
                    db.compactWhenClosed(pruned.bytes());
                }
                ImportOutcome outcome = new ImportOutcome(ImportOutcome.Status.IMPORTED, importId, source, loader.format(), sha,
                        report.rowsRead(), report.rowsAccepted(), superseded, diff, report, null);
                AuditLog.record(h, user, "import", fileName, "import #" + importId + " " + loader.format() + ", source " + source
                        + ", " + report.rowsAccepted() + " rows, " + report.warningCount() + " warnings"
                        + (superseded.isEmpty() ? "" : ", supersedes " + superseded)
                        + (diff == null || superseded.isEmpty() ? "" : ", diff: " + diff.changed() + " changed, " + diff.added()
                        + " added, " + diff.removed() + " removed"));
                h.commit();
                return outcome;
            } catch (RuntimeException | Error e) {
                if (h.isInTransaction()) {
                    h.rollback();
                }
                throw e;
            }
        } catch (RuntimeException e) {
            throw DiskSpace.translate(e, ws.root(), db, needed[0]);
        }
    }

    private static Loader detect(Workspace ws, Path file, LoadContext probe, String mapping) {
        try {
            return FormatDetector.detect(ws, file, probe, mapping);
        } catch (de.sozialmonitor.workspace.ConfigException e) {
            probe.fileError("bad_mapping", "file.badMapping", mappingError(ws, probe.texts, e));
            return null;
        } catch (XlsxLimits.Exceeded e) {
            probe.fileError("xlsx_limit", "file.xlsxLimit", e.in(probe.texts));
            return null;
        } catch (IOException | RuntimeException e) {
            probe.fileError("read_failed", "file.unreadable", GeoJsonLoader.oneLine(String.valueOf(e.getMessage())));
            return null;
        }
    }

    /** Runs the loader and turns every way a file can break into a reported error. */
    private static ObservationSink load(Loader loader, LoadContext ctx) {
        try {
            return loader.load(ctx);
        } catch (CsvTable.EncodingException e) {
            ctx.error("wrong_encoding", null, e.line, null, null, "file.encoding", GeoJsonLoader.oneLine(String.valueOf(e.getCause())));
        } catch (IOException | UncheckedIOException e) {
            ctx.fileError("read_failed", "file.unreadable", GeoJsonLoader.oneLine(e.getMessage()));
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            ctx.fileError("bad_csv", "file.badCsv", GeoJsonLoader.oneLine(e.getMessage() + " " + e.getCause()));
        } catch (de.sozialmonitor.workspace.ConfigException e) {
            ctx.fileError("bad_mapping", "file.badMapping", mappingError(ctx.ws, ctx.texts, e));
        } catch (SheetRows.MissingSheetException e) {
            ctx.fileError("missing_sheet", "mapping.badSheet", GeoJsonLoader.oneLine(e.getMessage()));
        } catch (XlsxLimits.Exceeded e) {
            ctx.fileError("xlsx_limit", "file.xlsxLimit", e.in(ctx.texts));
        } catch (RuntimeException e) {
            // whatever else a mangled file provokes in a library: reported, never thrown at the user
            ctx.fileError("read_failed", "file.unreadable", GeoJsonLoader.oneLine(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        return null;
    }

    /** A mapping's error in full (it is ours, not a library's), its file named within the workspace. */
    private static String mappingError(Workspace ws, ImportTexts texts, de.sozialmonitor.workspace.ConfigException e) {
        java.nio.file.Path f = e.file();
        String where = f == null ? "" : f.toAbsolutePath().startsWith(ws.root()) ? ws.root().relativize(f.toAbsolutePath()).toString() : f.toString();
        return e.at(java.nio.file.Path.of(where)).message(texts.locale()).replaceAll("\\s+", " ");
    }

    private static ImportOutcome rejected(Database db, boolean commit, String user, String fileName, String sha, String source,
                                          String format, String mappingVersion, CheckReport report) {
        ImportTexts texts = report.texts();
        long id = 0;
        if (commit) {
            StringBuilder msg = new StringBuilder();
            for (Problem p : report.problems()) {
                if (p.isError() && msg.length() < 3000) {
                    msg.append(p.row() > 0 ? texts.get("where.row", p.row()) + ": " : "").append(p.reason()).append("; ");
                }
            }
            id = db.jdbi().inTransaction(h -> {
                long i = ImportRepository.start(h, fileName, sha, source, format, mappingVersion, user);
                ImportRepository.finish(h, i, ImportRepository.REJECTED, report.rowsRead(), 0, report.rowsRead(),
                        texts.get("history.rejectedMessage", report.errorCount(), msg), null, null);
                AuditLog.record(h, user, "import", fileName, "rejected: " + report.errorCount() + " errors, " + report.warningCount() + " warnings");
                return i;
            });
        }
        return new ImportOutcome(ImportOutcome.Status.REJECTED, id, source, format, sha, report.rowsRead(), 0, List.of(), null, report, null);
    }

    /**
     * A delivery of the same source whose periods overlap supersedes the earlier one (the earlier
     * rows stay, no longer active). Figures that another active import already delivers are an
     * error: two active values for one figure would make results depend on chance.
     */
    private static List<Long> supersedeAndCompare(LoadContext ctx, ObservationSink sink, String source) {
        Handle h = ctx.handle;
        List<Long> superseded = new ArrayList<>();
        TreeSet<Integer> years = sink.years();
        for (ImportRepository.ImportRow prev : ImportRepository.activeOfSource(h, source)) {
            if (prev.id() == ctx.importId || prev.variables() == null) {
                continue;
            }
            if (prev.years().stream().anyMatch(years::contains)) {
                superseded.add(prev.id());
                Set<Integer> gone = new TreeSet<>(prev.years());
                gone.removeAll(years);
                if (!gone.isEmpty()) {
                    ctx.warn("years_missing", null, 0, "year", gone.toString(), "plaus.yearsMissing", prev.id(), gone);
                }
            }
        }
        List<Long> others = new ArrayList<>();
        for (ImportRepository.ImportRow other : ImportRepository.activeWithObservations(h)) {
            if (other.id() == ctx.importId || superseded.contains(other.id())) {
                continue;
            }
            if (other.years().stream().anyMatch(years::contains) && other.variableList().stream().anyMatch(sink.variables()::contains)) {
                others.add(other.id());
            }
        }
        for (ObservationStore.Change c : ObservationStore.conflicts(h, ctx.importId, others, LISTED_PER_CHECK)) {
            String[] statusAndImport = c.oldStatus().split("#");
            ctx.error("already_delivered", null, 0, c.variable(), c.areaCode() + " " + c.year(), "conflict.active",
                    c.areaCode(), c.year(), c.variable(), c.targetGroup().isEmpty() ? "total" : c.targetGroup(), statusAndImport[1]);
        }
        if (ctx.report.hasErrors()) {
            return List.of();
        }
        for (Long old : superseded) {
            ImportRepository.supersede(h, old, ctx.importId);
        }
        Optional<ImportRepository.ImportRow> prev = ImportRepository.previousOfSource(h, source, ctx.importId);
        if (prev.isPresent() && prev.get().variables() != null) {
            List<String> missing = ObservationStore.areasMissing(h, prev.get().id(), ctx.importId, LISTED_PER_CHECK);
            if (!missing.isEmpty()) {
                ctx.warn("areas_missing", null, 0, "area_code", String.join(", ", missing.subList(0, Math.min(20, missing.size()))),
                        "plaus.areasMissing", prev.get().id(), missing.size());
            }
            Set<String> vars = new TreeSet<>(prev.get().variableList());
            vars.removeAll(sink.variables());
            if (!vars.isEmpty()) {
                ctx.warn("variables_missing", null, 0, "variable", String.join(", ", vars), "plaus.variablesMissing", prev.get().id());
            }
        }
        return superseded;
    }

    /** Warnings that do not block: jumps against the previous year, parts above their whole. */
    private static void plausibility(LoadContext ctx, ObservationSink sink) {
        Set<Integer> near = new java.util.HashSet<>();
        for (int y : sink.years()) {
            near.add(y - 1);
            near.add(y);
            near.add(y + 1);
        }
        List<Long> others = new ArrayList<>();
        for (ImportRepository.ImportRow other : ImportRepository.activeWithObservations(ctx.handle)) {
            if (other.id() != ctx.importId && other.years().stream().anyMatch(near::contains)) {
                others.add(other.id());
            }
        }
        sink.plausibility(ctx.ws.config().jumpFactor(), ctx.ws.config().jumpMinCount(), partWholePairs(ctx), others);
        sink.totalsAgainstParts();
    }

    /** (part, whole) pairs: indicators whose numerator and denominator are single variables. */
    static Set<String[]> partWholePairs(LoadContext ctx) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String[]> pairs = new java.util.LinkedHashSet<>();
        for (Indicator i : ctx.ws.catalog().indicators()) {
            if (i.isDelivered()) {
                continue;
            }
            LinearExpression n = i.numerator();
            LinearExpression d = i.denominator();
            if (n.terms().size() == 1 && d.terms().size() == 1 && n.terms().get(0).sign() > 0 && d.terms().get(0).sign() > 0
                    && i.targetGroup().isTotal()) {
                String part = n.terms().get(0).variable();
                String whole = d.terms().get(0).variable();
                if (!part.equals(whole) && seen.add(part + ">" + whole)) {
                    pairs.add(new String[] {part, whole});
                }
            }
        }
        return pairs;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
