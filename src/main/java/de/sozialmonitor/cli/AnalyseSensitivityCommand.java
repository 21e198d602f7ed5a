package de.sozialmonitor.cli;

import de.sozialmonitor.analysis.AnalysisTables;
import de.sozialmonitor.analysis.Sensitivity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code analyse sensitivity}: the areas whose classes change when one method parameter changes. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.analyse-sensitivity",
        description = "Which areas change class when an indicator is left out, a weight, a bound or another parameter changes.")
public final class AnalyseSensitivityCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    AnalysisOutput output;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        AnalysisOutput.Loaded in = output.load(cl);
        Sensitivity.Report r;
        try {
            r = Sensitivity.analyse(in.input(), in.workspace().catalog(), in.workspace().config().methodFor(in.year()), in.year());
        } catch (IllegalArgumentException e) {
            throw new RejectedInputException(Messages.of(spec).analysis("rejected", e.getMessage()));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("year", r.year());
        meta.put("level", r.level());
        output.write(cl, "sensitivity", meta, AnalysisTables.of(r));
        return ExitCodes.OK;
    }
}
