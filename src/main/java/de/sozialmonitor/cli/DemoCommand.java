package de.sozialmonitor.cli;

import de.sozialmonitor.demo.DemoBuild;
import de.sozialmonitor.demo.DemoIntegration;
import de.sozialmonitor.demo.DemoWorkspace;
import de.sozialmonitor.demo.PeineTerritory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo}: creates (or reuses) the Landkreis Peine demo workspace with synthetic data, imports,
 * computes and publishes it through the real code paths, and serves it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.demo", subcommands = DemoBerlinCommand.class,
        // the address and the folder on lines of their own: help text is wrapped at punctuation ("http: //…")
        description = {"Create (or reuse) the Landkreis Peine demo workspace with synthetic data: import it, compute the "
                + "monitoring for every year, publish two releases (2023 and 2024) and start the web application.",
                "In the browser: http://localhost:7070", "Folder: sozialmonitor-demo in the current directory (or --dir)",
                "'demo berlin': the second demo, on Berlin's real, published social monitoring 2013-2019."})
public final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DemoOptions options;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generator (default: 3157); same seed, same files")
    long seed = DemoWorkspace.DEFAULT_SEED;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        options.checkPort();
        Path target = options.folder(DemoWorkspace.DEFAULT_DIR).toAbsolutePath().normalize();
        out.println(Messages.of(spec).demo("demo.synthetic", PeineTerritory.ATTRIBUTION));
        DemoBuild.Result result;
        try {
            result = DemoBuild.run(target, seed, step -> out.println(Messages.of(spec).demo(
                    step.done() ? "demo.step.done" : "demo.step.missing", step.name(), step.detail())));
        } catch (DemoWorkspace.NotADemoWorkspaceException e) {
            err.println(Messages.of(spec).demo("demo.notDemo", e.getMessage()));
            return ExitCodes.ERROR;
        } catch (DemoIntegration.DemoFailedException e) {
            err.println(Messages.of(spec).demo("demo.failed", e.getMessage()));
            return ExitCodes.ERROR;
        }
        out.println(Messages.of(spec).demo(result.prepared().reused() ? "demo.reused" : "demo.created", target));
        if (!result.complete()) {
            err.println(Messages.of(spec).demo("demo.incomplete"));
        }
        out.println(Messages.of(spec).demo("demo.ready", target, Integer.toString(PeineTerritory.LAST_YEAR)));
        if (options.noServe) {
            return ExitCodes.OK;
        }
        int servePort = options.port != null ? options.port : result.workspace().config().webPort();
        ServeCommand.serveUntilStopped(result.workspace(), servePort, out, url -> Messages.of(spec).demo("demo.serving", url));
        return ExitCodes.OK;
    }
}
