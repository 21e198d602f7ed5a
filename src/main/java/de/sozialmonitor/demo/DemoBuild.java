package de.sozialmonitor.demo;

import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The spine of {@code sozialmonitor demo}: prepare the workspace and its files, import them through
 * the real import, compute every year through the real method, create and publish a release.
 * Serving is left to the command. Each step reports what it did; a step whose part of the system
 * is not yet available reports that plainly instead of pretending.
 */
public final class DemoBuild {

    /** What one step did. {@code done} is false only for a step that could not run. */
    public record Step(String name, boolean done, String detail) {
    }

    /** The result of a build: the workspace and the steps in order. */
    public record Result(Workspace workspace, DemoWorkspace.Prepared prepared, List<Step> steps) {
        public boolean complete() {
            return steps.stream().allMatch(Step::done);
        }
    }

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
        List<Path> imports = new ArrayList<>(List.of(files.areasCsv(), files.areasGeoJson(), files.boundaryChangesCsv()));
        imports.addAll(files.sources().values());
        for (Path file : imports) {
            record.accept(DemoIntegration.importFile(ws, file));
        }
        record.accept(DemoIntegration.compute(ws, PeineTerritory.FIRST_YEAR, PeineTerritory.LAST_YEAR));
        record.accept(DemoIntegration.releaseAndPublish(ws, PeineTerritory.LAST_YEAR));
        return new Result(ws, prepared, steps);
    }
}
