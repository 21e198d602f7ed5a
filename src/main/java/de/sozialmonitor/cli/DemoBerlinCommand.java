package de.sozialmonitor.cli;

import de.sozialmonitor.demo.BerlinDemo;
import de.sozialmonitor.demo.BerlinTerritory;
import de.sozialmonitor.demo.BerlinWorkspace;
import de.sozialmonitor.demo.DemoIntegration;
import de.sozialmonitor.model.PublishedClassComparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code demo berlin}: creates (or reuses) the Berlin demo workspace with Berlin's real, published
 * MSS reports 2013-2019 on its real planning areas, imports, computes and publishes them through
 * the real code paths, says how many computed classes agree with the published ones, and serves it.
 */
@Command(name = "berlin", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.demo_berlin",
        description = "Create (or reuse) the Berlin demo workspace in ./sozialmonitor-demo-berlin with real, published data "
                + "(Berlin's Monitoring Soziale Stadtentwicklung 2013-2019 on its planning areas): import it, compute each "
                + "report, compare every class with the published one, publish four releases and serve them at http://localhost:7070.")
public final class DemoBerlinCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DemoOptions options;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        options.checkPort();
        Path target = options.folder(BerlinTerritory.DEFAULT_DIR).toAbsolutePath().normalize();
        out.println(Messages.of(spec).demo("berlin.real", BerlinTerritory.DATA_SOURCE, BerlinTerritory.GEOMETRY_SOURCE));
        BerlinDemo.Result result;
        try {
            result = BerlinDemo.run(target, Messages.of(spec).locale(), step -> out.println(Messages.of(spec).demo(
                    step.done() ? "demo.step.done" : "demo.step.missing", step.name(), step.detail())));
        } catch (BerlinWorkspace.NotTheBerlinDemoException e) {
            err.println(Messages.of(spec).demo("demo.notDemo", e.getMessage()));
            return ExitCodes.ERROR;
        } catch (DemoIntegration.DemoFailedException e) {
            err.println(Messages.of(spec).demo("demo.failed", e.getMessage()));
            return ExitCodes.ERROR;
        }
        out.println(Messages.of(spec).demo(result.prepared().reused() ? "demo.reused" : "demo.created", target));
        printReproduction(out, result, Messages.of(spec));
        out.println(Messages.of(spec).demo("demo.ready", target, Integer.toString(BerlinTerritory.REPORTS.get(BerlinTerritory.REPORTS.size() - 1).dataYear())));
        if (options.noServe) {
            return ExitCodes.OK;
        }
        int servePort = options.port != null ? options.port : result.workspace().config().webPort();
        ServeCommand.serveUntilStopped(result.workspace(), servePort, out, url -> Messages.of(spec).demo("demo.serving", url));
        return ExitCodes.OK;
    }

    /** Per report: how many planning areas have both classes as published; every difference with its index and the nearest bound. */
    static void printReproduction(PrintWriter out, BerlinDemo.Result result, Messages messages) {
        out.println(messages.demo("berlin.reproduction"));
        result.reproduction().forEach((report, c) -> {
            out.println(messages.demo("berlin.reproduction.report", Integer.toString(report.year()), c.areasAgreeing(), c.areas(),
                    c.statusAgreeing(), c.statusCompared(), c.dynamicsAgreeing(), c.dynamicsCompared()));
            for (PublishedClassComparison.Difference d : c.differences()) {
                out.println(messages.demo("berlin.reproduction.difference", d.areaCode(), d.areaName(), d.component(),
                        String.valueOf(d.computed()), String.valueOf(d.published()),
                        d.index() == null ? "-" : String.format(Locale.ROOT, "%.4f", d.index()),
                        d.bound() == null ? "-" : String.format(Locale.ROOT, "%+.1f", d.bound())));
            }
        });
        out.println(messages.demo(result.areasAgreeing() == result.areas() ? "berlin.reproduction.all" : "berlin.reproduction.total",
                result.areasAgreeing(), result.areas(), Integer.toString(result.reproduction().size())));
    }
}
