package de.sozialmonitor.ingest;

import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Path;

/** Mapped sources ({@code sources/NAME.yaml}); see docs/import.md. */
final class SourceMapping {
    private SourceMapping() {
    }

    static Loader loaderFor(Workspace ws, Path file, LoadContext ctx) {
        return null;
    }
}
