package de.sozialmonitor.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A classification someone else published for the same areas and year (e.g. the status and
 * dynamics classes of Berlin's MSS report 2019, or the last table of the spreadsheet a county ran
 * before): what a release is compared with, class for class ({@link PublishedClassComparison}).
 *
 * @param name    what it is, as readers should see it ("MSS 2019, Senatsverwaltung ...")
 * @param classes area code to its published classes, in the published order; an area without a
 *                published class (it took no part) has nulls
 */
public record PublishedClasses(String name, Map<String, Published> classes) {

    /** The published classes of one area, by their codes ({@code sehr_niedrig}, {@code negativ}); null where none was published. */
    public record Published(String statusClass, String dynamicsClass) {
        public Published {
            if (statusClass != null) {
                StatusClass.fromCode(statusClass);
            }
            if (dynamicsClass != null) {
                DynamicsClass.fromCode(dynamicsClass);
            }
        }
    }

    public PublishedClasses {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reference classification needs a name saying what it is");
        }
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    }
}
