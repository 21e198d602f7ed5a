package de.sozialmonitor.method;

import java.util.List;
import java.util.Map;

/**
 * One standardised index (status or dynamics) over all areas of the result: the input per indicator
 * (the value after the polarity flip for status, the change for dynamics), its z-scores, the raw index
 * (weighted mean of the z-scores) and the index (the raw index standardised again). NaN where the
 * area did not take part.
 */
public record ComponentResult(String component, List<String> indicatorIds, Map<String, double[]> input,
                              Map<String, double[]> z, double[] raw, double[] index, List<ComponentStat> stats,
                              int participants) {
    public ComponentStat stat(String indicatorId) {
        return stats.stream().filter(s -> s.indicatorId().equals(indicatorId)).findFirst().orElse(null);
    }
}
