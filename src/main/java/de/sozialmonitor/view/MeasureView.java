package de.sozialmonitor.view;

import de.sozialmonitor.method.TrendComparison;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.Measure;
import de.sozialmonitor.privacy.AreaInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The county's measures as a release shows them beside its figures (the sibling of
 * {@link ResultView} for steering): which measures work in which areas, and for each measure how
 * the indicators it aims at developed in its areas before and after its start, beside the county
 * ({@link TrendComparison}: a description, no proof of effect). The figures of the comparison are
 * the view's own, so a public view compares only the release's published figures.
 *
 * <p>Measures are not frozen with a release: a page shows the measures as they are recorded now.
 * The public sees the measures marked public; staff see all.
 */
public final class MeasureView {
    /** A measure with the areas of the view it works in; {@code otherAreas} are codes the view does not have. */
    public record Entry(Measure measure, List<AreaInfo> areas, List<String> otherAreas) {
        public boolean covers(String code) {
            return areas.stream().anyMatch(a -> a.code().equals(code));
        }
    }

    /** The development of one indicator in one area of a measure. */
    public record Trend(Entry entry, AreaInfo area, Indicator indicator, TrendComparison comparison) {
    }

    private final ResultView view;
    private final List<Entry> entries;
    private final Map<String, SortedMap<String, List<Entry>>> byLevel = new ConcurrentHashMap<>();

    private MeasureView(ResultView view, List<Entry> entries) {
        this.view = view;
        this.entries = List.copyOf(entries);
    }

    /** The measures of {@code all} that the viewer may see ({@code staff}: every one; else those shown publicly). */
    public static MeasureView of(ResultView view, List<Measure> all, boolean staff) {
        List<Entry> out = new ArrayList<>();
        for (Measure m : all) {
            if (!staff && !m.shownPublic()) {
                continue;
            }
            List<AreaInfo> areas = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (String code : m.areaCodes()) {
                Optional<AreaInfo> a = view.area(code);
                if (a.isPresent()) {
                    areas.add(a.get());
                } else {
                    other.add(code);
                }
            }
            out.add(new Entry(m, areas, other));
        }
        return new MeasureView(view, out);
    }

    public ResultView view() {
        return view;
    }

    /** Every visible measure, by start date. */
    public List<Entry> all() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Optional<Entry> find(String key) {
        return entries.stream().filter(e -> e.measure().key().equals(key)).findFirst();
    }

    /**
     * The measures that concern an area: those working in it, in an area above it (its
     * municipality, the county) or in an area below it; in that order.
     */
    public List<Entry> concerning(String code) {
        Set<Entry> out = new LinkedHashSet<>();
        entries.stream().filter(e -> e.covers(code)).forEach(out::add);
        for (AreaInfo parent : view.parents(code)) {
            entries.stream().filter(e -> e.covers(parent.code())).forEach(out::add);
        }
        for (Entry e : entries) {
            if (e.areas().stream().anyMatch(a -> view.parents(a.code()).stream().anyMatch(p -> p.code().equals(code)))) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The codes of the areas of {@code level} with at least one measure, and the measures there: a
     * measure in the area itself, or in an area above it short of the territory (a measure for a
     * whole municipality works in each of its localities; one for the whole county would mark every
     * area and so mark nothing).
     */
    public SortedMap<String, List<Entry>> byArea(String level) {
        return byLevel.computeIfAbsent(level, this::measuresByArea); // the map asks for it with every request
    }

    private SortedMap<String, List<Entry>> measuresByArea(String level) {
        SortedMap<String, List<Entry>> out = new TreeMap<>();
        String root = view.root().map(AreaInfo::code).orElse(null);
        for (AreaInfo area : view.areasOn(level)) {
            List<String> here = new ArrayList<>();
            here.add(area.code());
            view.parents(area.code()).stream().map(AreaInfo::code).filter(c -> !c.equals(root)).forEach(here::add);
            for (Entry e : entries) {
                if (here.stream().anyMatch(e::covers)) {
                    out.computeIfAbsent(area.code(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        out.replaceAll((code, entries) -> List.copyOf(entries));
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * For each area of the measure (in the view) and each indicator it aims at: the development
     * before and after its start beside the county's, from the view's figures.
     */
    public List<Trend> trends(Entry e) {
        List<Trend> out = new ArrayList<>();
        AreaInfo root = view.root().orElse(null);
        if (root == null || e.measure().start() == null) {
            return out;
        }
        int base = TrendComparison.baseYearOf(e.measure().start().getYear());
        int before = Math.max(1, view.method().dynamicsYears());
        for (AreaInfo a : e.areas()) {
            for (String id : e.measure().indicatorIds()) {
                Optional<Indicator> ind = view.catalog().indicator(id);
                if (ind.isEmpty()) {
                    continue;
                }
                out.add(new Trend(e, a, ind.get(), TrendComparison.of(values(view.series(id, a.code())),
                        values(view.series(id, root.code())), base, before)));
            }
        }
        return out;
    }

    /** The shown numbers of a series; withheld and missing years are left out. */
    static SortedMap<Integer, Double> values(SortedMap<Integer, Figure> series) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        series.forEach((y, f) -> {
            if (f.shown()) {
                out.put(y, f.value());
            }
        });
        return out;
    }
}
