package de.sozialmonitor.cli;

import de.sozialmonitor.analysis.AnalysisTables;
import de.sozialmonitor.analysis.IndicatorAnalysis;
import de.sozialmonitor.privacy.DisclosureRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code analyse indicators}: coverage, distribution, correlations, stability and candidate sets. */
@Command(name = "indicators", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.analyse-indicators",
        description = "Coverage, distribution, correlations, stability and index contribution of candidate indicators.")
public final class AnalyseIndicatorsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    AnalysisOutput output;

    @Option(names = "--level", paramLabel = "LEVEL", description = "Area level (default: the method's analysis level)")
    String level;

    @Option(names = "--indicators", paramLabel = "ID,...", split = ",",
            description = "Candidate indicators (default: every indicator of the catalog)")
    List<String> indicators = new ArrayList<>();

    @Option(names = "--set", paramLabel = "ID,...", description = "A further candidate set of status indicators (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--redundancy", paramLabel = "RHO", defaultValue = "0.8",
            description = "|rho| from which two indicators count as redundant (default: 0.8)")
    double redundancy;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        AnalysisOutput.Loaded in = output.load(cl);
        List<List<String>> given = new ArrayList<>();
        for (String s : sets) {
            given.add(List.of(s.split(",")));
        }
        IndicatorAnalysis.Report r;
        try {
            r = IndicatorAnalysis.analyse(in.input(), in.workspace().catalog(), in.workspace().config().methodFor(in.year()),
                    DisclosureRules.of(in.workspace().config().privacy()), in.year(), level, indicators, given, redundancy);
        } catch (IllegalArgumentException e) {
            throw new RejectedInputException(Messages.of(spec).analysis("rejected", e.getMessage()));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("year", r.year());
        meta.put("level", r.level());
        meta.put("min_population", (long) r.minPopulation());
        meta.put("redundancy", r.redundancyThreshold());
        output.write(cl, "indicators", meta, AnalysisTables.of(r));
        return ExitCodes.OK;
    }
}
