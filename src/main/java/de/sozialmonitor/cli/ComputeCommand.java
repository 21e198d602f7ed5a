package de.sozialmonitor.cli;

import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.MonitoringInputReader;
import de.sozialmonitor.workflow.ComputeWorkflow;
import de.sozialmonitor.store.ResultRepository;
import de.sozialmonitor.method.ClassCounts;
import de.sozialmonitor.method.EarlyWarning;
import de.sozialmonitor.method.MethodInputException;
import de.sozialmonitor.method.MethodNotes;
import de.sozialmonitor.workspace.Workspace;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code compute [--year Y]}: computes the method for a year from the active observations and stores a result set. */
@Command(name = "compute", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.compute",
        description = "Compute indicators, status and dynamics index for a year and store the result set.")
public final class ComputeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--year", paramLabel = "YEAR", description = "Year to compute (default: the latest year in the data)")
    Integer year;

    @Override
    public Integer call() {
        Messages messages = Messages.of(spec);
        Workspace ws = workspace.open();
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = ws.openDatabase()) {
            MonitoringInput input = MonitoringInputReader.read(db.jdbi());
            int[] years = input.years();
            if (years.length == 0) {
                spec.commandLine().getErr().println(messages.method("compute.noData"));
                return ExitCodes.ERROR;
            }
            int y = year != null ? year : years[years.length - 1];
            if (!input.hasYear(y)) {
                spec.commandLine().getErr().println(messages.method("compute.noYear", String.valueOf(y), yearList(years)));
                return ExitCodes.ERROR;
            }
            ComputeWorkflow.Computed c;
            try {
                c = ComputeWorkflow.compute(ws, db, input, y, AuditLog.cliUser());
            } catch (IllegalArgumentException e) {
                throw new RejectedInputException(messages.method("compute.rejected",
                        e instanceof MethodInputException m ? m.text(messages.locale()) : e.getMessage()));
            }
            MonitoringResult r = c.result();
            long id = c.resultSetId();
            printSummary(out, r, id, messages);
            if (r.status().participants() == 0) {
                // stored, so that the attempt is on record, but no result to work with: say why, and fail
                spec.commandLine().getErr().println(messages.method("compute.noneTakesPart", String.valueOf(r.year())));
                return ExitCodes.REJECTED_INPUT;
            }
            ResultRepository repo = new ResultRepository(db.jdbi());
            repo.previousId(r.year()).flatMap(repo::byId).ifPresent(previous -> {
                EarlyWarning.Report w = EarlyWarning.compare(previous, r);
                out.println(messages.method("compute.earlyWarning", String.valueOf(previous.year()),
                        String.valueOf(w.of(EarlyWarning.Kind.STATUS_FELL).size()),
                        String.valueOf(w.of(EarlyWarning.Kind.DYNAMICS_TURNED_NEGATIVE).size()),
                        String.valueOf(w.of(EarlyWarning.Kind.NEWLY_FLAGGED).size()),
                        String.valueOf(w.of(EarlyWarning.Kind.THRESHOLD_CROSSED).size())));
            });
        }
        return ExitCodes.OK;
    }

    private static String yearList(int[] years) {
        return String.join(", ", Arrays.stream(years).mapToObj(String::valueOf).toList());
    }

    static void printSummary(PrintWriter out, MonitoringResult r, long id, Messages messages) {
        ClassCounts counts = ClassCounts.of(r);
        out.println(messages.method("compute.done", String.valueOf(id), String.valueOf(r.year()), String.valueOf(r.baseYear()),
                r.analysisLevel(), String.valueOf(counts.areas())));
        out.println(messages.method("compute.participants", String.valueOf(r.status().participants()),
                String.valueOf(r.dynamics().participants()), String.valueOf(counts.withoutStatus())));
        out.println(messages.method("compute.statusClasses", n(counts.of(StatusClass.HOCH)), n(counts.of(StatusClass.MITTEL)),
                n(counts.of(StatusClass.NIEDRIG)), n(counts.of(StatusClass.SEHR_NIEDRIG))));
        out.println(messages.method("compute.dynamicsClasses", n(counts.of(DynamicsClass.POSITIV)), n(counts.of(DynamicsClass.STABIL)),
                n(counts.of(DynamicsClass.NEGATIV))));
        out.println(messages.method("compute.attention", String.valueOf(counts.attention())));
        for (String note : MethodNotes.texts(r.notes(), messages.locale())) {
            out.println(messages.method("compute.note", note));
        }
    }

    private static String n(int count) {
        return String.valueOf(count);
    }
}
