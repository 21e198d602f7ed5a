package de.sozialmonitor.view;

import de.sozialmonitor.method.PublishedClassCheck;
import de.sozialmonitor.model.PublishedClasses;
import de.sozialmonitor.model.PublishedClassComparison;
import de.sozialmonitor.privacy.AreaInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * The classes of a release as it is shown, compared with a classification published by others:
 * what the method page shows and {@code demo berlin} prints, so both say the same.
 */
public final class PublishedClassComparisons {
    private PublishedClassComparisons() {
    }

    public static PublishedClassComparison of(ResultView view, PublishedClasses reference) {
        Map<String, PublishedClassCheck.Computed> computed = new HashMap<>();
        view.allClasses().forEach((code, c) -> computed.put(code, new PublishedClassCheck.Computed(name(view, code), c.statusIndex(),
                c.statusClass() == null ? null : c.statusClass().code(), c.dynamicsIndex(),
                c.dynamicsClass() == null ? null : c.dynamicsClass().code())));
        for (String code : reference.classes().keySet()) {
            computed.putIfAbsent(code, new PublishedClassCheck.Computed(name(view, code), null, null, null, null));
        }
        return PublishedClassCheck.compare(reference, computed, view.method());
    }

    private static String name(ResultView view, String code) {
        return view.area(code).map(AreaInfo::name).orElse(null);
    }
}
