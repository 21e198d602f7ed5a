package de.sozialmonitor.demo;

import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.store.Database;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The spine of {@code sozialmonitor demo}: prepare the workspace and its files, import them through
 * the real import, compute every year through the real method, create and publish the releases of
 * the last two years; then import the demo's measures and reference figures (invented, and named so)
 * and the package of a second, invented county ({@link ExampleCounty}) for the comparison of counties.
 * Serving is left to the command. Each step reports what it did; a step whose part of the system
 * is not yet available reports that plainly instead of pretending.
 */
public final class DemoBuild {

    /**
     * What one step did. {@code done} is false only for a step that could not run;
     * {@code changed} says whether it changed the data basis (a new import).
     */
    public record Step(String name, boolean done, String detail, boolean changed) {
        public Step(String name, boolean done, String detail) {
            this(name, done, detail, false);
        }
    }

    /** The result of a build: the workspace and the steps in order. */
    public record Result(Workspace workspace, DemoWorkspace.Prepared prepared, List<Step> steps) {
        public boolean complete() {
            return steps.stream().allMatch(Step::done);
        }
    }

    /** Provenance source of the area files. */
    static final String AREAS_SOURCE = "Demo Landkreis Peine (Ortsteile generiert)";

    private DemoBuild() {
    }

    /**
     * Builds (or refreshes) the demo workspace in {@code dir}.
     *
     * @param progress receives each step as soon as it is finished (for the command's output)
     */
    public static Result run(Path dir, long seed, Consumer<Step> progress) {
        List<Step> steps = new ArrayList<>();
        Consumer<Step> record = s -> {
            steps.add(s);
            progress.accept(s);
        };
        DemoWorkspace.Prepared prepared = DemoWorkspace.prepare(dir, seed);
        Workspace ws = prepared.workspace();
        record.accept(new Step("workspace", true, ws.root().toString()));
        record.accept(new Step("files", true, prepared.files().all().size() + " files in " + ws.dataDir()));
        DemoFiles.Written files = prepared.files();
        Map<Path, String> imports = new LinkedHashMap<>();
        imports.put(files.areasCsv(), "Gebietsgliederung " + AREAS_SOURCE);
        imports.put(files.areasGeoJson(), "Gebietsgrenzen " + AREAS_SOURCE);
        imports.put(files.boundaryChangesCsv(), "Gebietsänderungen " + AREAS_SOURCE);
        files.sources().forEach((source, path) -> imports.put(path, source.label()));
        try (Database db = ws.openDatabase()) {
            boolean changed = false;
            for (var e : imports.entrySet()) {
                DemoBuild.Step step = DemoIntegration.importFile(ws, db, e.getKey(), e.getValue());
                changed |= step.changed();
                record.accept(step);
            }
            record.accept(DemoIntegration.compute(ws, db, PeineTerritory.FIRST_YEAR, PeineTerritory.LAST_YEAR, changed));
            // two releases, so that the early warning has a previous release to compare with
            record.accept(DemoIntegration.releaseAndPublish(ws, db, PeineTerritory.LAST_YEAR - 1));
            record.accept(DemoIntegration.releaseAndPublish(ws, db, PeineTerritory.LAST_YEAR));
            // the committee's template for choosing the indicators, with the class certainty of every locality
            record.accept(DemoIntegration.committeeTemplate(ws, db, PeineTerritory.LAST_YEAR, changed));
            // measures and reference figures (invented, and named so) are not frozen with a release
            boolean steeringChanged = changed;
            for (Path file : DemoSteering.write(ws.dataDir())) {
                DemoBuild.Step step = DemoIntegration.importFile(ws, db, file, "Demo-Steuerung (erfunden)");
                steeringChanged |= step.changed();
                record.accept(step);
            }
            // the second, invented county, known only by the package it published (docs/demo.md, "Der Vergleichskreis")
            record.accept(DemoIntegration.importPackage(ws, db, ExampleCounty.deliver(ws.dataDir())));
            // the data sheet a funding bid for the demo's Quartiersmanagement (DEMO-02) would attach
            record.accept(DemoIntegration.dataSheet(ws, db, DemoSteering.DATA_SHEET_PDF, DemoSteering.DATA_SHEET_AREAS, steeringChanged));
        }
        return new Result(ws, prepared, steps);
    }
}
