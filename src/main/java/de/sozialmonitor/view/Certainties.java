package de.sozialmonitor.view;

import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.analysis.CountModel;
import de.sozialmonitor.privacy.ReleaseCertainty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The class certainty of every classified area of one {@link ResultView}, as every output shows it
 * (area profile, attention list, report annex). Loaded by {@link ResultViews#certainty}.
 *
 * <p>A view for staff shows each probability. A release shows what it froze ({@code ReleaseCertainty}):
 * the public sees its bands only ("sicher"/"knapp"), and none while the release withholds a count the
 * resampling draws from (the rule of {@code privacy.CertaintyInputs}, checked by {@code release verify}):
 * the draws of every area depend on every other area's counts, and the resampling is public and
 * deterministic, so one withheld count could be narrowed by trying its possible values until the
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
        /** The release was frozen before releases froze their class certainty. */
        NOT_RECORDED,
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
     * The certainty of {@code report}, resampled from the observations of a result set that is not a
     * release: for staff, with the probabilities. (A view of public figures always belongs to a release and
     * takes its certainty from it, {@link #ofRelease}; should one come here, every band is withheld.)
     */
    static Certainties of(ResultView view, Certainty.Report report) {
        boolean bandsOnly = view.source().protectedFigures();
        Map<String, ClassCertainty> out = new LinkedHashMap<>();
        for (Certainty.AreaCertainty a : report.areas()) {
            out.put(a.code(), new ClassCertainty(part(a.statusCertainty(), !bandsOnly, bandsOnly),
                    part(a.dynamicsCertainty(), !bandsOnly, bandsOnly), part(a.attentionCertainty(), !bandsOnly, bandsOnly)));
        }
        return new Certainties(null, null, report.options(), !bandsOnly, out);
    }

    /**
     * The certainty a release froze ({@link ReleaseCertainty}), as {@code view} may show it: the public
     * gets the release's bands exactly as frozen (and published in its JSON download), staff the shares.
     */
    static Certainties ofRelease(ResultView view, ReleaseCertainty frozen) {
        Certainty.Options options = new Certainty.Options(CountModel.parse(frozen.model()), frozen.draws(), frozen.seed(), 1);
        if (frozen.unavailable() != null) {
            return unavailable(Unavailable.FAILED, frozen.unavailable(), options);
        }
        boolean bandsOnly = view.source().protectedFigures();
        Map<String, ClassCertainty> out = new LinkedHashMap<>();
        for (ReleaseCertainty.Area a : frozen.areas()) {
            out.put(a.code(), bandsOnly
                    ? new ClassCertainty(published(a.statusBand()), published(a.dynamicsBand()), published(a.attentionBand()))
                    : new ClassCertainty(part(share(a.status()), true, false), part(share(a.dynamics()), true, false),
                    part(share(a.attention()), true, false)));
        }
        return new Certainties(null, null, options, !bandsOnly, out);
    }

    private static ClassCertainty.Part published(String band) {
        return band == null ? null : new ClassCertainty.Part(ClassCertainty.Band.valueOf(band.toUpperCase(java.util.Locale.ROOT)), null);
    }

    private static double share(Double p) {
        return p == null ? Double.NaN : p;
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
}
