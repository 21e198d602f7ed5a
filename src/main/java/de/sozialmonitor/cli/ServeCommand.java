package de.sozialmonitor.cli;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.web.WebServer;
import de.sozialmonitor.workspace.Workspace;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: serves the web application of the workspace until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.serve",
        description = "Serve the web application for the workspace (default port: web.port in sozialmonitor.yaml, 7070).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", descriptionKey = "port",
            description = "TCP port (default: web.port of sozialmonitor.yaml, 7070); 0 picks a free port")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        Workspace ws = workspace.open();
        serveUntilStopped(ws, port != null ? port : ws.config().webPort(), spec.commandLine().getOut(),
                url -> de.sozialmonitor.web.Texts.of(Messages.of(spec).language()).get("cli.serve.running", url));
        return ExitCodes.OK;
    }

    /**
     * Serves the workspace, prints {@code announce(url)} and blocks until the process is stopped
     * (Ctrl+C); used by {@code serve} and {@code demo}.
     */
    public static void serveUntilStopped(Workspace ws, int port, java.io.PrintWriter out,
                                         java.util.function.Function<String, String> announce) throws InterruptedException {
        Database db = ws.openDatabase();
        WebServer server;
        try {
            server = serve(ws, db, port);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        out.println(announce.apply(url(server)));
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            db.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** Starts the web application of a workspace; used by {@code serve} and {@code demo}. */
    public static WebServer serve(Workspace ws, Database db, int port) {
        return new WebServer(ws, db).start(port);
    }

    public static String url(WebServer server) {
        return "http://localhost:" + server.port() + "/";
    }
}
