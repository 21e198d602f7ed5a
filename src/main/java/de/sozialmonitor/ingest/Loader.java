package de.sozialmonitor.ingest;

import java.io.IOException;

/** Reads one kind of file into the open import transaction, reporting every problem. */
interface Loader {
    /** Stable name stored in import.format: canonical, areas, boundaries, geojson, mapped, microdata. */
    String format();

    /** The mapping file and its version (hash) for mapped sources, null otherwise. */
    default String mappingVersion() {
        return null;
    }

    /** The source name when the mapping names one; null to use the file name. */
    default String source() {
        return null;
    }

    /** True if the loader writes observations (supersession and plausibility apply). */
    boolean observations();

    /** Loads; observation loaders return their sink (closed), others null. */
    ObservationSink load(LoadContext ctx) throws IOException;
}
