package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.ingest.CheckReport;
import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.ingest.Problem;
import de.sozialmonitor.method.ClassCounts;
import de.sozialmonitor.method.EarlyWarning;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.workflow.ComputeWorkflow;
import de.sozialmonitor.store.ImportRepository;
import de.sozialmonitor.store.MonitoringInputReader;
import de.sozialmonitor.store.ObservationStore;
import de.sozialmonitor.store.ResultRepository;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import j2html.tags.DomContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The analyst's data work in the browser: upload a file, read its check report (Prüfbericht),
 * import exactly the checked file, see the import history, compute the method. Every step goes
 * through the same code as the command line ({@link Importer#check}, {@link Importer#importFile},
 * {@link ComputeWorkflow#compute}), with the logged-in user in the import row and the audit log.
 * All text from files (names, values, reasons) reaches the page only through j2html, which
 * escapes it.
 */
final class AnalystPages {
    /** One import or computation at a time: both read what the other writes. */
    private static final Object DATA_LOCK = new Object();
    /** Problems shown in the table; the rest are counted by kind. */
    static final int PROBLEMS_SHOWN = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String NAV = "nav.intern";

    private final WebServer.WebContext web;

    AnalystPages(WebServer.WebContext web) {
        this.web = web;
    }

    private Uploads uploads() {
        return Uploads.of(web.workspace());
    }

    // ---------------------------------------------------------------- the data page

    void dataPage(Context ctx) {
        renderDataPage(ctx, null, HttpStatus.OK);
    }

    private void renderDataPage(Context ctx, String error, HttpStatus status) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        String title = t.get("analyst.title");
        if (web.workspace() == null) {
            ctx.status(HttpStatus.OK).html(Layout.page(web, v, ctx, title, NAV, h1(title), p(t.get("analyst.noWorkspace"))));
            return;
        }
        List<String> mappings = Importer.mappingNames(web.workspace());
        List<Integer> years = yearsWithData();
        long maxMb = web.maxUploadBytes() / (1024 * 1024);
        DomContent body = div(
                h1(title),
                iff(error != null, p(error == null ? "" : error).withClass("error").attr("role", "alert")),
                p(t.get("analyst.intro")),
                section(
                        h2(t.get("analyst.upload")).withId("pruefen"),
                        p(t.get("analyst.uploadIntro")),
                        form(Layout.csrf(v),
                                div(label(t.get("analyst.file")).attr("for", "upload-file"),
                                        input().withType("file").withId("upload-file").withName("file").isRequired()
                                                .attr("accept", ".csv,.txt,.tsv,.xlsx,.geojson,.json")
                                                .attr("aria-describedby", "upload-file-hint"),
                                        span(t.get("analyst.fileHint", maxMb)).withId("upload-file-hint").withClass("hint"))
                                        .withClass("field"),
                                div(label(t.get("analyst.mapping")).attr("for", "upload-mapping"),
                                        select(option(t.get("analyst.mappingAuto")).withValue(""),
                                                each(mappings, m -> option(t.get("analyst.mappingNamed", m)).withValue(m)))
                                                .withId("upload-mapping").withName("mapping"))
                                        .withClass("field"),
                                div(label(t.get("analyst.source")).attr("for", "upload-source"),
                                        input().withType("text").withId("upload-source").withName("source").attr("maxlength", 200)
                                                .attr("aria-describedby", "upload-source-hint"),
                                        span(t.get("analyst.sourceHint")).withId("upload-source-hint").withClass("hint"))
                                        .withClass("field"),
                                button(t.get("analyst.checkSubmit")).withType("submit").withClass("primary"))
                                .withMethod("post").withAction("/intern/daten/pruefen").attr("enctype", "multipart/form-data")
                                .withClass("login-form")),
                section(
                        h2(t.get("analyst.compute")).withId("berechnung"),
                        p(t.get("analyst.computeIntro")),
                        years.isEmpty() ? p(t.get("analyst.noData")) : computeForm(v, years)),
                section(
                        h2(t.get("analyst.history")).withId("einspielungen"),
                        historyTable(t, ImportRepository.history(web.db().jdbi(), 50))),
                p(t.get("analyst.cliHint")).withClass("hint"));
        ctx.status(status).html(Layout.page(web, v, ctx, title, NAV, body));
    }

    private static DomContent computeForm(Viewer v, List<Integer> years) {
        Texts t = v.texts();
        int latest = years.get(years.size() - 1);
        return form(Layout.csrf(v),
                div(label(t.get("controls.year")).attr("for", "compute-year"),
                        select(each(years, y -> option(Integer.toString(y)).withValue(Integer.toString(y)).withCondSelected(y == latest)))
                                .withId("compute-year").withName("year"))
                        .withClass("field"),
                button(t.get("analyst.computeSubmit")).withType("submit").withClass("primary"))
                .withMethod("post").withAction("/intern/berechnung").withClass("login-form");
    }

    /** Years delivered by active imports (the import rows' periods: no scan of the observations). */
    private List<Integer> yearsWithData() {
        TreeSet<Integer> years = new TreeSet<>();
        web.db().jdbi().useHandle(h -> ImportRepository.activeWithObservations(h).forEach(r -> years.addAll(r.years())));
        return List.copyOf(years);
    }

    private static DomContent historyTable(Texts t, List<ImportRepository.ImportRow> rows) {
        if (rows.isEmpty()) {
            return p(t.get("analyst.noImports"));
        }
        return div(table(
                caption(t.get("analyst.historyCaption", rows.size())),
                thead(tr(each(List.of("analyst.h.id", "analyst.h.at", "analyst.h.outcome", "analyst.h.format", "analyst.h.source",
                        "analyst.h.file", "analyst.h.rows", "analyst.h.user", "analyst.h.supersededBy", "analyst.h.message"),
                        k -> th(t.get(k)).attr("scope", "col")))),
                tbody(each(rows, r -> tr(
                        th(Long.toString(r.id())).attr("scope", "row"),
                        td(r.startedAt() == null ? "" : TIME.format(r.startedAt())),
                        td(outcomeText(t, r)),
                        td(nz(r.format())),
                        td(nz(r.source())),
                        td(span(nz(r.fileName())), br(), code(shortSha(r.sha256())).attr("title", nz(r.sha256()))),
                        td(t.get("analyst.rowsOf", r.rowsAccepted(), r.rowsRead())),
                        td(nz(r.user())),
                        td(r.supersededBy() == null ? "" : "#" + r.supersededBy()),
                        td(nz(ServerPaths.hide(r.message()))))))).withClass("data-table"))
                .withClass("table-scroll").attr("tabindex", "0").attr("role", "region")
                .attr("aria-label", t.get("analyst.history"));
    }

    private static String outcomeText(Texts t, ImportRepository.ImportRow r) {
        String base = t.getOr("analyst.outcome." + r.outcome(), nz(r.outcome()));
        return ImportRepository.IMPORTED.equals(r.outcome()) && !r.active() ? base + " " + t.get("analyst.outcome.superseded") : base;
    }

    // ---------------------------------------------------------------- upload and check

    void check(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        if (web.workspace() == null) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, t.get("analyst.noWorkspace"));
            return;
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            renderDataPage(ctx, t.get("analyst.noFile"), HttpStatus.BAD_REQUEST);
            return;
        }
        String mapping = blankToNull(ctx.formParam("mapping"));
        if (mapping != null && !Importer.mappingNames(web.workspace()).contains(mapping)) {
            renderDataPage(ctx, t.get("analyst.unknownMapping"), HttpStatus.BAD_REQUEST);
            return;
        }
        String source = blankToNull(ctx.formParam("source"));
        if (source != null && source.length() > 200) {
            renderDataPage(ctx, t.get("analyst.sourceTooLong"), HttpStatus.BAD_REQUEST);
            return;
        }
        Uploads.Staged staged;
        try (InputStream in = file.content()) {
            staged = uploads().store(in, file.filename(), web.maxUploadBytes(), v.username(), mapping, source);
        } catch (Uploads.TooLarge e) {
            renderDataPage(ctx, t.get("upload.tooLarge", web.maxUploadBytes() / (1024 * 1024)), HttpStatus.CONTENT_TOO_LARGE);
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CheckReport report;
        synchronized (DATA_LOCK) {
            report = Importer.check(web.workspace(), web.db(), staged.file(), new Importer.Options(source, mapping, t.locale()));
        }
        web.audit().record(v.username(), "import.check", staged.name(), "upload " + staged.id() + ", sha256 " + staged.sha256()
                + ", " + report.errorCount() + " errors, " + report.warningCount() + " warnings");
        boolean microdata = isMicrodata(report.format());
        if (report.hasErrors()) {
            uploads().discard(staged); // it can never be imported; a register extract must not stay
        }
        DomContent keeping = microdata
                ? p(t.get(report.hasErrors() ? "analyst.microdataDeleted" : "analyst.microdataKept", shortSha(staged.sha256())))
                .withClass("notice")
                : iff(report.hasErrors(), p(t.get("analyst.uploadDeleted")).withClass("hint"));
        String title = t.get("analyst.reportTitle", staged.name());
        boolean alreadyImported = report.countsByCode().containsKey("already_imported");
        DomContent verdict = report.hasErrors()
                ? p(t.get("analyst.blocked", report.errorCount(), report.warningCount())).withClass("error").attr("role", "alert")
                : p(t.get(alreadyImported ? "analyst.alreadyImported" : "analyst.importable", report.warningCount()))
                .withClass("notice").attr("role", "status");
        DomContent body = div(
                h1(title),
                verdict,
                keeping,
                reportFacts(t, report, staged),
                problemTable(t, report),
                report.hasErrors()
                        ? p(a(t.get("analyst.uploadAgain")).withHref("/intern/daten#pruefen"))
                        : form(Layout.csrf(v),
                        input().withType("hidden").withName("upload").withValue(staged.id()),
                        input().withType("hidden").withName("sha256").withValue(staged.sha256()),
                        p(t.get("analyst.importExplain", shortSha(staged.sha256()))).withClass("hint"),
                        button(t.get("analyst.importSubmit")).withType("submit").withClass("primary"))
                        .withMethod("post").withAction("/intern/daten/einspielen").withClass("login-form"),
                p(a(t.get("analyst.back")).withHref("/intern/daten")));
        ctx.status(HttpStatus.OK).html(Layout.page(web, v, ctx, title, NAV, body));
    }

    private static DomContent reportFacts(Texts t, CheckReport report, Uploads.Staged staged) {
        return dl(
                dt(t.get("analyst.file")), dd(staged.name()),
                iff(!staged.originalName().equals(staged.name()), dt(t.get("analyst.originalName"))),
                iff(!staged.originalName().equals(staged.name()), dd(staged.originalName())),
                dt("SHA-256"), dd(code(staged.sha256())),
                dt(t.get("analyst.size")), dd(t.number((double) staged.size(), 0) + " Bytes"),
                dt(t.get("analyst.h.format")), dd(nz(report.format())),
                iff(staged.mapping() != null, dt(t.get("analyst.mapping"))),
                iff(staged.mapping() != null, dd(nz(staged.mapping()))),
                dt(t.get("analyst.h.source")), dd(nz(report.source())),
                dt(t.get("analyst.rowsRead")), dd(Long.toString(report.rowsRead())),
                dt(t.get("analyst.errors")), dd(Long.toString(report.errorCount())),
                dt(t.get("analyst.warnings")), dd(Long.toString(report.warningCount())))
                .withClass("facts");
    }

    /** Every problem with file, sheet, row, column, value and reason; errors first. */
    static DomContent problemTable(Texts t, CheckReport report) {
        List<Problem> problems = new ArrayList<>(report.problems());
        if (problems.isEmpty()) {
            return p(t.get("analyst.noProblems"));
        }
        problems.sort((a, b) -> Boolean.compare(b.isError(), a.isError()));
        List<Problem> shown = problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size()));
        long notShown = report.errorCount() + report.warningCount() - shown.size();
        return div(
                div(table(
                        caption(t.get("analyst.problemsCaption", report.errorCount(), report.warningCount())),
                        thead(tr(each(List.of("analyst.p.severity", "analyst.p.file", "analyst.p.sheet", "analyst.p.row",
                                "analyst.p.column", "analyst.p.value", "analyst.p.reason"), k -> th(t.get(k)).attr("scope", "col")))),
                        tbody(each(shown, p -> tr(
                                td(p.isError() ? strong(t.get("analyst.p.error")) : span(t.get("analyst.p.warning")))
                                        .withClass(p.isError() ? "sev-error" : "sev-warning"),
                                td(nz(p.file())),
                                td(nz(p.sheet())),
                                td(p.row() > 0 ? Long.toString(p.row()) : ""),
                                td(nz(p.column())),
                                td(p.value() == null ? text("") : code(abbreviate(p.value()))),
                                td(nz(ServerPaths.hide(p.reason())))))))
                        .withClass("data-table problems"))
                        .withClass("table-scroll").attr("tabindex", "0").attr("role", "region")
                        .attr("aria-label", t.get("analyst.problems")),
                iff(notShown > 0, p(t.get("analyst.moreProblems", notShown, report.countsByCode().toString())).withClass("hint")));
    }

    // ---------------------------------------------------------------- import

    void importChecked(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        if (web.workspace() == null) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, t.get("analyst.noWorkspace"));
            return;
        }
        Uploads uploads = uploads();
        Optional<Uploads.Staged> found = uploads.find(ctx.formParam("upload"));
        if (found.isEmpty()) {
            renderDataPage(ctx, t.get("analyst.uploadGone"), HttpStatus.NOT_FOUND);
            return;
        }
        Uploads.Staged staged = found.get();
        if (!staged.user().equals(v.username())) {
            renderDataPage(ctx, t.get("analyst.otherUser"), HttpStatus.FORBIDDEN);
            return;
        }
        String sha = Optional.ofNullable(ctx.formParam("sha256")).orElse("");
        ImportOutcome outcome;
        synchronized (DATA_LOCK) {
            String now;
            try {
                now = Importer.sha256(staged.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!same(sha, staged.sha256()) || !same(now, staged.sha256())) {
                web.audit().record(v.username(), "import.refused", staged.name(), "upload " + staged.id()
                        + ": SHA-256 differs from the checked file");
                renderDataPage(ctx, t.get("analyst.shaMismatch"), HttpStatus.CONFLICT);
                return;
            }
            outcome = Importer.importFile(web.workspace(), web.db(), staged.file(),
                    v.username(), new Importer.Options(staged.source(), staged.mapping(), t.locale()));
            if (outcome.imported() && !isMicrodata(outcome.format())) {
                try {
                    uploads.archive(staged);
                } catch (IOException e) {
                    // the import stands (its rows and SHA-256 are in the database); the file stays staged
                    org.slf4j.LoggerFactory.getLogger(AnalystPages.class).warn("could not move {} to data/uploads", staged.name(), e);
                }
            } else {
                // a register extract is never kept, a rejected or unchanged upload has no further use
                uploads.discard(staged);
            }
        }
        renderOutcome(ctx, v, staged, outcome);
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private void renderOutcome(Context ctx, Viewer v, Uploads.Staged staged, ImportOutcome o) {
        Texts t = v.texts();
        String title = switch (o.status()) {
            case IMPORTED -> t.get("analyst.imported", o.importId());
            case UNCHANGED -> t.get("analyst.unchanged", o.sameAsImport());
            case REJECTED -> t.get("analyst.rejected");
        };
        List<DomContent> parts = new ArrayList<>();
        parts.add(h1(title));
        if (isMicrodata(o.format())) {
            parts.add(p(t.get("analyst.microdataDeleted", shortSha(staged.sha256()))).withClass("notice"));
        } else if (!o.imported()) {
            parts.add(p(t.get("analyst.uploadDeleted")).withClass("hint"));
        }
        parts.add(p(o.status() == ImportOutcome.Status.REJECTED ? t.get("analyst.rejectedExplain") : t.get("analyst.importedExplain",
                staged.name(), nz(o.format()), nz(o.source()), o.rowsAccepted(), o.report().warningCount()))
                .withClass(o.status() == ImportOutcome.Status.REJECTED ? "error" : "notice").attr("role", "status"));
        if (!o.superseded().isEmpty()) {
            parts.add(h2(t.get("analyst.supersedeTitle")));
            parts.add(p(t.get("analyst.supersedes", o.superseded().stream().map(id -> "#" + id).toList().toString())));
            ObservationStore.Diff d = o.diff();
            if (d != null) {
                parts.add(p(t.get("analyst.diffSummary", d.changed(), d.added(), d.removed())));
                if (!d.sample().isEmpty()) {
                    var diffTable = table(
                            caption(t.get("analyst.diffCaption", d.sample().size())),
                            thead(tr(each(List.of("analyst.d.area", "controls.year", "analyst.d.variable", "analyst.d.group",
                                    "analyst.d.old", "analyst.d.new"), k -> th(t.get(k)).attr("scope", "col")))),
                            tbody(each(d.sample(), c -> tr(td(c.areaCode()), td(Integer.toString(c.year())), td(c.variable()),
                                    td(c.targetGroup().isEmpty() ? t.get("analyst.d.total") : c.targetGroup()),
                                    td(show(t, c.oldValue(), c.oldStatus())), td(show(t, c.newValue(), c.newStatus()))))))
                            .withClass("data-table");
                    parts.add(div(diffTable).withClass("table-scroll").attr("tabindex", "0").attr("role", "region")
                            .attr("aria-label", t.get("analyst.supersedeTitle")));
                }
            }
        }
        parts.add(ul(li(a(t.get("analyst.nextCompute")).withHref("/intern/daten#berechnung")),
                li(a(t.get("analyst.history")).withHref("/intern/daten#einspielungen"))));
        if (o.report().errorCount() + o.report().warningCount() > 0) {
            parts.add(h2(t.get("analyst.problems")));
            parts.add(problemTable(t, o.report()));
        }
        ctx.status(o.status() == ImportOutcome.Status.REJECTED ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .html(Layout.page(web, v, ctx, title, NAV, div(parts.toArray(DomContent[]::new))));
    }

    private static String show(Texts t, Double value, String status) {
        String num = value == null ? "" : t.number(value, value == Math.rint(value) ? 0 : 2);
        if (status == null || "OK".equals(status)) {
            return num.isEmpty() ? "–" : num;
        }
        return num.isEmpty() ? status : num + " (" + status + ")";
    }

    // ---------------------------------------------------------------- compute

    void compute(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        if (web.workspace() == null) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, t.get("analyst.noWorkspace"));
            return;
        }
        Integer asked = blankToNull(ctx.formParam("year")) == null ? null : Api.parseInt(ctx.formParam("year"), -1);
        ComputeWorkflow.Computed c;
        Optional<MonitoringResult> previous;
        synchronized (DATA_LOCK) {
            MonitoringInput input = MonitoringInputReader.read(web.db().jdbi());
            int[] years = input.years();
            if (years.length == 0) {
                renderDataPage(ctx, t.get("analyst.noData"), HttpStatus.BAD_REQUEST);
                return;
            }
            int year = asked != null ? asked : years[years.length - 1];
            if (!input.hasYear(year)) {
                renderDataPage(ctx, t.get("analyst.noYear", year), HttpStatus.BAD_REQUEST);
                return;
            }
            try {
                c = ComputeWorkflow.compute(web.workspace(), web.db(), input, year, v.username());
            } catch (IllegalArgumentException e) {
                renderDataPage(ctx, t.get("analyst.computeRefused", nz(ServerPaths.hide(e.getMessage()))), HttpStatus.UNPROCESSABLE_CONTENT);
                return;
            }
            previous = previousComputation(c.result().year());
        }
        renderComputed(ctx, v, c, previous);
    }

    /** The computation to compare with for the early warning; none if it cannot be read (the new one stands anyway). */
    private Optional<MonitoringResult> previousComputation(int year) {
        ResultRepository repo = new ResultRepository(web.db().jdbi());
        try {
            return repo.previousId(year).flatMap(repo::byId);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AnalystPages.class).warn("previous computation for {} not readable: {}", year, e.getMessage());
            return Optional.empty();
        }
    }

    private void renderComputed(Context ctx, Viewer v, ComputeWorkflow.Computed c, Optional<MonitoringResult> previous) {
        Texts t = v.texts();
        MonitoringResult r = c.result();
        ClassCounts counts = ClassCounts.of(r);
        String title = t.get("analyst.computedTitle", c.resultSetId(), r.year());
        List<DomContent> parts = new ArrayList<>();
        parts.add(h1(title));
        parts.add(p(t.get("analyst.computedNotice", r.year())).withClass("notice").attr("role", "status"));
        parts.add(dl(
                dt(t.get("analyst.c.resultSet")), dd(Long.toString(c.resultSetId())),
                dt(t.get("controls.year")), dd(Integer.toString(r.year())),
                dt(t.get("analyst.c.baseYear")), dd(Integer.toString(r.baseYear())),
                dt(t.get("analyst.c.level")), dd(r.analysisLevel()),
                dt(t.get("analyst.c.areas")), dd(Integer.toString(r.analysisAreas().length)),
                dt(t.get("analyst.c.statusAreas")), dd(Integer.toString(r.status().participants())),
                dt(t.get("analyst.c.dynamicsAreas")), dd(Integer.toString(r.dynamics().participants())),
                dt(t.get("analyst.c.excluded")), dd(Integer.toString(counts.withoutStatus())),
                dt(t.get("analyst.c.attention")), dd(Integer.toString(counts.attention()))).withClass("facts"));
        parts.add(table(
                caption(t.get("analyst.c.classes")),
                thead(tr(th(t.get("analyst.c.index")).attr("scope", "col"), th(t.get("analyst.c.class")).attr("scope", "col"),
                        th(t.get("analyst.c.count")).attr("scope", "col"))),
                tbody(
                        each(List.of(StatusClass.values()), s -> tr(th(t.get("analyst.c.status")).attr("scope", "row"),
                                td(t.statusClass(s.name().toLowerCase(java.util.Locale.ROOT))),
                                td(Integer.toString(counts.of(s))))),
                        each(List.of(DynamicsClass.values()), d -> tr(th(t.get("analyst.c.dynamics")).attr("scope", "row"),
                                td(t.dynamicsClass(d.name().toLowerCase(java.util.Locale.ROOT))),
                                td(Integer.toString(counts.of(d)))))))
                .withClass("data-table compact"));
        previous.ifPresent(prev -> {
            EarlyWarning.Report w = EarlyWarning.compare(prev, r);
            parts.add(p(t.get("analyst.c.earlyWarning", prev.year(), w.of(EarlyWarning.Kind.STATUS_FELL).size(),
                    w.of(EarlyWarning.Kind.DYNAMICS_TURNED_NEGATIVE).size(), w.of(EarlyWarning.Kind.NEWLY_FLAGGED).size(),
                    w.of(EarlyWarning.Kind.THRESHOLD_CROSSED).size())));
        });
        if (!r.notes().isEmpty()) {
            parts.add(h2(t.get("analyst.c.notes")));
            parts.add(ul(each(de.sozialmonitor.method.MethodNotes.texts(r.notes(), t.locale()), n -> li(n))));
        }
        parts.add(p(a(t.get("analyst.c.internalOverview")).withHref("/?year=" + r.year())));
        parts.add(h2(t.get("intern.createRelease")));
        parts.add(p(t.get("analyst.c.releaseIntro")));
        parts.add(Admin.releaseForm(v, t.get("analyst.c.releaseTitle", r.year()), r.year()));
        ctx.html(Layout.page(web, v, ctx, title, NAV, div(parts.toArray(DomContent[]::new))));
    }

    // ---------------------------------------------------------------- helpers

    /** Register extracts (one row per person) are read by the microdata loader; they are never kept. */
    private static boolean isMicrodata(String format) {
        return "microdata".equals(format);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String shortSha(String sha) {
        return sha == null ? "" : sha.substring(0, Math.min(12, sha.length()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "…";
    }
}
