package de.sozialmonitor.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** Placeholder, replaced below. */
final class MicrodataLoader implements Loader {
    MicrodataLoader(Path file, SourceMapping m) {
    }

    @Override
    public String format() {
        return "microdata";
    }

    @Override
    public boolean observations() {
        return true;
    }

    @Override
    public ObservationSink load(LoadContext ctx) throws IOException {
        return null;
    }
}
