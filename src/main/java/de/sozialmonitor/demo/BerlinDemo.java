package de.sozialmonitor.demo;

import de.sozialmonitor.model.PublishedClassComparison;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.ingest.PublishedClassesReader;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.view.PublishedClassComparisons;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.view.ResultViews;
import de.sozialmonitor.workspace.PublishedClassesSource;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The spine of {@code sozialmonitor demo berlin}: the published files go through the normal import
 * (the planning areas' GeoJSON and the four MSS tables through their mappings), each report's year
 * is computed with its own settings ({@code method.by_year}), every computed class is compared with
 * the published one, and the four releases are created and published through the normal release
 * path, oldest first, so that each one's early warning compares with the report before. Serving is
 * left to the command.
 */
public final class BerlinDemo {

    /** The build: the workspace, the steps in order, and per report how its classes compare with the published ones. */
    public record Result(Workspace workspace, BerlinWorkspace.Prepared prepared, List<DemoBuild.Step> steps,
                         Map<BerlinTerritory.Report, PublishedClassComparison> reproduction) {
        /** Areas with a class on either side, over all reports, and how many of them agree in both classes. */
        public int areas() {
            return reproduction.values().stream().mapToInt(PublishedClassComparison::areas).sum();
        }

        public int areasAgreeing() {
            return reproduction.values().stream().mapToInt(PublishedClassComparison::areasAgreeing).sum();
        }
    }

    private BerlinDemo() {
    }

    /** Builds (or reuses) the Berlin demo in {@code dir}; problems are reported in {@code language}. */
    public static Result run(Path dir, java.util.Locale language, Consumer<DemoBuild.Step> progress) {
        List<DemoBuild.Step> steps = new ArrayList<>();
        long[] t = {System.nanoTime()};
        Consumer<DemoBuild.Step> record = s -> {
            if (System.getenv("BERLIN_TIMING") != null) {
                System.err.printf("TIMING %s %.1f s%n", s.name(), (System.nanoTime() - t[0]) / 1e9);
                t[0] = System.nanoTime();
            }
            steps.add(s);
            progress.accept(s);
        };
        BerlinWorkspace.Prepared prepared = BerlinWorkspace.prepare(dir);
        Workspace ws = prepared.workspace();
        record.accept(new DemoBuild.Step("workspace", true, ws.root().toString()));
        Map<BerlinTerritory.Report, PublishedClassComparison> reproduction = new LinkedHashMap<>();
        try (Database db = ws.openDatabase()) {
            boolean changed = false;
            DemoBuild.Step step = DemoIntegration.importFile(ws, db, prepared.hierarchy(), "LOR Berlin: Bezirke, Prognoseräume, Bezirksregionen");
            changed |= step.changed();
            record.accept(step);
            step = DemoIntegration.importFile(ws, db, prepared.geometry(), "LOR Planungsräume (Geoportal Berlin)");
            changed |= step.changed();
            record.accept(step);
            Path united = ws.dataDir().resolve(BerlinTerritory.UNITED_GEOMETRY_FILE);
            if (changed || !Files.exists(united)) { // derived from what was imported: the same as long as that is
                BerlinBoundaries.write(db.jdbi(), united);
            }
            step = DemoIntegration.importFile(ws, db, united, "LOR Berlin: Grenzen aus den Planungsräumen");
            changed |= step.changed();
            record.accept(step);
            for (var e : prepared.reports().entrySet()) {
                step = DemoIntegration.importFile(ws, db, e.getValue(), "MSS " + e.getKey().year());
                changed |= step.changed();
                record.accept(step);
            }
            List<Integer> years = BerlinTerritory.REPORTS.stream().map(BerlinTerritory.Report::dataYear).toList();
            record.accept(DemoIntegration.compute(ws, db, years, "compute " + years, changed));
            for (BerlinTerritory.Report report : BerlinTerritory.REPORTS) {
                record.accept(DemoIntegration.releaseAndPublish(ws, db, report.dataYear(), report.title()));
            }
            // what the public sees of each release against what Berlin published: the method page's comparison
            ResultViews views = ResultViews.of(db.jdbi(), ws.config());
            for (BerlinTerritory.Report report : BerlinTerritory.REPORTS) {
                int number = views.publishedReleases().stream().filter(r -> r.year() == report.dataYear())
                        .mapToInt(ReleaseRepository.ReleaseInfo::number).max().orElseThrow();
                ResultView view = views.published(number).orElseThrow();
                PublishedClassesSource source = ws.config().publishedClasses().get(report.dataYear());
                if (source == null) {
                    throw new DemoIntegration.DemoFailedException("sozialmonitor.yaml names no published classes (published_classes) for "
                            + report.dataYear());
                }
                reproduction.put(report, PublishedClassComparisons.of(view, PublishedClassesReader.read(ws.root(), source, language)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(ws, prepared, steps, reproduction);
    }
}
