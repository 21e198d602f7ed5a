package de.sozialmonitor.ingest;

/** Errors block an import; warnings are reported and the import goes ahead. */
public enum Severity {
    ERROR, WARNING
}
