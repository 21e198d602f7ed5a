package de.sozialmonitor.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public rule for the class-certainty bands of a release (docs/privacy.md, "Class certainty"), and
 * its check in the attacker audit. The resampling ({@code analysis.Certainty}) draws the numerator of
 * every index indicator (status and dynamics) in the result year for every area in the status index,
 * and in the base year for every area in the dynamics index, divides by the denominators, and runs all
 * cells through one pseudo-random stream per draw: a changed count changes the random numbers of every
 * later cell, in either index. So one rule for all bands: they are published only if none of these
 * counts (numerators and denominators, result and base year, every area in the index) is withheld, nor
 * the rate of a delivered share that has no counts. Then the bands are a function of published counts,
 * the published method and the published seed, and cannot narrow down anything.
 */
public final class CertaintyInputs {
    private CertaintyInputs() {
    }

    /**
     * A figure of the release the resampling reads: a count row ({@code kind} count, {@code measure} the
     * counted quantity) or, for a delivered share without counts, its rate row.
     */
    public record Input(String kind, String measure, String areaCode, int year, String targetGroup) {
        @Override
        public String toString() {
            return kind + " " + measure + " " + areaCode + " " + year + (targetGroup.isEmpty() ? "" : " [" + targetGroup + "]");
        }
    }

    /**
     * Every figure the resampling reads: for each index indicator, its numerator and denominator in
     * {@code year} for every area in the status index and in {@code baseYear} for every area in the
     * dynamics index (a delivered share: its rate instead).
     *
     * @param indexIndicators     every indicator of the status and the dynamics index
     * @param statusParticipants  the areas in the status index
     * @param dynamicsParticipants the areas in the dynamics index
     */
    public static List<Input> inputs(List<FrozenResults.IndicatorInfo> indicators, Set<String> indexIndicators, int year,
                                     int baseYear, Collection<String> statusParticipants, Collection<String> dynamicsParticipants) {
        Map<String, FrozenResults.IndicatorInfo> byId = new HashMap<>();
        indicators.forEach(i -> byId.put(i.id(), i));
        Set<Input> out = new java.util.LinkedHashSet<>();
        for (String id : new TreeSet<>(indexIndicators)) {
            FrozenResults.IndicatorInfo ind = byId.get(id);
            if (ind == null) {
                throw new IllegalArgumentException("index indicator " + id + " is not in the release's catalog");
            }
            for (String area : statusParticipants) {
                add(ind, area, year, out);
            }
            for (String area : dynamicsParticipants) {
                add(ind, area, baseYear, out);
            }
        }
        return new ArrayList<>(out);
    }

    private static void add(FrozenResults.IndicatorInfo ind, String area, int year, Set<Input> out) {
        String group = ind.targetGroup() == null ? "" : ind.targetGroup();
        if (ind.numerator() == null) {
            // a delivered share: no counts; its rate is held fixed in the draws
            out.add(new Input(PublishedRow.RATE, ind.id(), area, year, group));
            return;
        }
        out.add(new Input(PublishedRow.COUNT, ind.numerator(), area, year, group));
        out.add(new Input(PublishedRow.COUNT, ind.denominator(), area, year, group));
    }

    /**
     * What the resampling reads ({@link #inputs}) that the release does not publish: a count row that is
     * suppressed or not in the release at all, a delivered share's suppressed rate. Empty when the bands
     * may be shown.
     */
    public static List<String> unpublished(List<PublishedRow> rows, List<FrozenResults.IndicatorInfo> indicators,
                                           Set<String> indexIndicators, int year, int baseYear,
                                           Collection<String> statusParticipants, Collection<String> dynamicsParticipants) {
        Map<String, PublishedRow> byKey = new HashMap<>();
        for (PublishedRow r : rows) {
            byKey.putIfAbsent(key(r.kind(), r.measure(), r.areaCode(), r.year(), r.targetGroup()), r);
        }
        List<String> out = new ArrayList<>();
        for (Input in : inputs(indicators, indexIndicators, year, baseYear, statusParticipants, dynamicsParticipants)) {
            PublishedRow row = byKey.get(key(in.kind(), in.measure(), in.areaCode(), in.year(), in.targetGroup()));
            if (row == null && PublishedRow.COUNT.equals(in.kind())) {
                out.add(in + " (not in the release)");
            } else if (row != null && PublishedRow.SUPPRESSED.equals(row.status())) {
                out.add(in + " (" + row.reason() + ")");
            }
        }
        return out;
    }

    /**
     * The attacker audit's check of the published bands, from what the public holds: the rows of the
     * CSV download and the certainty of the JSON download. If any band says sicher or knapp, nothing the
     * resampling reads may be withheld ({@link #unpublished}); the areas in each index are those the
     * published certainty lists (with a dynamics band, for the dynamics index) together with those the
     * table gives a status or dynamics class in that year, so that a certainty list leaving out areas
     * cannot hide what the draws read. Returns the findings.
     */
    public static List<String> audit(List<PublishedRow> rows, ReleaseCertainty.Published bands,
                                     List<FrozenResults.IndicatorInfo> indicators, Set<String> indexIndicators) {
        if (bands == null || !bands.anyBandShown()) {
            return List.of();
        }
        Set<String> status = new TreeSet<>(bands.areas().stream().map(ReleaseCertainty.PublishedBand::areaCode).toList());
        Set<String> dynamics = new TreeSet<>(bands.areas().stream().filter(a -> a.dynamics() != null)
                .map(ReleaseCertainty.PublishedBand::areaCode).toList());
        status.addAll(classified(rows, "status_class", bands.year()));
        dynamics.addAll(classified(rows, "dynamics_class", bands.year()));
        try {
            return unpublished(rows, indicators, indexIndicators, bands.year(), bands.baseYear(), status, dynamics);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }

    /** The areas the table gives a class ({@code measure} status_class or dynamics_class) in {@code year}. */
    private static List<String> classified(List<PublishedRow> rows, String measure, int year) {
        return rows.stream().filter(r -> PublishedRow.AREA_RESULT.equals(r.kind()) && measure.equals(r.measure())
                && r.year() == year && r.value() != null && !r.value().isEmpty()).map(PublishedRow::areaCode).toList();
    }

    private static String key(String kind, String measure, String area, int year, String group) {
        return kind + "\u0000" + measure + "\u0000" + area + "\u0000" + year + "\u0000" + group;
    }
}
