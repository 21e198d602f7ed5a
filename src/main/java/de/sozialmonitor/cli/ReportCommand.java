package de.sozialmonitor.cli;

import de.sozialmonitor.report.ReportModel;
import de.sozialmonitor.report.ReportModelBuilder;
import de.sozialmonitor.report.ReportService;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report}: renders the committee report of a release as PDF or HTML. */
@Command(name = "report", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.report",
        description = "Render the committee report of a release as PDF or HTML.")
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--release", paramLabel = "N", descriptionKey = "release",
            description = "Release number (default: the newest release)")
    Integer release;

    @Option(names = "--format", paramLabel = "pdf|html", descriptionKey = "format", defaultValue = "pdf",
            description = "Output format: pdf (PDF/A-2a, tagged) or html (default: ${DEFAULT-VALUE})")
    ReportService.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, descriptionKey = "output",
            description = "File to write")
    Path output;

    @Option(names = "--internal", descriptionKey = "internal",
            description = "Internal variant: also figures withheld by disclosure control; says so on every page")
    boolean internal;

    @Option(names = "--profiles", paramLabel = "attention|all", descriptionKey = "profiles", defaultValue = "attention",
            description = "Area profiles for the areas that need attention, or for all areas (default: ${DEFAULT-VALUE})")
    String profiles;

    @Option(names = "--lang", paramLabel = "de|en", descriptionKey = "lang",
            description = "Language of the report (default: the workspace's language)")
    String lang;

    /** Texts from the report part's own bundle, in the language of the CLI messages. */
    private static String msg(String key, Object... args) {
        return new de.sozialmonitor.report.ReportTexts(Messages.language()).get(key, args);
    }

    @Override
    public Integer call() throws Exception {
        if (!"attention".equals(profiles) && !"all".equals(profiles)) {
            throw new CommandLine.ParameterException(spec.commandLine(), msg("cli.badProfiles", profiles));
        }
        if (lang != null && !"de".equals(lang) && !"en".equals(lang)) {
            throw new CommandLine.ParameterException(spec.commandLine(), msg("cli.badLang", lang));
        }
        Workspace ws = workspace.open();
        String language = lang != null ? lang : ws.config().language();
        try (Database db = ws.openDatabase()) {
            ReportService service = new ReportService(db, ReportModelBuilder.Context.of(ws));
            int number = release != null ? release : service.builder().latestRelease()
                    .orElseThrow(() -> new RejectedInputException(msg("cli.noRelease")));
            ReportModel model;
            try {
                model = service.write(number, format, new ReportModel.Options(language, internal, "all".equals(profiles)),
                        output, AuditLog.cliUser());
            } catch (IllegalArgumentException e) {
                throw new RejectedInputException(msg("cli.unknownRelease", number));
            }
            spec.commandLine().getOut().println(msg("cli.done", output.toAbsolutePath(), number,
                    model.attention().size(), model.release().checksum()));
        }
        return ExitCodes.OK;
    }
}
