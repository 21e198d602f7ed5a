package de.sozialmonitor.ingest;

import de.sozialmonitor.store.AreaRepository;
import de.sozialmonitor.workspace.Workspace;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What a loader works with: the open import transaction, the import's id, the report that
 * collects problems, and the workspace (catalog, territory, thresholds).
 */
final class LoadContext {
    final Workspace ws;
    final Handle handle;
    final long importId;
    final CheckReport report;
    final String fileName;
    /** The language the import reports in: the report's. */
    final ImportTexts texts;
    final boolean postgres;
    /** Who imports (for the audit events a loader writes besides the import's own). */
    String user = "import";
    private Map<String, AreaRepository.KnownArea> known;
    private AreaValidity validity;

    LoadContext(Workspace ws, Handle handle, long importId, CheckReport report, String fileName, boolean postgres) {
        this.ws = ws;
        this.handle = handle;
        this.importId = importId;
        this.report = report;
        this.texts = report.texts();
        this.fileName = fileName;
        this.postgres = postgres;
    }

    Map<String, AreaRepository.KnownArea> knownAreas() {
        if (known == null) {
            known = AreaRepository.known(handle);
        }
        return known;
    }

    /** Validity of every area version, for the per-year check of observations. */
    AreaValidity validity() {
        if (validity == null) {
            validity = new AreaValidity(AreaRepository.limitedValidities(handle));
        }
        return validity;
    }

    /**
     * Reports a figure of an area in a year in which no version of the area was valid (error) or
     * valid only for part of the year (warning); returns false for the error.
     */
    boolean checkValidity(String sheet, long row, String column, String code, int year) {
        AreaValidity.Verdict v = validity().of(code, year);
        if (v == AreaValidity.Verdict.VALID) {
            return true;
        }
        AreaRepository.KnownArea a = knownAreas().get(code);
        String name = a == null ? code : a.name() + " (" + code + ")";
        if (v == AreaValidity.Verdict.NOT_IN_YEAR) {
            error("area_not_in_year", sheet, row, column, code, "area.notInYear", name, String.valueOf(year), validity.describe(code));
            return false;
        }
        warn("area_part_of_year", sheet, row, column, code, "area.partOfYear", name, String.valueOf(year), validity.describe(code));
        return true;
    }

    void error(String code, String sheet, long row, String column, String value, String key, Object... args) {
        report.add(new Problem(Severity.ERROR, code, fileName, sheet, row, column, value, texts.get(key, args)));
    }

    void warn(String code, String sheet, long row, String column, String value, String key, Object... args) {
        report.add(new Problem(Severity.WARNING, code, fileName, sheet, row, column, value, texts.get(key, args)));
    }

    void fileError(String code, String key, Object... args) {
        error(code, null, 0, null, null, key, args);
    }
}
