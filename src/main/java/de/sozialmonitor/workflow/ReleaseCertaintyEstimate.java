package de.sozialmonitor.workflow;

import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.privacy.CertaintyInputs;
import de.sozialmonitor.privacy.ReleaseCertainty;
import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.privacy.FrozenResults;
import de.sozialmonitor.store.MonitoringInputReader;
import de.sozialmonitor.store.ResultRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * The class certainty a release freezes ({@link ReleaseCertainty}): the resampling of
 * {@link Certainty} on exactly what {@code release verify} recomputes the method from (the imports the
 * release recorded, on the areas it froze, with its method and catalog), checked against the frozen
 * classes, with the public bands under {@link CertaintyInputs}' rule. {@code release create} freezes it,
 * {@code release verify} runs it again with the frozen options and compares.
 */
final class ReleaseCertaintyEstimate {
    private ReleaseCertaintyEstimate() {
    }

    /** The resampling a new release freezes: Poisson, 1,000 draws, seed 1 (as the pages and reports always used). */
    static Certainty.Options defaults() {
        return Certainty.Options.defaults();
    }

    /** The options a frozen certainty records, to run it again. */
    static Certainty.Options options(ReleaseCertainty frozen) {
        return new Certainty.Options(de.sozialmonitor.analysis.CountModel.parse(frozen.model()), frozen.draws(), frozen.seed(),
                Runtime.getRuntime().availableProcessors());
    }

    static ReleaseCertainty estimate(Handle h, ReleaseContent content, Certainty.Options options) {
        String model = options.model().key();
        try {
            MethodConfig method = ResultRepository.methodConfig(content.method().toString());
            IndicatorCatalog catalog = ResultRepository.catalogFromJson(content.catalog().toString());
            List<Long> imports = content.imports().stream().map(ReleaseContent.InputFile::importId).toList();
            MonitoringInput in = imports.isEmpty() ? MonitoringInputReader.read(h)
                    : MonitoringInputReader.readImports(h, imports, content.areaInputs());
            Certainty.Report report = Certainty.estimate(in, catalog, method, content.year(), options);
            String differs = classesDiffer(content, report);
            if (differs != null) {
                return ReleaseCertainty.unavailable(model, options.draws(), options.seed(), Certainty.BORDERLINE, content.year(), differs);
            }
            List<String> status = report.areas().stream().map(Certainty.AreaCertainty::code).toList();
            List<String> dynamics = report.areas().stream().filter(a -> a.dynamics() != null)
                    .map(Certainty.AreaCertainty::code).toList();
            Set<String> index = new TreeSet<>(content.data().statusIndicators());
            index.addAll(content.data().dynamicsIndicators());
            boolean shown = CertaintyInputs.unpublished(content.published(), content.data().indicators(), index,
                    report.year(), report.baseYear(), status, dynamics).isEmpty();
            List<ReleaseCertainty.Area> areas = new ArrayList<>();
            for (Certainty.AreaCertainty a : report.areas()) {
                areas.add(ReleaseCertainty.area(a.code(), share(a.statusCertainty()), share(a.dynamicsCertainty()),
                        share(a.attentionCertainty()), shown, Certainty.BORDERLINE));
            }
            return new ReleaseCertainty(model, options.draws(), options.seed(), Certainty.BORDERLINE, report.year(),
                    report.baseYear(), shown, areas, report.notes(), null);
        } catch (RuntimeException e) {
            return ReleaseCertainty.unavailable(model, options.draws(), options.seed(), Certainty.BORDERLINE, content.year(),
                    "resampling failed: " + e.getMessage());
        }
    }

    /** Null if the resampling's baseline gives exactly the frozen classes of every classified area of its level. */
    private static String classesDiffer(ReleaseContent content, Certainty.Report report) {
        Map<String, FrozenResults.AreaRow> frozen = new HashMap<>();
        content.data().areaResults().stream().filter(r -> r.year() == content.year()).forEach(r -> frozen.put(r.areaCode(), r));
        for (Certainty.AreaCertainty a : report.areas()) {
            FrozenResults.AreaRow r = frozen.get(a.code());
            if (r == null || !a.status().code().equals(r.statusClass())
                    || !java.util.Objects.equals(a.dynamics() == null ? null : a.dynamics().code(), r.dynamicsClass())
                    || a.attention() != r.attention()) {
                return "the recorded inputs no longer give the frozen classes (" + a.code() + ")";
            }
        }
        long classified = frozen.values().stream().filter(r -> r.statusClass() != null)
                .filter(r -> content.data().areas().containsKey(r.areaCode())
                        && content.data().areas().get(r.areaCode()).level().equals(report.level()))
                .count();
        if (classified != report.areas().size()) {
            return classified + " classified areas, " + report.areas().size() + " resampled";
        }
        return null;
    }

    private static Double share(double p) {
        return Double.isNaN(p) ? null : p;
    }
}
