package de.sozialmonitor.cli;

import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.view.ResultViews;
import de.sozialmonitor.web.Texts;
import de.sozialmonitor.workspace.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench abuse}: the anonymous abuse of issue 11 against the workspace served by a second JVM
 * with a small heap: {@code --logins} concurrent logins, then {@code --downloads} concurrent
 * downloads of the newest published release (JSON), then {@code --sheets} concurrent data sheets for
 * funding bids (PDF of the county, rendered per request); afterwards the server must answer as usual.
 * Passes (exit 0) when no request got a server error (503 for logins and data sheets is the intended
 * answer when every slot is taken), every download arrived whole, at least one data sheet was
 * rendered, and the server never ran out of memory.
 */
@Command(name = "abuse", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.bench-abuse",
        description = "Concurrent anonymous logins and release downloads against a server with a small heap (loopback only).")
public final class BenchAbuseCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--heap", paramLabel = "SIZE", descriptionKey = "heap", description = "Heap of the server JVM (default 1g)")
    String heap = "1g";

    @Option(names = "--logins", paramLabel = "N", descriptionKey = "logins", description = "Concurrent logins (default 200, at most 500)")
    int logins = 200;

    @Option(names = "--downloads", paramLabel = "N", descriptionKey = "downloads",
            description = "Concurrent release downloads (default 100, at most 200)")
    int downloads = 100;

    @Option(names = "--sheets", paramLabel = "N", descriptionKey = "sheets",
            description = "Concurrent data sheet PDFs (default 100, at most 200; 0 = none)")
    int sheets = 100;

    @Override
    public Integer call() throws Exception {
        if (logins < 1 || logins > 500 || downloads < 1 || downloads > 200 || sheets < 0 || sheets > 200
                || !heap.matches("\\d{1,5}[mMgG]")) {
            throw new RejectedInputException("--logins must be 1..500, --downloads 1..200, --sheets 0..200, --heap like 1g or 768m");
        }
        Workspace ws = workspace.open();
        int release;
        String county;
        try (Database db = ws.openDatabase()) {
            release = new ReleaseRepository(db.jdbi()).latestPublished().map(ReleaseRepository.ReleaseInfo::number)
                    .orElseThrow(() -> new RejectedInputException(Texts.of(Messages.of(spec).language()).get("cli.abuse.noRelease")));
            county = ResultViews.of(db.jdbi(), ws.config()).published(release).flatMap(ResultView::root).map(AreaInfo::code)
                    .orElseThrow(() -> new RejectedInputException(Texts.of(Messages.of(spec).language()).get("cli.abuse.noRelease")));
        }
        Texts t = Texts.of(Messages.of(spec).language());
        PrintWriter out = spec.commandLine().getOut();
        out.println(t.get("cli.abuse.header", heap, release));
        out.flush();
        LoadCheck.Outcome o = LoadCheck.run(ws.root(), release, heap, logins, downloads, sheets, county, "/indikatoren");
        out.println(t.get("cli.abuse.logins", logins, o.logins().toString(), o.loginMaxMillis()));
        out.println(t.get("cli.abuse.downloads", downloads, o.downloads().toString(), o.downloadsComplete(), o.releaseBytes(),
                o.downloadMaxMillis()));
        out.println(t.get("cli.abuse.sheets", sheets, o.sheets().toString(), o.sheetMaxMillis()));
        out.println(t.get("cli.abuse.afterwards", o.afterwards().toString()));
        out.println(t.get("cli.abuse.reconnects", o.reconnects()));
        out.println(t.get("cli.abuse.oom", t.get(o.outOfMemory() ? "cli.abuse.yes" : "cli.abuse.no")));
        out.println(t.get(o.passed() ? "cli.abuse.passed" : "cli.abuse.failed"));
        return o.passed() ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
