package de.sozialmonitor.cli;

import de.sozialmonitor.analysis.AnalysisTables;
import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.analysis.CountModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code analyse certainty}: per area the probability of each class under resampled counts. */
@Command(name = "certainty", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.analyse-certainty",
        description = "How certain each area's status class, dynamics class and attention flag is (resampled counts).")
public final class AnalyseCertaintyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    AnalysisOutput output;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "poisson", description = "poisson or binomial (default: poisson)")
    String model;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "1000", description = "Number of draws (default: 1000)")
    int draws;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the draws (default: 1)")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: the number of processors)")
    Integer threads;

    @Override
    public Integer call() {
        Messages messages = Messages.of(spec);
        CommandLine cl = spec.commandLine();
        CountModel m;
        try {
            m = CountModel.parse(model);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--model: " + e.getMessage());
        }
        if (draws < 1) {
            throw new CommandLine.ParameterException(cl, "--draws: " + messages.analysis("drawsPositive"));
        }
        AnalysisOutput.Loaded in = output.load(cl);
        Certainty.Options options = new Certainty.Options(m, draws, seed,
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        Certainty.Report r;
        try {
            r = Certainty.estimate(in.input(), in.workspace().catalog(), in.workspace().config().methodFor(in.year()), in.year(), options);
        } catch (IllegalArgumentException e) {
            throw new RejectedInputException(messages.analysis("rejected", e.getMessage()));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("year", r.year());
        meta.put("base_year", r.baseYear());
        meta.put("level", r.level());
        meta.put("model", m.key());
        meta.put("draws", draws);
        meta.put("seed", seed);
        meta.put("borderline_below", Certainty.BORDERLINE);
        meta.put("borderline_areas", r.borderlineCount());
        output.write(cl, "certainty", meta, AnalysisTables.of(r));
        return ExitCodes.OK;
    }
}
