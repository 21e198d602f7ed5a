package de.sozialmonitor.method;

import static de.sozialmonitor.method.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.model.Variable;
import de.sozialmonitor.model.VariableKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Indicators over delivered shares and delivered changes, counts of other kinds, manual exclusion, and notes that name what is missing. */
class DeliveredValuesTest {
    static final double E = 1e-12;

    private static Variable share(String name, String base) {
        return new Variable(name, name, name, VariableKind.SHARE, "%", base, 0);
    }

    private static Indicator delivered(String id, String share, String change) {
        return new Indicator(id, id, id, "test", null, null, TargetGroup.TOTAL, 1, "%", Polarity.HIGHER_IS_WORSE,
                IndicatorRole.ATTENTION, 1, 0, "", "", share, change);
    }

    /** County K, municipality M1 with L1, L2, municipality M2 with L3. */
    private static MonitoringInput.Builder county() {
        MonitoringInput.Builder b = MonitoringInput.builder().levels(List.of("kreis", "gemeinde", "ortsteil"));
        b.area(new Area("K", "Kreis", "kreis", null));
        b.area(new Area("M1", "G1", "gemeinde", "K"));
        b.area(new Area("M2", "G2", "gemeinde", "K"));
        b.area(new Area("L1", "O1", "ortsteil", "M1"));
        b.area(new Area("L2", "O2", "ortsteil", "M1"));
        b.area(new Area("L3", "O3", "ortsteil", "M2"));
        for (String l : new String[] {"L1", "L2", "L3"}) {
            b.value(l, 2020, "pop_total", "", 1000);
        }
        return b;
    }

    private static double at(MonitoringResult r, String id, String code) {
        return r.current(id).value()[r.areas().indexOf(code)];
    }

    @Test
    void aDeliveredShareIsTheValueAndItsAggregateIsWeightedByItsBase() {
        IndicatorCatalog c = new IndicatorCatalog(List.of(new Variable("pop_total", "", ""), new Variable("pop_15_64", "", ""),
                share("unemp", "pop_15_64")), List.of(delivered("u", "unemp", null)));
        MonitoringInput.Builder b = county();
        // L1 10 % of 200, L2 30 % of 600: M1 = (20 + 180) / 800 = 25 %, not the mean 20 %
        b.value("L1", 2020, "unemp", "", 10).value("L1", 2020, "pop_15_64", "", 200);
        b.value("L2", 2020, "unemp", "", 30).value("L2", 2020, "pop_15_64", "", 600);
        b.value("L3", 2020, "unemp", "", 5).value("L3", 2020, "pop_15_64", "", 200);
        MonitoringResult r = Monitoring.compute(b.build(), c, config("u"), 2020);
        assertThat(at(r, "u", "L2")).isEqualTo(30.0);
        assertThat(at(r, "u", "M1")).isCloseTo(25.0, within(E));
        assertThat(at(r, "u", "M2")).isCloseTo(5.0, within(E));
        assertThat(at(r, "u", "K")).isCloseTo((20 + 180 + 10) / 10.0, within(E));
        // a delivered share has no counts
        assertThat(r.current("u").numerator()[r.areas().indexOf("L1")]).isNaN();
        // the share variable itself is never summed up the hierarchy
        assertThat(r.status().participants()).isEqualTo(3);
    }

    @Test
    void withoutABaseTheHigherLevelsHaveNoValueAndTheResultSaysSo() {
        IndicatorCatalog c = new IndicatorCatalog(List.of(new Variable("pop_total", "", ""), share("unemp", null)),
                List.of(delivered("u", "unemp", null)));
        MonitoringInput.Builder b = county();
        b.value("L1", 2020, "unemp", "", 10).value("L2", 2020, "unemp", "", 30).value("L3", 2020, "unemp", "", 5);
        MonitoringResult r = Monitoring.compute(b.build(), c, config("u"), 2020);
        assertThat(at(r, "u", "L1")).isEqualTo(10.0);
        assertThat(at(r, "u", "M1")).isNaN();
        assertThat(at(r, "u", "K")).isNaN();
        assertThat(MethodNotes.texts(r.notes(), Locale.GERMAN)).anyMatch(n -> n.contains("Indikator u ist ein gelieferter Anteil ohne Basisvariable"));
    }

    @Test
    void theDynamicsUseTheDeliveredChangeAndNeedNoBaseYear() {
        IndicatorCatalog c = new IndicatorCatalog(List.of(new Variable("pop_total", "", ""), share("unemp", null),
                new Variable("d_unemp", "", "", VariableKind.CHANGE, "pp", null, 2)), List.of(delivered("u", "unemp", "d_unemp")));
        MonitoringInput.Builder b = county();
        double[] change = {-2, 0, 2};
        for (int i = 0; i < 3; i++) {
            b.value("L" + (i + 1), 2020, "unemp", "", 10 + i).value("L" + (i + 1), 2020, "d_unemp", "", change[i]);
        }
        MethodConfig cfg = config("u");
        cfg = new MethodConfig(null, "pop_total", 300, cfg.statusIndicators(), cfg.dynamicsIndicators(), 2, cfg.statusThresholds(),
                cfg.dynamicsThresholds(), cfg.attentionRule(), Map.of(), MethodConfig.STANDARDISATION_POPULATION, Map.of());
        MonitoringResult r = Monitoring.compute(b.build(), c, cfg, 2020);
        // no figures of 2018 at all: the dynamics still take part, over the delivered changes -2, 0, 2 (pop. SD sqrt(8/3))
        assertThat(r.dynamics().participants()).isEqualTo(3);
        int l1 = r.areas().indexOf("L1");
        assertThat(r.dynamicsIndex(l1)).isCloseTo(-2 / Math.sqrt(8.0 / 3), within(E));
        assertThat(r.dynamicsClass()[l1]).isEqualTo(DynamicsClass.POSITIV);
        assertThat(r.change("u", l1, 2)).isEqualTo(-2.0);
        assertThat(r.notes()).noneMatch(n -> MethodNotes.key(n).equals("baseYearMissing"));
        // an area without a delivered change has status, but no dynamics
        b.value("L3", 2020, "d_unemp", "", Double.NaN);
        MonitoringResult without = Monitoring.compute(b.build(), c, cfg, 2020);
        assertThat(without.excluded()[without.areas().indexOf("L3")]).isEqualTo("missing:d_unemp");
        assertThat(without.statusClass()[without.areas().indexOf("L3")]).isNotNull();
    }

    @Test
    void anAreaExcludedByHandTakesNoPartKeepsItsValuesAndCarriesTheReason() {
        IndicatorCatalog c = MonitoringTest.AB;
        MonitoringInput.Builder b = Fixtures.localities(2020, new double[] {10, 10, 30, 30, 99});
        MethodConfig cfg = config("a");
        cfg = new MethodConfig(cfg.analysisLevel(), cfg.populationVariable(), cfg.minPopulation(), cfg.statusIndicators(),
                cfg.dynamicsIndicators(), cfg.dynamicsYears(), cfg.statusThresholds(), cfg.dynamicsThresholds(), cfg.attentionRule(),
                Map.of(), cfg.standardisation(), Map.of("L5", "statistisch unsicher", "X9", "gibt es nicht"));
        MonitoringResult r = Monitoring.compute(b.build(), c, cfg, 2020);
        int l5 = r.areas().indexOf("L5");
        assertThat(r.excluded()[l5]).isEqualTo("manual:statistisch unsicher");
        assertThat(r.statusClass()[l5]).isNull();
        assertThat(r.current("a").value()[l5]).isEqualTo(99.0);
        // the others as without L5: 10, 10, 30, 30 -> -1, -1, 1, 1
        assertThat(r.statusIndex(r.areas().indexOf("L1"))).isEqualTo(-1.0);
        assertThat(MethodNotes.texts(r.notes(), Locale.ENGLISH)).anyMatch(n -> n.contains("method.exclude names X9"));
    }

    @Test
    void whenNoAreaTakesPartTheNotesNameTheMissingVariables() {
        IndicatorCatalog c = new IndicatorCatalog(List.of(new Variable("pop_total", "", ""), new Variable("x", "", ""),
                new Variable("base", "", "")), List.of(new Indicator("a", "a", "a", "t", LinearExpression.parse("x"),
                LinearExpression.parse("base"), TargetGroup.TOTAL, 100, "%", Polarity.HIGHER_IS_WORSE, IndicatorRole.ATTENTION, 1, 0, "", "")));
        MonitoringInput.Builder b = county(); // pop_total only: x and base never delivered
        MonitoringResult r = Monitoring.compute(b.build(), c, config("a"), 2020);
        assertThat(r.status().participants()).isZero();
        List<String> de = MethodNotes.texts(r.notes(), Locale.GERMAN);
        assertThat(de).anyMatch(n -> n.contains("Variable x hat für kein Gebiet einen Wert (gebraucht von a)"));
        assertThat(de).anyMatch(n -> n.contains("Variable base hat für kein Gebiet einen Wert"));
        // one area without its figure is named as an example
        b.value("L1", 2020, "x", "", 5).value("L2", 2020, "x", "", 5).value("L3", 2020, "x", "", Double.NaN);
        b.value("L1", 2020, "base", "", 50).value("L2", 2020, "base", "", 50).value("L3", 2020, "base", "", 50);
        MonitoringResult some = Monitoring.compute(b.build(), c, config("a"), 2020);
        assertThat(MethodNotes.texts(some.notes(), Locale.GERMAN))
                .anyMatch(n -> n.contains("Variable x (Indikator a) fehlt für 1 von 3 Gebieten, z. B. O3 (L3)"));
    }
}
