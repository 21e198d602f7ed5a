package de.sozialmonitor.cli;

import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.report.AbstimmungReport;
import de.sozialmonitor.report.AbstimmungService;
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
            description = "Output format: pdf (PDF/A-2a, tagged) or html; xlsx for the data sheet (default: ${DEFAULT-VALUE})")
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

    @Option(names = "--type", paramLabel = "bericht|abstimmung|datenblatt", descriptionKey = "type", defaultValue = "bericht",
            description = "bericht: the report of a release (default); abstimmung: the committee template for choosing "
                    + "the indicators, one page per candidate, from the workspace's current data (internal); "
                    + "datenblatt: the data sheet for funding bids of --area from a published release (pdf, xlsx or html)")
    String type;

    @Option(names = "--area", paramLabel = "CODE[,CODE...]", split = ",", descriptionKey = "area",
            description = "datenblatt: the area or group of areas")
    java.util.List<String> areas;

    @Option(names = "--year", paramLabel = "YEAR", descriptionKey = "year",
            description = "abstimmung: year to analyse (default: the latest year in the data)")
    Integer year;

    @Option(names = "--lang", paramLabel = "de|en", descriptionKey = "lang",
            description = "Language of the report (default: the workspace's language)")
    String lang;

    /** Texts from the report part's own bundle, in the language of the CLI messages. */
    private String msg(String key, Object... args) {
        return new de.sozialmonitor.report.ReportTexts(Messages.of(spec).language()).get(key, args);
    }

    @Override
    public Integer call() throws Exception {
        if (!"attention".equals(profiles) && !"all".equals(profiles)) {
            throw new CommandLine.ParameterException(spec.commandLine(), msg("cli.badProfiles", profiles));
        }
        if (lang != null && !"de".equals(lang) && !"en".equals(lang)) {
            throw new CommandLine.ParameterException(spec.commandLine(), msg("cli.badLang", lang));
        }
        if (!"bericht".equals(type) && !"abstimmung".equals(type) && !"datenblatt".equals(type)) {
            throw new CommandLine.ParameterException(spec.commandLine(), msg("cli.badType", type));
        }
        if ("datenblatt".equals(type) != (areas != null && !areas.isEmpty()) || format == ReportService.Format.XLSX && !"datenblatt".equals(type)) {
            throw new CommandLine.ParameterException(spec.commandLine(), msg("cli.datenblattUsage"));
        }
        Workspace ws = workspace.open();
        String language = lang != null ? lang : ws.config().language();
        if ("datenblatt".equals(type)) {
            return datenblatt(ws, language);
        }
        if ("abstimmung".equals(type)) {
            return abstimmung(ws, language);
        }
        try (Database db = ws.openDatabase()) {
            ReportService service = new ReportService(db, de.sozialmonitor.view.ResultViews.of(db.jdbi(), ws.config()), ReportModelBuilder.Context.of(ws));
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

    /** The data sheet for funding bids of {@code --area} from a published release (the newest by default). */
    private int datenblatt(Workspace ws, String language) throws java.io.IOException {
        try (Database db = ws.openDatabase()) {
            de.sozialmonitor.view.ResultViews views = de.sozialmonitor.view.ResultViews.of(db.jdbi(), ws.config());
            int number = release != null ? release : views.latestPublished().flatMap(v -> java.util.Optional.ofNullable(
                    v.source().releaseNumber())).orElseThrow(() -> new RejectedInputException(msg("cli.noPublishedRelease")));
            de.sozialmonitor.report.FundingDataSheet.Input in;
            try {
                in = de.sozialmonitor.report.FundingDataSheet.gather(views, number, areas, language);
            } catch (IllegalArgumentException e) {
                throw new RejectedInputException(msg("cli.datenblattRejected", e.getMessage()));
            }
            byte[] bytes = switch (format) {
                case PDF -> de.sozialmonitor.report.FundingDataSheet.pdf(in);
                case XLSX -> de.sozialmonitor.report.FundingDataSheet.xlsx(in);
                case HTML -> de.sozialmonitor.report.FundingDataSheet.html(in).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            };
            java.nio.file.Files.write(output, bytes);
            db.jdbi().useHandle(h -> AuditLog.record(h, AuditLog.cliUser(), "report.datenblatt", "release " + number,
                    "areas=" + String.join(",", areas) + "; format=" + format + "; file=" + output.toAbsolutePath()));
            spec.commandLine().getOut().println(msg("cli.datenblattDone", output.toAbsolutePath(), number, String.join(", ", areas),
                    in.view().source().checksum()));
        }
        return ExitCodes.OK;
    }

    private int abstimmung(Workspace ws, String language) throws java.io.IOException {
        try (Database db = ws.openDatabase()) {
            AbstimmungReport.Input in;
            try {
                in = AbstimmungService.gather(ws, db, year, language, Certainty.Options.defaults());
            } catch (IllegalArgumentException e) {
                throw new RejectedInputException(msg("cli.abstimmungRejected", e.getMessage()));
            }
            byte[] bytes = format == ReportService.Format.PDF ? AbstimmungService.pdf(in)
                    : AbstimmungReport.html(in).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.nio.file.Files.write(output, bytes);
            db.jdbi().useHandle(h -> AuditLog.record(h, AuditLog.cliUser(), "report.abstimmung", "year " + in.indicators().year(),
                    "format=" + format + "; file=" + output.toAbsolutePath()));
            spec.commandLine().getOut().println(msg("cli.abstimmungDone", output.toAbsolutePath(), in.indicators().year(),
                    in.indicators().indicators().size(), in.certainty().borderlineCount()));
        }
        return ExitCodes.OK;
    }
}
