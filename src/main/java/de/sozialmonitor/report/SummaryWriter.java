package de.sozialmonitor.report;

import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.report.ReportModel.AreaResult;
import de.sozialmonitor.report.ReportModel.AttentionEntry;
import de.sozialmonitor.report.ReportModel.ChangeEntry;
import de.sozialmonitor.report.ReportModel.ChangeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary's sentences, each from a fixed template filled only with counts and names taken from
 * the model: no adjectives the data do not carry, no causes, no forecasts. A sentence whose basis
 * is missing (no previous release, no dynamics) is replaced by one that says so.
 */
public final class SummaryWriter {
    private final ReportModel model;
    private final ReportTexts t;

    public SummaryWriter(ReportModel model, ReportTexts texts) {
        this.model = model;
        this.t = texts;
    }

    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        List<AreaResult> areas = model.areas();
        long participating = areas.stream().filter(a -> a.statusClass() != null).count();
        out.add(t.get("summary.scope", areas.size(), model.method().analysisLevel(), Integer.toString(model.release().referenceYear()),
                participating));
        if (areas.size() > participating) {
            out.add(t.get("summary.excluded", areas.size() - participating, t.count(model.method().minPopulation())));
        }

        // the sentence names them by code (so by municipality); the attention list orders them by need
        List<String> names = model.attention().stream().map(AttentionEntry::area)
                .sorted(java.util.Comparator.comparing(AreaResult::code)).map(AreaResult::name).toList();
        if (names.isEmpty()) {
            out.add(t.get("summary.attention.none"));
        } else if (names.size() == 1) {
            out.add(t.get("summary.attention.one", names.get(0)));
        } else {
            out.add(t.get("summary.attention.many", names.size(), t.list(names)));
        }

        boolean anyDynamics = areas.stream().anyMatch(a -> a.dynamicsClass() != null);
        long lowStatus = areas.stream().filter(SummaryWriter::lowStatus).count();
        long negative = areas.stream().filter(a -> a.dynamicsClass() == DynamicsClass.NEGATIV).count();
        long both = areas.stream().filter(a -> lowStatus(a) && a.dynamicsClass() == DynamicsClass.NEGATIV).count();
        if (participating > 0 && anyDynamics) {
            out.add(t.get("summary.statusDynamics", lowStatus, negative, both));
        } else if (participating > 0) {
            out.add(t.get("summary.dynamicsNone",
                    Integer.toString(model.release().referenceYear() - model.method().dynamicsYears())));
        }

        String driver = mostFrequentDriver();
        if (driver != null) {
            long count = model.attention().stream().filter(e -> topTwo(e).contains(driver)).count();
            long lowStatusAreas = model.attention().stream().filter(e -> lowStatus(e.area())).count();
            out.add(t.get("summary.driver", model.indicator(driver).name(), count, lowStatusAreas));
        }

        ReportModel.Changes changes = model.changes();
        if (changes.previousNumber() == null) {
            out.add(t.get("summary.first"));
        } else {
            List<String> added = namesOf(ChangeKind.NEW_ATTENTION);
            List<String> ended = namesOf(ChangeKind.ATTENTION_ENDED);
            List<String> fell = namesOf(ChangeKind.STATUS_FELL);
            String prev = Integer.toString(changes.previousNumber());
            String prevYear = changes.previousYear() == null ? "" : Integer.toString(changes.previousYear());
            if (added.isEmpty() && ended.isEmpty()) {
                out.add(t.get("summary.changes.none", prev, prevYear));
            }
            if (!added.isEmpty()) {
                out.add(t.get("summary.changes.new", prev, prevYear, t.list(added)));
            }
            if (!ended.isEmpty()) {
                out.add(t.get("summary.changes.ended", t.list(ended)));
            }
            if (!fell.isEmpty()) {
                out.add(t.get("summary.changes.fell", t.list(fell)));
            }
        }

        // thresholds are stated on the current values, so they need no previous release
        model.method().earlyWarningThresholds().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (model.indicators().stream().noneMatch(i -> i.id().equals(e.getKey()))) {
                return;
            }
            List<String> above = areas.stream()
                    .filter(a -> a.value(e.getKey()).hasValue() && a.value(e.getKey()).value() > e.getValue())
                    .map(AreaResult::name).toList();
            if (!above.isEmpty()) {
                ReportModel.IndicatorDescription ind = model.indicator(e.getKey());
                out.add(t.get("summary.threshold", t.number(e.getValue(), ind.precision()) + " " + ind.unit(),
                        ind.name(), above.size(), t.list(above)));
            }
        });
        return out;
    }

    static boolean lowStatus(AreaResult a) {
        return a.statusClass() == StatusClass.NIEDRIG || a.statusClass() == StatusClass.SEHR_NIEDRIG;
    }

    private List<String> namesOf(ChangeKind kind) {
        return model.changes().changes().stream().filter(c -> c.kind() == kind).map(ChangeEntry::areaName).toList();
    }

    private static List<String> topTwo(AttentionEntry e) {
        return e.drivers().stream().filter(d -> "status".equals(d.component())).limit(2)
                .map(de.sozialmonitor.view.Drivers.Driver::indicatorId).toList();
    }

    /** The indicator most often among the two strongest drivers; ties go to catalog order. */
    private String mostFrequentDriver() {
        Map<String, Integer> counts = new TreeMap<>();
        model.attention().forEach(e -> topTwo(e).forEach(id -> counts.merge(id, 1, Integer::sum)));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        model.indicators().forEach(i -> {
            if (counts.containsKey(i.id())) {
                ordered.put(i.id(), counts.get(i.id()));
            }
        });
        String best = null;
        int max = 1; // a single mention is no pattern worth a sentence
        for (Map.Entry<String, Integer> e : ordered.entrySet()) {
            if (e.getValue() > max) {
                best = e.getKey();
                max = e.getValue();
            }
        }
        return best;
    }
}
