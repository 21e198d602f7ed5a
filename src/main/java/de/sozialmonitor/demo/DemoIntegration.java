package de.sozialmonitor.demo;

import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.report.AbstimmungReport;
import de.sozialmonitor.report.AbstimmungService;
import de.sozialmonitor.report.FundingDataSheet;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.MonitoringInputReader;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.store.ResultRepository;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.view.ResultViews;
import de.sozialmonitor.workflow.ComputeWorkflow;
import de.sozialmonitor.workflow.ReleaseWorkflow;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The integration points of the demo with the other parts of the system. Each method calls the
 * real public entry point of its package.
 *
 * <p>INTEGRATION STATUS (keep up to date):
 * <ul>
 *   <li>import: wired to {@code ingest.Importer.importFile}</li>
 *   <li>compute: wired to {@code workflow.ComputeWorkflow.compute} (what {@code compute --year Y} does, for every year)</li>
 *   <li>release create + publish: wired to {@code workflow.ReleaseWorkflow}, as the CLI does</li>
 *   <li>import package: wired to {@code ingest.Importer.packageFile} and {@code importFile}, as {@code import package} does</li>
 *   <li>serve: wired in {@code cli.DemoCommand} to {@code cli.ServeCommand.serve}</li>
 * </ul>
 */
public final class DemoIntegration {
    /** The user name in provenance and audit log for everything the demo does. */
    static final String USER = "demo";

    private DemoIntegration() {
    }

    /** A step that went wrong: the demo stops, and says why. */
    public static final class DemoFailedException extends RuntimeException {
        DemoFailedException(String message) {
            super(message);
        }
    }

    /**
     * Imports one generated file through the real import path. A file that is already imported
     * (same SHA-256) counts as done; a rejected file stops the demo with the import's report.
     */
    static DemoBuild.Step importFile(Workspace ws, Database db, Path file, String source) {
        ImportOutcome outcome = Importer.importFile(ws, db, file, USER, new Importer.Options(source));
        String name = "import " + file.getFileName();
        return switch (outcome.status()) {
            case IMPORTED -> new DemoBuild.Step(name, true, outcome.rowsAccepted() + " rows, import #" + outcome.importId()
                    + (outcome.report().warningCount() == 0 ? "" : ", " + outcome.report().warningCount() + " warnings"), true);
            case UNCHANGED -> new DemoBuild.Step(name, true, "unchanged (same file as import #" + outcome.sameAsImport() + ")", false);
            case REJECTED -> throw new DemoFailedException(outcome.summary() + "\n" + outcome.report().problems().stream()
                    .limit(10).map(Object::toString).reduce((a, b) -> a + "\n" + b).orElse(""));
        };
    }

    /**
     * Reads another county's package as a reference region set through the path {@code import package}
     * takes; an identical package already imported counts as done, a rejected one stops the demo.
     */
    static DemoBuild.Step importPackage(Workspace ws, Database db, Path pkg) {
        Path file = Importer.packageFile(pkg).orElseThrow(() -> new DemoFailedException(pkg + " is no data package"));
        return importFile(ws, db, file, "Datenpaket " + ExampleCounty.NAME);
    }

    /**
     * Computes every year through the real method and stores one result set per year, as
     * {@code compute --year Y} does. Years that already have a result set are skipped unless
     * {@code dataChanged}.
     */
    static DemoBuild.Step compute(Workspace ws, Database db, int firstYear, int lastYear, boolean dataChanged) {
        List<Integer> years = new ArrayList<>();
        for (int year = firstYear; year <= lastYear; year++) {
            years.add(year);
        }
        return compute(ws, db, years, "compute " + firstYear + "-" + lastYear, dataChanged);
    }

    /** As {@link #compute(Workspace, Database, int, int, boolean)}, for the given years. */
    static DemoBuild.Step compute(Workspace ws, Database db, List<Integer> years, String name, boolean dataChanged) {
        MonitoringInput input = MonitoringInputReader.read(db.jdbi());
        ResultRepository results = new ResultRepository(db.jdbi());
        List<String> computed = new ArrayList<>();
        for (int year : years) {
            if (results.latestId(year).isPresent() && !dataChanged) {
                continue;
            }
            ComputeWorkflow.Computed c = ComputeWorkflow.compute(ws, db, input, year, USER);
            computed.add(year + " (#" + c.resultSetId() + ", " + c.result().status().participants() + " areas)");
        }
        return new DemoBuild.Step(name, true, computed.isEmpty() ? "unchanged (result sets present)" : String.join(", ", computed), false);
    }

    /**
     * Creates a release of {@code year} from its latest result set (after disclosure control) and
     * publishes it, as {@code release create} and {@code release publish} do. If that result set
     * is already in a published release, nothing is done: a published release is never changed.
     * If the demo's own release of it is there unpublished, that one is published.
     */
    static DemoBuild.Step releaseAndPublish(Workspace ws, Database db, int year) {
        return releaseAndPublish(ws, db, year, RELEASE_TITLE + " " + year);
    }

    /** As {@link #releaseAndPublish(Workspace, Database, int)}, with the release's title. */
    static DemoBuild.Step releaseAndPublish(Workspace ws, Database db, int year, String title) {
        String name = "release " + year;
        Long latest = new ResultRepository(db.jdbi()).latestId(year).orElse(null);
        List<ReleaseRepository.ReleaseInfo> ofLatest = new ReleaseRepository(db.jdbi()).list().stream()
                .filter(r -> latest != null && r.resultSetId() == latest).toList();
        var published = ofLatest.stream().filter(ReleaseRepository.ReleaseInfo::isPublished).findFirst();
        if (published.isPresent()) {
            return new DemoBuild.Step(name, true, "unchanged (release " + published.get().number() + " is published)", false);
        }
        // Create and publish are two transactions, as the two commands are: a run stopped between
        // them (Ctrl-C, a killed process) leaves its release unpublished. Freezing the same results
        // again under the next number would leave that one listed as unpublished for good.
        var leftUnpublished = ofLatest.stream().filter(r -> USER.equals(r.createdBy()) && title.equals(r.title())
                && r.corrects() == null).max(java.util.Comparator.comparingInt(ReleaseRepository.ReleaseInfo::number));
        try {
            ReleaseWorkflow workflow = new ReleaseWorkflow(db.jdbi());
            if (leftUnpublished.isPresent()) {
                ReleaseRepository.ReleaseInfo info = workflow.publish(leftUnpublished.get().number(), USER);
                return new DemoBuild.Step(name, true, "release " + info.number() + " published (created by an earlier run that "
                        + "stopped before publishing it)", true);
            }
            ReleaseRepository.ReleaseInfo created = workflow.create(ReleaseWorkflow.CreateRequest.of(ws.config(), ws.catalog(),
                    title, year, null), USER);
            ReleaseRepository.ReleaseInfo info = workflow.publish(created.number(), USER);
            return new DemoBuild.Step(name, true, "release " + info.number() + " created and published", true);
        } catch (ReleaseWorkflow.ReleaseException e) {
            throw new DemoFailedException(name + ": " + e.getMessage());
        }
    }

    /**
     * Writes the committee template ({@code report --type abstimmung}: indicator analysis, sensitivity,
     * class certainty of every locality) as {@code abstimmung-YEAR.pdf} into the workspace, as the
     * command does; kept when the data did not change and the file exists.
     */
    static DemoBuild.Step committeeTemplate(Workspace ws, Database db, int year, boolean dataChanged) {
        Path file = ws.root().resolve("abstimmung-" + year + ".pdf");
        String name = "abstimmung " + year;
        if (!dataChanged && Files.exists(file)) {
            return new DemoBuild.Step(name, true, "unchanged (" + file + ")", false);
        }
        AbstimmungReport.Input in = AbstimmungService.gather(ws, db, year, "de", Certainty.Options.defaults());
        writeWhole(file, AbstimmungService.pdf(in));
        return new DemoBuild.Step(name, true, file + " (" + in.indicators().indicators().size() + " candidates, "
                + in.certainty().areas().size() + " localities, " + in.certainty().borderlineCount() + " knapp)", true);
    }

    /**
     * Writes the data sheet for funding bids ({@code report --type datenblatt}) of the localities
     * {@code names} as one group, from the newest published release, as {@code datenblatt-NAME.pdf}
     * into the workspace, as the command does; kept when nothing changed and the file exists.
     */
    static DemoBuild.Step dataSheet(Workspace ws, Database db, String fileName, List<String> names, boolean changed) {
        Path file = ws.root().resolve(fileName);
        String name = "datenblatt " + String.join(" + ", names);
        if (!changed && Files.exists(file)) {
            return new DemoBuild.Step(name, true, "unchanged (" + file + ")", false);
        }
        ResultViews views = ResultViews.of(db.jdbi(), ws.config());
        ResultView view = views.latestPublished().orElseThrow(() -> new DemoFailedException(name + ": no published release"));
        List<String> codes = new java.util.ArrayList<>();
        for (String n : names) {
            codes.add(view.areasOn(view.levels().get(view.levels().size() - 1).name()).stream().filter(a -> a.name().equals(n))
                    .map(de.sozialmonitor.privacy.AreaInfo::code).findFirst()
                    .orElseThrow(() -> new DemoFailedException(name + ": no locality " + n)));
        }
        FundingDataSheet.Input in = FundingDataSheet.gather(views, view.source().releaseNumber(), codes, "de");
        writeWhole(file, FundingDataSheet.pdf(in));
        return new DemoBuild.Step(name, true, file + " (release " + view.source().releaseNumber() + ", " + String.join(", ", codes) + ")", true);
    }

    /** Writes {@code bytes} to {@code file} whole or not at all (a temporary file beside it, then moved over it). */
    private static void writeWhole(Path file, byte[] bytes) {
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + "-", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Title of the demo's releases; says what they are. */
    static final String RELEASE_TITLE = "Demo Landkreis Peine (synthetische Daten)";
}
