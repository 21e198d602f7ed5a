package de.sozialmonitor.view;

import de.sozialmonitor.method.EarlyWarning;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.privacy.AreaInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The early warning between two views (a release and the release before it), the one comparison
 * the attention list and the committee report show: classes and flags of the classified areas,
 * and the shown values of the threshold indicators, with the current view's thresholds.
 */
public final class EarlyWarnings {
    private EarlyWarnings() {
    }

    public static EarlyWarning.Report compare(ResultView previous, ResultView current) {
        Map<String, Double> thresholds = current.method().earlyWarningThresholds();
        return EarlyWarning.compare(snapshot(previous, thresholds), snapshot(current, thresholds), thresholds,
                id -> current.catalog().indicator(id).map(Indicator::polarity).orElse(null));
    }

    private static EarlyWarning.Snapshot snapshot(ResultView view, Map<String, Double> thresholds) {
        List<EarlyWarning.AreaState> states = new ArrayList<>();
        view.allClasses().forEach((code, c) -> {
            Map<String, Double> values = new HashMap<>();
            thresholds.keySet().forEach(id -> {
                Figure f = view.rate(id, code, view.year());
                if (f.shown()) {
                    values.put(id, f.value());
                }
            });
            AreaInfo area = view.area(code).orElse(null);
            states.add(new EarlyWarning.AreaState(code, area == null ? code : area.name(), area == null ? null : area.level(),
                    true, c.statusClass(), c.dynamicsClass(), c.attention(), values));
        });
        return new EarlyWarning.Snapshot(view.year(), states);
    }
}
