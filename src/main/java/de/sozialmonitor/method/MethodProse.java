package de.sozialmonitor.method;

import de.sozialmonitor.i18n.TextBundle;
import de.sozialmonitor.model.MethodConfig;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The method of one computation in plain language, generated from its parameters, so that what
 * a reader is told is what was computed: the web's method page and the committee report's method
 * chapter both print these paragraphs. Texts in {@code i18n/method_prose[_de].properties}.
 */
public final class MethodProse {
    private MethodProse() {
    }

    /** An indicator as the text names it; {@code higherIsBetter} means its sign is reversed in the index. */
    public record IndicatorRef(String id, String name, boolean higherIsBetter) {
    }

    /**
     * Everything the text says.
     *
     * @param year       the year of the result
     * @param indicators names of (at least) the indicators the method uses, in the order to name them
     * @param minCount   the smallest count that is published
     * @param minPopulationForRates areas below this population get no published rates
     */
    public record Parameters(int year, MethodConfig method, List<IndicatorRef> indicators, String analysisLevel,
                             int minCount, double minPopulationForRates) {
        public Parameters {
            indicators = List.copyOf(indicators);
        }
    }

    /** The paragraphs, in reading order. */
    public static List<String> paragraphs(Parameters p, Locale locale) {
        Writer w = new Writer(locale);
        MethodConfig m = p.method();
        List<String> out = new ArrayList<>();
        List<IndicatorRef> status = used(p, m.statusIndicators());
        out.add(w.text("indicators", status.size(), w.names(status), w.weights(status, m.statusIndicators())));
        boolean sameDynamics = m.dynamicsIndicators().equals(m.statusIndicators());
        List<IndicatorRef> dynamics = used(p, m.dynamicsIndicators());
        out.add(sameDynamics
                ? w.text("dynamics.same", m.dynamicsYears(), String.valueOf(p.year() - m.dynamicsYears()), String.valueOf(p.year()))
                : w.text("dynamics.own", m.dynamicsYears(), String.valueOf(p.year() - m.dynamicsYears()), String.valueOf(p.year()),
                        w.names(dynamics)));
        java.util.Set<IndicatorRef> reversed = new java.util.LinkedHashSet<>();
        for (IndicatorRef i : status) {
            if (i.higherIsBetter()) {
                reversed.add(i);
            }
        }
        for (IndicatorRef i : dynamics) {
            if (i.higherIsBetter()) {
                reversed.add(i);
            }
        }
        out.add(w.text("z") + " " + w.text(m.sampleStandardDeviation() ? "z.sample" : "z.population")
                + (reversed.isEmpty() ? "" : " " + w.text("z.reversed", w.names(List.copyOf(reversed)))));
        out.add(w.text("index"));
        MethodConfig.StatusThresholds st = m.statusThresholds();
        out.add(w.text("statusClasses", w.index(st.high()), w.index(st.low()), w.index(st.veryLow())));
        MethodConfig.DynamicsThresholds dt = m.dynamicsThresholds();
        out.add(w.text("dynamicsClasses", w.index(dt.positive()), w.index(dt.negative())));
        out.add(w.text("exclusion", p.analysisLevel() == null ? w.text("level.lowest") : p.analysisLevel(),
                w.count(m.minPopulation())));
        if (!m.exclude().isEmpty()) {
            List<String> manual = new ArrayList<>();
            m.exclude().forEach((code, reason) -> manual.add(w.text("exclusion.manual.one", code, reason)));
            out.add(w.text("exclusion.manual", manual.size(), w.list(manual)));
        }
        String rule = m.attentionRule();
        out.add(MethodConfig.ATTENTION_DEFAULT.equals(rule) || MethodConfig.ATTENTION_BERLIN.equals(rule)
                ? w.text("rule." + rule) : w.text("rule.other", rule));
        if (!m.earlyWarningThresholds().isEmpty()) {
            List<String> thresholds = new ArrayList<>();
            for (IndicatorRef i : used(p, m.earlyWarningThresholds())) {
                thresholds.add(w.text(i.higherIsBetter() ? "earlyWarning.below" : "earlyWarning.above", i.name(),
                        w.number(m.earlyWarningThresholds().get(i.id()))));
            }
            out.add(w.text("earlyWarning", w.list(thresholds)));
        } else {
            out.add(w.text("earlyWarning.classesOnly"));
        }
        out.add(w.text("privacy", p.minCount(), w.count(p.minPopulationForRates())));
        return out;
    }

    /** The indicators of {@code weights}, in the order of the parameters' list; unknown ids by id. */
    private static List<IndicatorRef> used(Parameters p, Map<String, Double> weights) {
        List<IndicatorRef> out = new ArrayList<>();
        java.util.Set<String> seen = new HashSet<>();
        for (IndicatorRef i : p.indicators()) {
            if (weights.containsKey(i.id()) && seen.add(i.id())) {
                out.add(i);
            }
        }
        weights.keySet().stream().filter(id -> !seen.contains(id)).sorted()
                .forEach(id -> out.add(new IndicatorRef(id, id, false)));
        return out;
    }

    /** Formats the sentences of one language. */
    private static final class Writer {
        private final Locale locale;
        private final TextBundle bundle;

        Writer(Locale locale) {
            this.locale = locale;
            this.bundle = TextBundle.of("i18n.method_prose", locale);
        }

        String text(String key, Object... args) {
            return bundle.get(key, args);
        }

        String names(List<IndicatorRef> indicators) {
            return list(indicators.stream().map(IndicatorRef::name).toList());
        }

        /** "a, b und c" / "a, b and c". */
        String list(List<String> items) {
            if (items.size() <= 1) {
                return items.isEmpty() ? "" : items.get(0);
            }
            return String.join(", ", items.subList(0, items.size() - 1)) + text("list.and") + items.get(items.size() - 1);
        }

        String weights(List<IndicatorRef> indicators, Map<String, Double> weights) {
            if (weights.values().stream().distinct().count() <= 1) {
                return text("weights.equal");
            }
            List<String> parts = indicators.stream().map(i -> text("weights.one", i.name(), number(weights.get(i.id())))).toList();
            return text("weights.different", String.join("; ", parts));
        }

        String number(double value) {
            DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(locale));
            return f.format(value);
        }

        String count(double value) {
            return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale)).format(value);
        }

        /** An index bound with its sign, as the class bounds are read: "+1", "−1", "+1,5". */
        String index(double value) {
            String s = number(Math.abs(value));
            return value > 0 ? "+" + s : value < 0 ? "\u2212" + s : s;
        }
    }
}
