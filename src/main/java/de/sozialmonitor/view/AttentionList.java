package de.sozialmonitor.view;

import de.sozialmonitor.method.EarlyWarning;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.privacy.AreaInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The areas a reader of the attention list needs, grouped and ordered by need, for the web page
 * and the committee report alike. Against a previous release: areas that newly need attention,
 * those that still do, those that no longer do, and those with an early warning but no attention
 * flag; without one, simply the areas that need attention. Within a group the areas that need
 * the most come first: lower status class, then negative dynamics, then the status index (or the
 * middle of its published band), then the name.
 */
public record AttentionList(boolean compared, ResultView previous, Map<Group, List<Entry>> groups) {

    /** The groups, in the order the list shows them. */
    public enum Group {
        /** No previous release to compare with: every area that needs attention. */
        FLAGGED,
        NEW,
        CONTINUING,
        ENDED,
        /** An early warning (status fell, dynamics turned negative, threshold crossed) without the flag. */
        WATCH
    }

    /**
     * One area: its classes now and in the previous release (null if it had none), the early
     * warnings of the comparison, and why it needs attention ({@link Drivers}).
     */
    public record Entry(AreaInfo area, AreaClasses classes, AreaClasses before, List<EarlyWarning.Alert> alerts,
                        List<Drivers.Driver> drivers) {
    }

    /** The list of {@code view}, compared with {@code previous} when given (null: no comparison). */
    public static AttentionList of(ResultView view, ResultView previous) {
        EarlyWarning.Report report = previous == null ? null : EarlyWarnings.compare(previous, view);
        Map<Group, List<Entry>> groups = new EnumMap<>(Group.class);
        view.allClasses().forEach((code, now) -> {
            AreaInfo area = view.area(code).orElse(null);
            if (area == null) {
                return;
            }
            AreaClasses before = previous == null ? null : previous.classes(code).orElse(null);
            List<EarlyWarning.Alert> alerts = report == null ? List.of() : report.ofArea(code);
            Group group;
            if (previous == null) {
                group = now.attention() ? Group.FLAGGED : null;
            } else if (now.attention()) {
                group = before != null && before.attention() ? Group.CONTINUING : Group.NEW;
            } else if (before != null && before.attention()) {
                group = Group.ENDED;
            } else {
                group = alerts.stream().anyMatch(a -> a.kind().warns()) ? Group.WATCH : null;
            }
            if (group != null) {
                groups.computeIfAbsent(group, g -> new ArrayList<>())
                        .add(new Entry(area, now, before, alerts, now.attention() || group == Group.WATCH ? Drivers.of(view, code) : List.of()));
            }
        });
        groups.replaceAll((g, entries) -> entries.stream().sorted(BY_NEED).toList());
        return new AttentionList(previous != null, previous, groups);
    }

    /** The entries of a group, by need; empty if none. */
    public List<Entry> entries(Group group) {
        return groups.getOrDefault(group, List.of());
    }

    /** How many areas the list shows in a group. */
    public int count(Group group) {
        return entries(group).size();
    }

    /** The groups the list has, in order: FLAGGED alone without a comparison, else NEW, CONTINUING, ENDED, WATCH. */
    public List<Group> shownGroups() {
        return compared ? List.of(Group.NEW, Group.CONTINUING, Group.ENDED, Group.WATCH) : List.of(Group.FLAGGED);
    }

    private static int statusNeed(AreaClasses c) {
        StatusClass s = c.statusClass();
        return s == null ? -1 : s.ordinal();
    }

    /** Most need first. */
    static final Comparator<Entry> BY_NEED = Comparator
            .comparingInt((Entry e) -> -statusNeed(e.classes()))
            .thenComparing(e -> e.classes().dynamicsClass() != DynamicsClass.NEGATIV)
            .thenComparing(e -> e.classes().statusPosition(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(e -> e.area().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(e -> e.area().code());
}
