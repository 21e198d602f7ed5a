package de.sozialmonitor.ingest;

/**
 * One problem found in a delivered file. {@code row} is the 1-based line (CSV), row (XLSX) or
 * feature number (GeoJSON), 0 when the problem concerns the whole file; {@code code} is a stable
 * machine name (e.g. {@code unknown_area}) and {@code reason} the text for people.
 */
public record Problem(Severity severity, String code, String file, String sheet, long row, String column,
                      String value, String reason) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
