package de.sozialmonitor.web;

import de.sozialmonitor.view.Certainties;
import de.sozialmonitor.view.ClassCertainty;
import java.util.Objects;
import java.util.stream.Stream;

/** How the pages word an area's class certainty ({@link Certainties}): the same on the profile and the attention list. */
final class CertaintyTexts {
    private CertaintyTexts() {
    }

    /** "sicher (97 %)", "knapp", "nicht ausgewiesen (Geheimhaltung)", or "–" where the area has no such class. */
    static String part(Texts t, ClassCertainty.Part p) {
        if (p == null) {
            return "–";
        }
        String band = t.get("certainty.band." + p.band().code());
        return p.probability() == null ? band : t.get("certainty.withProbability", band, percent(t, p.probability()));
    }

    /** Status, dynamics and attention in one line (the profile). */
    static String line(Texts t, ClassCertainty c) {
        return t.get("certainty.profile", part(t, c.status()), part(t, c.dynamics()), part(t, c.attention()));
    }

    /** The area's band as a whole, with the lowest share of draws where it is shown (the attention list). */
    static String overall(Texts t, ClassCertainty c) {
        String band = t.get("certainty.band." + c.overall().code());
        return Stream.of(c.status(), c.dynamics(), c.attention()).filter(Objects::nonNull).map(ClassCertainty.Part::probability)
                .filter(Objects::nonNull).min(Double::compare)
                .map(p -> t.get("certainty.withProbability", band, percent(t, p))).orElse(band);
    }

    /** What the figures are, or why there are none. */
    static String hint(Texts t, Certainties c) {
        if (!c.available()) {
            return t.get("certainty.unavailable", t.get("certainty.unavailable." + c.reason().name(), c.detail()));
        }
        if (!c.anyShown()) {
            return t.get("certainty.withheld", c.options().draws());
        }
        return t.get(c.probabilities() ? "certainty.hint" : "certainty.hintBands", c.options().draws());
    }

    /** Whole percent rounded down, so that 79.6 % (knapp) never reads as 80 % and only all draws read as 100 %. */
    private static String percent(Texts t, double p) {
        return t.number(Math.floor(100 * p + 1e-9), 0);
    }
}
