package de.sozialmonitor.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The class certainty a release freezes (issue 16; docs/privacy.md, "Class certainty"): how the counts
 * were resampled (count model, draws, seed: enough to reproduce it), the share of draws in which each
 * area's status class, dynamics class and attention flag hold (internal, like the content's other
 * unprotected results), and the bands the public gets ("sicher", "knapp", or "withheld" for all areas
 * when {@link CertaintyInputs} finds a withheld count the resampling draws from).
 *
 * @param model       {@code poisson} or {@code binomial}
 * @param borderline  below this share of draws a class is "knapp"
 * @param baseYear    the dynamics' base year whose counts the resampling also draws
 * @param bandsShown  false when the release withholds a count the draws depend on: then every band is withheld
 * @param areas       every area of the analysis level that takes part in the status index, by code
 * @param notes       what the resampling said (an indicator held fixed, for instance)
 * @param unavailable why there is no certainty (the resampling failed); null when there is
 */
public record ReleaseCertainty(String model, int draws, long seed, double borderline, int year, int baseYear,
                               boolean bandsShown, List<Area> areas, List<String> notes,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String unavailable) {
    public static final String SICHER = "sicher";
    public static final String KNAPP = "knapp";
    public static final String WITHHELD = "withheld";

    public ReleaseCertainty {
        areas = List.copyOf(areas);
        notes = List.copyOf(notes);
    }

    /**
     * One area. Shares (0–1) are null where the area has no such class (no dynamics); the bands are what
     * the public gets: null where the share is, else {@link #SICHER}, {@link #KNAPP} or {@link #WITHHELD}.
     */
    public record Area(String code, Double status, Double dynamics, Double attention,
                       String statusBand, String dynamicsBand, String attentionBand) {
    }

    /** A release without certainty, and why. */
    public static ReleaseCertainty unavailable(String model, int draws, long seed, double borderline, int year, String reason) {
        return new ReleaseCertainty(model, draws, seed, borderline, year, year, false, List.of(), List.of(), reason);
    }

    /** The public band of a share under this release's rule. */
    public static String band(Double share, boolean bandsShown, double borderline) {
        if (share == null) {
            return null;
        }
        if (!bandsShown) {
            return WITHHELD;
        }
        return share < borderline ? KNAPP : SICHER;
    }

    /** An area with its shares, and the bands the public gets. */
    public static Area area(String code, Double status, Double dynamics, Double attention, boolean bandsShown, double borderline) {
        return new Area(code, status, dynamics, attention, band(status, bandsShown, borderline),
                band(dynamics, bandsShown, borderline), band(attention, bandsShown, borderline));
    }

    /** True if every stored band is what the rule gives for its share. */
    public boolean bandsFollowTheRule() {
        return areas.stream().allMatch(a -> java.util.Objects.equals(a.statusBand(), band(a.status(), bandsShown, borderline))
                && java.util.Objects.equals(a.dynamicsBand(), band(a.dynamics(), bandsShown, borderline))
                && java.util.Objects.equals(a.attentionBand(), band(a.attention(), bandsShown, borderline)));
    }

    /** The certainty as the public gets it: the bands and what reproduces them, no shares. */
    public Published published() {
        return new Published(model, draws, seed, borderline, year, baseYear, bandsShown,
                areas.stream().map(a -> new PublishedBand(a.code(), a.statusBand(), a.dynamicsBand(), a.attentionBand())).toList());
    }

    /** What the JSON download carries (docs/release-format.md, "Class certainty"). */
    public record Published(String model, int draws, long seed, double borderline, int year, int baseYear, boolean bandsShown,
                            List<PublishedBand> areas) {
        public Published {
            areas = List.copyOf(areas);
        }

        /** True if some band says sicher or knapp. */
        public boolean anyBandShown() {
            return areas.stream().anyMatch(a -> shown(a.status()) || shown(a.dynamics()) || shown(a.attention()));
        }

        private static boolean shown(String band) {
            return SICHER.equals(band) || KNAPP.equals(band);
        }
    }

    /** One area's public bands (null where it has no such class). */
    public record PublishedBand(String areaCode, String status, String dynamics, String attention) {
    }
}
