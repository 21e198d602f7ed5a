package de.sozialmonitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.privacy.CertaintyInputs;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.FrozenResults;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Why the published certainty bands cannot narrow a withheld count (docs/privacy.md, "Class certainty"):
 * the resampling reads no count but those {@link CertaintyInputs#inputs} names. Every other count, of any
 * area, year or indicator, may take any value: the certainty stays exactly the same. So when the attacker
 * audit finds none of the named counts withheld ({@code CertaintyInputs.audit}, run by {@code release
 * verify}), the bands are a function of published counts, the published method and the published seed
 * alone, and trying the possible values of a withheld count against them rules none out.
 */
class CertaintyInputsProperties {
    static final int YEAR = AnalysisCounty.LAST_YEAR;

    @Property(tries = 6)
    void theResamplingReadsNoCountButThoseTheBandRuleChecks(@ForAll long seed) {
        AnalysisCounty county = AnalysisCounty.generate(20, 5, seed);
        IndicatorCatalog catalog = county.catalog();
        MethodConfig cfg = county.config(3);
        Certainty.Options options = new Certainty.Options(CountModel.POISSON, 200, seed, 1);
        Certainty.Report before = Certainty.estimate(county.input(1), catalog, cfg, YEAR, options);

        List<FrozenResults.IndicatorInfo> infos = catalog.indicators().stream().map(i -> new FrozenResults.IndicatorInfo(i.id(),
                i.numerator().toString(), i.denominator().toString(), i.targetGroup().key(), i.scale(), i.precision())).toList();
        Set<String> index = new HashSet<>(cfg.statusIndicators().keySet());
        index.addAll(cfg.dynamicsIndicators().keySet());
        List<String> status = before.areas().stream().map(Certainty.AreaCertainty::code).toList();
        List<String> dynamics = before.areas().stream().filter(a -> a.dynamics() != null).map(Certainty.AreaCertainty::code).toList();
        Set<CertaintyInputs.Input> read = new HashSet<>(CertaintyInputs.inputs(infos, index, before.year(), before.baseYear(),
                status, dynamics));
        assertThat(read).isNotEmpty();

        // every count the rule does not name gets another value
        Random rnd = new Random(seed);
        Map<String, Double> changed = new HashMap<>();
        for (int year = AnalysisCounty.FIRST_YEAR; year <= YEAR; year++) {
            for (int a = 0; a < county.areas(); a++) {
                String code = AnalysisCounty.code(a);
                for (int i = 0; i < county.indicators(); i++) {
                    int y = year - AnalysisCounty.FIRST_YEAR;
                    if (!read.contains(new CertaintyInputs.Input(PublishedRow.COUNT, "x" + i, code, year, ""))) {
                        changed.put(year + "|x" + i + "|" + code, (double) rnd.nextInt((int) county.numerators()[y][i][a] + 20));
                    }
                    if (!read.contains(new CertaintyInputs.Input(PublishedRow.COUNT, "den" + i, code, year, ""))) {
                        changed.put(year + "|den" + i + "|" + code, county.denominators()[y][i][a] + 1 + rnd.nextInt(100));
                    }
                }
            }
        }
        assertThat(changed).as("counts outside the rule: other indicators, years, and areas not in the index")
                .hasSizeGreaterThan(read.size());

        Certainty.Report after = Certainty.estimate(county.input(1, changed), catalog, cfg, YEAR, options);

        assertThat(after.areas()).hasSameSizeAs(before.areas());
        for (int p = 0; p < before.areas().size(); p++) {
            Certainty.AreaCertainty b = before.areas().get(p);
            Certainty.AreaCertainty a = after.areas().get(p);
            assertThat(a.code()).isEqualTo(b.code());
            assertThat(a.statusProbability()).as(b.code()).containsExactly(b.statusProbability());
            assertThat(a.dynamicsProbability()).as(b.code()).containsExactly(b.dynamicsProbability());
            assertThat(a.attentionProbability()).as(b.code()).isEqualTo(b.attentionProbability());
            assertThat(List.of(String.valueOf(a.status()), String.valueOf(a.dynamics()), a.attention()))
                    .isEqualTo(List.of(String.valueOf(b.status()), String.valueOf(b.dynamics()), b.attention()));
        }
    }
}
