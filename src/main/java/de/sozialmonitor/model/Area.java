package de.sozialmonitor.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One version of an area. {@code parentCode} is null for the territory itself; {@code validTo}
 * is null while the version is current. Geometry is kept apart (GeoJSON text) because most
 * computations never need it.
 */
public record Area(String code, String name, String level, String parentCode,
                   LocalDate validFrom, LocalDate validTo) {
    public static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

    public Area {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        if (validFrom == null) {
            validFrom = BEGINNING;
        }
    }

    public Area(String code, String name, String level, String parentCode) {
        this(code, name, level, parentCode, BEGINNING, null);
    }

    /** True if this version is valid on 31 December of {@code year}, the usual reference date. */
    public boolean validInYear(int year) {
        LocalDate refDate = LocalDate.of(year, 12, 31);
        return !validFrom.isAfter(refDate) && (validTo == null || validTo.isAfter(refDate));
    }
}
