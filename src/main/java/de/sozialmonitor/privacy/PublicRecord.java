package de.sozialmonitor.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the public holds: the rows of every published release (corrected ones included:
 * what was published stays out there), optionally with the release about to be published.
 * Disclosure control and the attacker work on this union, never on one release alone.
 */
public record PublicRecord(List<Release> releases) {

    /**
     * One release's published rows as its download gives them. {@code truth}, known to the county's
     * staff only (null for an outside attacker), holds the true counts behind the rows; it decides
     * which counts of different releases are the same number (a correction may have changed a
     * withheld one), nothing else.
     */
    public record Release(int number, List<PublishedRow> rows, Map<CountCell, Double> truth) {
        public Release {
            rows = List.copyOf(rows);
            truth = truth == null ? null : Map.copyOf(truth);
        }

        public Release(int number, List<PublishedRow> rows) {
            this(number, rows, null);
        }
    }

    public PublicRecord {
        releases = List.copyOf(releases);
    }

    public static PublicRecord empty() {
        return new PublicRecord(List.of());
    }

    /** A record of one release alone. */
    public static PublicRecord of(int number, List<PublishedRow> rows) {
        return new PublicRecord(List.of(new Release(number, rows)));
    }

    /**
     * This record plus one more release (the candidate, last); a release of the same number is
     * replaced in its place. The order is the order of publication, which the attacker reads
     * ("withheld earlier, published later"): re-verifying an old release must not move it behind the
     * releases published after it.
     */
    public PublicRecord with(Release release) {
        List<Release> out = new ArrayList<>(releases);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).number() == release.number()) {
                out.set(i, release);
                return new PublicRecord(out);
            }
        }
        out.add(release);
        return new PublicRecord(out);
    }

    /** This record without the release of that number. */
    public PublicRecord without(int number) {
        return new PublicRecord(releases.stream().filter(r -> r.number() != number).toList());
    }

    public List<Integer> numbers() {
        return releases.stream().map(Release::number).toList();
    }

    public boolean isEmpty() {
        return releases.isEmpty();
    }
}
