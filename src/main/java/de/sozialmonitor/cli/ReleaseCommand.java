package de.sozialmonitor.cli;

import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.privacy.ReleaseTableBuilder;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.workflow.MethodRecomputation;
import de.sozialmonitor.workflow.ReleaseWorkflow;
import de.sozialmonitor.workspace.Workspace;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code release}: create, verify, publish and list releases (Berichtsstände). */
@Command(name = "release", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.release",
        description = "Create, verify, publish and list releases (Berichtsstände).",
        subcommands = {ReleaseCommand.Create.class, ReleaseCommand.Verify.class, ReleaseCommand.Publish.class,
            ReleaseCommand.ListReleases.class})
public final class ReleaseCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), Messages.of(spec).get("error.missingSubcommand"));
    }

    /** {@code release create --title T --year Y [--corrects N]}. */
    @Command(name = "create", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.release-create",
            description = "Freeze the latest results of a year, after disclosure control, into a new numbered release (not yet public).")
    static final class Create implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--title", required = true, paramLabel = "TITLE", description = "Title, e.g. \"Sozialmonitoring 2024\"")
        String title;

        @Option(names = "--year", required = true, paramLabel = "YEAR", description = "Reporting year; its latest result set is frozen")
        int year;

        @Option(names = "--corrects", paramLabel = "N", description = "Number of the release this one corrects")
        Integer corrects;

        @Override
        public Integer call() {
            Messages messages = Messages.of(spec);
            Workspace ws = workspace.open();
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = ws.openDatabase()) {
                ReleaseRepository.ReleaseInfo info = new ReleaseWorkflow(db.jdbi()).create(
                        ReleaseWorkflow.CreateRequest.of(ws.config(), ws.catalog(), title, year, corrects), AuditLog.cliUser());
                ReleaseContent content = new ReleaseRepository(db.jdbi()).content(info.number()).orElseThrow();
                ReleaseTableBuilder.Summary s = content.summary();
                out.println(messages.privacy("release.created", info.number(), info.title(), Integer.toString(info.year()),
                        Long.toString(info.resultSetId()), info.checksum()));
                out.println(messages.privacy("release.created.summary", s.counts(), s.primarySuppressed(), s.secondarySuppressed(),
                        s.rates(), s.ratesSuppressed()));
                if (content.publicRecord() != null && !content.publicRecord().isEmpty()) {
                    out.println(messages.privacy("release.created.publicRecord", content.publicRecord().toString(), s.inherited()));
                }
                if (!s.unprotected().isEmpty()) {
                    // said now, not first at publish: verify will refuse the release for these counts
                    out.println(messages.privacy("release.created.unprotected", s.unprotected().size(),
                            String.join(", ", s.unprotected().subList(0, Math.min(20, s.unprotected().size())))
                                    + (s.unprotected().size() > 20 ? " …" : "")));
                }
                if (info.corrects() != null) {
                    out.println(messages.privacy("release.created.corrects", info.corrects()));
                }
                out.println(messages.privacy("release.created.next", info.number()));
                return ExitCodes.OK;
            } catch (ReleaseWorkflow.ReleaseException e) {
                spec.commandLine().getErr().println(ReleaseRefusals.text(messages, e));
                return ReleaseRefusals.exitCode(e);
            }
        }
    }

    /** {@code release verify N}. */
    @Command(name = "verify", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.release-verify",
            description = "Prove that release N is unchanged and reproducible, and that its download withstands the attacker test.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "N", descriptionKey = "number", description = "Release number")
        int number;

        @Override
        public Integer call() {
            Messages messages = Messages.of(spec);
            Workspace ws = workspace.open();
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = ws.openDatabase()) {
                ReleaseWorkflow.Verification v = new ReleaseWorkflow(db.jdbi()).verify(number, AuditLog.cliUser(),
                        new MethodRecomputation());
                for (ReleaseWorkflow.Check c : v.checks()) {
                    out.println(ReleaseRefusals.checkLine(messages, c));
                }
                out.println(messages.privacy(v.ok() ? "release.verify.ok" : "release.verify.failed", number));
                return v.ok() ? ExitCodes.OK : ExitCodes.ERROR;
            } catch (ReleaseWorkflow.ReleaseException e) {
                spec.commandLine().getErr().println(ReleaseRefusals.text(messages, e));
                return ReleaseRefusals.exitCode(e);
            }
        }
    }

    /** {@code release publish N}. */
    @Command(name = "publish", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.release-publish",
            description = "Make release N public (after verifying it). A published release is never changed again.")
    static final class Publish implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "N", descriptionKey = "number", description = "Release number")
        int number;

        @Override
        public Integer call() {
            Messages messages = Messages.of(spec);
            Workspace ws = workspace.open();
            try (Database db = ws.openDatabase()) {
                ReleaseRepository.ReleaseInfo info = new ReleaseWorkflow(db.jdbi()).publish(number, AuditLog.cliUser(),
                        new MethodRecomputation());
                spec.commandLine().getOut().println(messages.privacy("release.published", info.number(), info.title(), info.checksum()));
                return ExitCodes.OK;
            } catch (ReleaseWorkflow.ReleaseException e) {
                spec.commandLine().getErr().println(ReleaseRefusals.text(messages, e));
                return ReleaseRefusals.exitCode(e);
            }
        }
    }

    /** {@code release list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.release-list",
            description = "List all releases with their state.")
    static final class ListReleases implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Messages messages = Messages.of(spec);
            Workspace ws = workspace.open();
            PrintWriter out = spec.commandLine().getOut();
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            try (Database db = ws.openDatabase()) {
                var list = new ReleaseRepository(db.jdbi()).list();
                if (list.isEmpty()) {
                    out.println(messages.privacy("release.list.empty"));
                }
                for (ReleaseRepository.ReleaseInfo r : list) {
                    String state = r.isPublished()
                            ? messages.privacy("release.list.published", r.publishedAt().format(f), r.publishedBy())
                            : messages.privacy("release.list.internal");
                    out.println(r.number() + "\t" + r.year() + "\t" + r.title() + "\t" + state + "\t"
                            + r.checksum().substring(0, 12)
                            + (r.corrects() == null ? "" : "\t" + messages.privacy("release.list.corrects", r.corrects())));
                }
                return ExitCodes.OK;
            }
        }
    }
}
