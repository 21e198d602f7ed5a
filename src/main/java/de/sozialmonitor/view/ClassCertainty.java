package de.sozialmonitor.view;

import java.util.stream.Stream;

/**
 * How certain one area's classes are (method.md § 13): for the status class, the dynamics class and
 * the attention flag, the share of resampling draws in which it holds, and its band: "sicher" (at
 * least 80 % of draws), "knapp" (fewer), or withheld where disclosure control allows no statement.
 * A part is null where the area has no such class (no dynamics, for instance).
 */
public record ClassCertainty(Part status, Part dynamics, Part attention) {

    /** sicher / knapp, or withheld in a public view where a rate entering the area's index is withheld. */
    public enum Band {
        SICHER, KNAPP, WITHHELD;

        /** Identifier in pages' CSS classes and in texts ({@code certainty.band.sicher}, …). */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param probability share of draws with the area's class (0–1); null where only the band may be
     *                    shown (a release as the public sees it)
     */
    public record Part(Band band, Double probability) {
    }

    /** "knapp": some class or the flag holds in fewer than 80 % of draws. */
    public boolean borderline() {
        return parts().anyMatch(p -> p.band() == Band.KNAPP);
    }

    /** The band of the area as a whole: knapp if any part is, withheld if a part is withheld and none knapp. */
    public Band overall() {
        if (borderline()) {
            return Band.KNAPP;
        }
        return parts().anyMatch(p -> p.band() == Band.WITHHELD) ? Band.WITHHELD : Band.SICHER;
    }

    private Stream<Part> parts() {
        return Stream.of(status, dynamics, attention).filter(java.util.Objects::nonNull);
    }
}
