package de.sozialmonitor.privacy;

import java.util.Map;
import java.util.TreeMap;

/** The true counts behind a generated release, for tests that weaken a release on purpose. */
final class CountTableValues {
    private final Map<CountCell, Double> values = new TreeMap<>();

    static CountTableValues of(FrozenResults data) {
        CountTableValues t = new CountTableValues();
        Map<String, FrozenResults.IndicatorInfo> ind = new TreeMap<>();
        data.indicators().forEach(i -> ind.put(i.id(), i));
        for (FrozenResults.ValueRow v : data.values()) {
            var i = ind.get(v.indicatorId());
            t.values.putIfAbsent(new CountCell(ReleaseTableBuilder.canonical(i.numerator()), v.areaCode(), v.year(), v.targetGroup()), v.numerator());
            t.values.putIfAbsent(new CountCell(ReleaseTableBuilder.canonical(i.denominator()), v.areaCode(), v.year(), v.targetGroup()), v.denominator());
        }
        return t;
    }

    double value(PublishedRow r) {
        return values.get(new CountCell(r.measure(), r.areaCode(), r.year(), r.targetGroup()));
    }
}
