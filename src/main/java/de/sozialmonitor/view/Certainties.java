package de.sozialmonitor.view;

import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.privacy.PublishedRow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The class certainty of every classified area of one {@link ResultView}, as every output shows it
 * (area profile, attention list, report annex). Loaded by {@link ResultViews#certainty}.
 *
 * <p>A view for staff shows each probability. A release as the public sees it shows bands only
 * ("sicher"/"knapp"), and a component's bands (status; dynamics; attention, which needs both) only if
 * no figure behind that component is withheld for any area that takes part: the draws of every area
 * depend on every other area's counts, and the resampling is public and deterministic, so one
 * withheld count behind the index could be narrowed by trying its possible values until the
 * published bands come out (docs/privacy.md, "Class certainty").
 *
 * @param reason        why there is no certainty ({@link Unavailable}); null when available
 * @param options       the resampling the figures come from (model, draws, seed)
 * @param probabilities true when the probabilities are shown, false when bands only
 */
public record Certainties(Unavailable reason, String detail, Certainty.Options options, boolean probabilities,
                          Map<String, ClassCertainty> areas) {

    /** Why a view has no class certainty. */
    public enum Unavailable {
        /** The observations read now no longer give the view's classes (data or areas changed since). */
        DATA_CHANGED,
        /** The resampling could not run (no data for the year, for instance); {@code detail} says why. */
        FAILED
    }

    public Certainties {
        areas = Collections.unmodifiableMap(new LinkedHashMap<>(areas));
    }

    public static Certainties unavailable(Unavailable reason, String detail, Certainty.Options options) {
        return new Certainties(reason, detail, options, false, Map.of());
    }

    public boolean available() {
        return reason == null;
    }

    public Optional<ClassCertainty> area(String code) {
        return Optional.ofNullable(areas.get(code));
    }

    /** False when every band is withheld (a public release with a withheld figure behind the index). */
    public boolean anyShown() {
        return areas.values().stream().flatMap(c -> java.util.stream.Stream.of(c.status(), c.dynamics(), c.attention()))
                .anyMatch(p -> p != null && p.band() != ClassCertainty.Band.WITHHELD);
    }

    /** Areas marked "knapp". */
    public long borderlineCount() {
        return areas.values().stream().filter(ClassCertainty::borderline).count();
    }

    /**
     * The certainty of {@code report} as {@code view} may show it: with probabilities for staff,
     * with bands under the public rule for a release's protected figures.
     */
    static Certainties of(ResultView view, Certainty.Report report) {
        boolean bandsOnly = view.source().protectedFigures();
        Set<String> status = view.method().statusIndicators().keySet();
        Set<String> dynamics = view.method().dynamicsIndicators().keySet();
        int y = view.year();
        // the public rule: a component's bands only if no figure behind it is withheld for ANY area
        // that takes part (the draws of one area depend on every other area's counts)
        boolean statusOpen = true;
        boolean dynamicsOpen = true;
        if (bandsOnly) {
            for (Certainty.AreaCertainty a : report.areas()) {
                String code = a.code();
                statusOpen &= allShown(status, id -> view.rate(id, code, y));
                if (a.dynamics() != null) {
                    dynamicsOpen &= allShown(dynamics, id -> view.rate(id, code, y))
                            && allShown(dynamics, id -> view.rate(id, code, view.baseYear()))
                            && allShown(dynamics, id -> view.change(id, code, y));
                }
            }
        }
        Map<String, ClassCertainty> out = new LinkedHashMap<>();
        for (Certainty.AreaCertainty a : report.areas()) {
            out.put(a.code(), new ClassCertainty(
                    part(a.statusCertainty(), statusOpen, bandsOnly),
                    part(a.dynamicsCertainty(), dynamicsOpen, bandsOnly),
                    part(a.attentionCertainty(), statusOpen && dynamicsOpen, bandsOnly)));
        }
        return new Certainties(null, null, report.options(), !bandsOnly, out);
    }

    private static ClassCertainty.Part part(double p, boolean open, boolean bandsOnly) {
        if (Double.isNaN(p)) {
            return null;
        }
        if (!open) {
            return new ClassCertainty.Part(ClassCertainty.Band.WITHHELD, null);
        }
        ClassCertainty.Band band = p < Certainty.BORDERLINE ? ClassCertainty.Band.KNAPP : ClassCertainty.Band.SICHER;
        return new ClassCertainty.Part(band, bandsOnly ? null : p);
    }

    /**
     * True if no figure (rate or change) of these indicators is withheld or left out for the area's
     * size in the view: then the area's counts behind them are published (a rate is withheld whenever
     * one of its counts is, a change whenever one of its years is). A figure that does not exist (no
     * value delivered) hides nothing.
     */
    private static boolean allShown(Set<String> indicators, java.util.function.Function<String, Figure> figure) {
        for (String id : indicators) {
            Figure f = figure.apply(id);
            if (!f.shown() && !PublishedRow.NOT_AVAILABLE.equals(f.reason())) {
                return false;
            }
        }
        return true;
    }
}
