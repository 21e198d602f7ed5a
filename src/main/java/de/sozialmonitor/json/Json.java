package de.sozialmonitor.json;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration of the program: every JSON the program reads or writes (API, OGC,
 * downloads, stored parameters, command output) goes through {@link #MAPPER}; what differs between
 * outputs is only how it is written ({@link #pretty()}, {@link #canonical()}), never how it is read.
 * (YAML is read in one place too: {@code workspace.YamlDocument}.)
 */
public final class Json {
    /** Compact JSON; dates as ISO text, decimals as plain digits (never {@code 1E+1}). */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /**
     * A release's canonical form, whose SHA-256 is the release checksum: object keys sorted, map
     * entries sorted. Changing this changes every checksum, so it never changes.
     */
    private static final JsonMapper CANONICAL = MAPPER.rebuild()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Json() {
    }

    /** Indented output for people (command output, downloads). */
    public static ObjectWriter pretty() {
        return MAPPER.writerWithDefaultPrettyPrinter();
    }

    /** The mapper of a release's canonical form (reads and writes). */
    public static JsonMapper canonical() {
        return CANONICAL;
    }
}
