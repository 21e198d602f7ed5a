package de.sozialmonitor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.sozialmonitor.ingest.ImportTexts;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ImportRepository;
import de.sozialmonitor.workspace.Workspace;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code history}: every import with its provenance and outcome, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.history",
        description = "List imports with their provenance and outcome.")
public final class HistoryCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N imports (default 50)")
    int limit = 50;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output: text or json")
    String format = "text";

    @Override
    public Integer call() throws Exception {
        ImportTexts texts = ImportTexts.of(Messages.of(spec).locale());
        Workspace ws = workspace.open();
        PrintWriter out = spec.commandLine().getOut();
        List<ImportRepository.ImportRow> rows;
        try (Database db = ws.openDatabase()) {
            rows = ImportRepository.history(db.jdbi(), limit);
        }
        if ("json".equals(format)) {
            ArrayNode arr = Json.MAPPER.createArrayNode();
            for (ImportRepository.ImportRow r : rows) {
                ObjectNode n = arr.addObject();
                n.put("id", r.id());
                n.put("file", r.fileName());
                n.put("sha256", r.sha256());
                n.put("source", r.source());
                n.put("format", r.format());
                n.put("mappingVersion", r.mappingVersion());
                n.put("user", r.user());
                n.put("startedAt", String.valueOf(r.startedAt()));
                n.put("finishedAt", String.valueOf(r.finishedAt()));
                n.put("rowsRead", r.rowsRead());
                n.put("rowsAccepted", r.rowsAccepted());
                n.put("rowsRejected", r.rowsRejected());
                n.put("outcome", r.outcome());
                n.put("active", r.active());
                if (r.supersededBy() != null) {
                    n.put("supersededBy", r.supersededBy());
                }
                n.put("periods", r.periods());
                n.put("message", r.message());
            }
            out.println(Json.pretty().writeValueAsString(arr));
        } else {
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            out.println(texts.get("history.header"));
            for (ImportRepository.ImportRow r : rows) {
                out.println("#" + r.id() + " | " + (r.startedAt() == null ? "" : f.format(r.startedAt())) + " | "
                        + texts.get("history.outcome." + r.outcome())
                        + " | " + r.format() + " | " + r.source() + " | " + r.fileName() + " (" + r.sha256().substring(0, 12) + ")"
                        + " | " + r.rowsAccepted() + "/" + r.rowsRead() + " | " + r.user()
                        + " | " + (r.supersededBy() == null ? "" : "#" + r.supersededBy())
                        + (r.message() == null ? "" : "\n     " + r.message()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
