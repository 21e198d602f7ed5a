package de.sozialmonitor.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The series a reader sees for a view: every year the view has, and the years before that only
 * earlier views have. A release carries its own year and a few earlier ones (the base year of the
 * dynamics and the profile's history); the releases before it carry the years in between. A
 * chart of a release therefore shows every year that has been published, not only the four a
 * single release holds.
 *
 * <p>The shown view always wins: an earlier view only fills a year the shown one does not have,
 * for an area with the same code (the shown view's boundaries decide which areas there are). The
 * earlier views are those the public has already seen (published releases) or, for staff, the
 * internal results of earlier years, so nothing is shown that is not shown elsewhere already.
 */
public final class Timeline {
    private final ResultView view;
    private final List<ResultView> earlier;
    private final SortedSet<Integer> years = new TreeSet<>();

    private Timeline(ResultView view, List<ResultView> earlier) {
        this.view = view;
        this.earlier = List.copyOf(earlier);
        years.addAll(view.years());
        this.earlier.forEach(e -> e.years().stream().filter(y -> y <= view.year()).forEach(years::add));
    }

    /** The view alone. */
    public static Timeline of(ResultView view) {
        return new Timeline(view, List.of());
    }

    /** The view, and earlier views newest first: a year is taken from the first one that has it. */
    public static Timeline of(ResultView view, List<ResultView> earlierNewestFirst) {
        List<ResultView> before = new ArrayList<>();
        for (ResultView e : earlierNewestFirst) {
            if (e != view && e.year() <= view.year()) {
                before.add(e);
            }
        }
        return new Timeline(view, before);
    }

    public ResultView view() {
        return view;
    }

    /** Every year with figures in the view or an earlier one, up to the view's year, ascending. */
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(years);
    }

    /** The indicator's series for an area: the view's figures, gaps filled from the earlier views. */
    public SortedMap<Integer, Figure> series(String indicatorId, String areaCode) {
        SortedMap<Integer, Figure> out = view.series(indicatorId, areaCode);
        if (view.area(areaCode).isEmpty()) {
            return out;
        }
        for (ResultView e : earlier) {
            if (e.area(areaCode).isEmpty()) {
                continue;
            }
            e.series(indicatorId, areaCode).forEach((y, f) -> {
                if (y <= view.year()) {
                    out.putIfAbsent(y, f);
                }
            });
        }
        return out;
    }
}
