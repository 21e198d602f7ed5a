package de.sozialmonitor.view;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.privacy.PublishedRow;
import java.util.List;

/**
 * The figures of a group of areas taken as one area (the data sheet of a funding bid for several
 * localities): an indicator's rate from the sums of the areas' counts, {@code scale x sum of
 * numerators / sum of denominators} — never an average of the areas' rates, which would weigh a
 * small area like a large one. Only the view's own counts are summed, so a public view's group
 * figure rests on published counts alone: where one area's count is withheld, the group's rate
 * is withheld too (it would reveal the count), and where one is missing, so is the rate.
 */
public final class GroupFigures {
    private GroupFigures() {
    }

    /** The group's rate of {@code indicator} in {@code year}; an indicator delivered as a share has none ({@code x}). */
    public static Figure rate(ResultView view, Indicator indicator, List<String> codes, int year) {
        if (indicator.isDelivered() || codes.isEmpty()) {
            return Figure.MISSING;
        }
        double num = 0;
        double den = 0;
        Figure missing = null;
        for (String code : codes) {
            Figure n = view.numerator(indicator, code, year);
            Figure d = view.denominator(indicator, code, year);
            for (Figure f : List.of(n, d)) {
                if (!f.shown()) {
                    if (f.withheld()) {
                        return new Figure(null, PublishedRow.SUPPRESSED, ".", f.reason());
                    }
                    missing = Figure.MISSING;
                }
            }
            if (missing == null) {
                num += n.value();
                den += d.value();
            }
        }
        if (missing != null || den <= 0) {
            return Figure.MISSING;
        }
        return Figure.of(indicator.scale() * num / den);
    }

    /**
     * The group's change over the method's dynamics period: its rate in {@code year} minus its rate
     * {@code k} years before (METHOD.md: {@code c = v(t) - v(t - k)}); none for an indicator whose
     * change is delivered (changes are never summed).
     */
    public static Figure change(ResultView view, Indicator indicator, List<String> codes, int year) {
        if (indicator.change() != null) {
            return Figure.MISSING;
        }
        Figure now = rate(view, indicator, codes, year);
        Figure before = rate(view, indicator, codes, year - view.method().dynamicsYears());
        if (now.shown() && before.shown()) {
            return Figure.of(now.value() - before.value());
        }
        return now.withheld() ? now : before.withheld() ? before : Figure.MISSING;
    }
}
