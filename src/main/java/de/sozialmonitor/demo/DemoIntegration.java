package de.sozialmonitor.demo;

import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Path;

/**
 * The integration points of the demo with the other parts of the system. Each method calls the
 * real public entry point of its package; those parts are built in parallel, so a method whose
 * part is not merged yet returns a step marked not done, with the reason.
 *
 * <p>INTEGRATION STATUS (keep up to date):
 * <ul>
 *   <li>import (package {@code ingest}, {@code Importer.importFile}): not wired yet</li>
 *   <li>compute (package {@code method}): not wired yet</li>
 *   <li>release create + publish (package {@code privacy}): not wired yet</li>
 *   <li>serve (package {@code web}): see {@code cli.DemoCommand}</li>
 * </ul>
 */
final class DemoIntegration {
    private DemoIntegration() {
    }

    /** Imports one generated file through the real import path (areas, geometries, changes, counts). */
    static DemoBuild.Step importFile(Workspace ws, Path file) {
        // INTEGRATION(ingest): replace by ingest.Importer.importFile(...) once merged; an already
        // imported identical file (same SHA-256) must count as done.
        return notWired("import " + file.getFileName(), "ingest");
    }

    /** Computes every year through the real method and stores the result sets. */
    static DemoBuild.Step compute(Workspace ws, int firstYear, int lastYear) {
        // INTEGRATION(method): compute firstYear..lastYear (dynamics from firstYear + k).
        return notWired("compute " + firstYear + "-" + lastYear, "method");
    }

    /** Creates a release of {@code year} and publishes it, after disclosure control. */
    static DemoBuild.Step releaseAndPublish(Workspace ws, int year) {
        // INTEGRATION(privacy): release create --year year --title "Demo ..." ; release publish N.
        return notWired("release " + year, "privacy");
    }

    private static DemoBuild.Step notWired(String step, String part) {
        return new DemoBuild.Step(step, false, "not available yet: the " + part + " part is not merged into this build");
    }
}
