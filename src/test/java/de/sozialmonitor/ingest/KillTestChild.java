package de.sozialmonitor.ingest;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Path;

/** The child process of {@link KillDuringImportTest}: imports one file; the parent kills it midway. */
public final class KillTestChild {
    private KillTestChild() {
    }

    public static void main(String[] args) {
        Workspace ws = Workspace.open(Path.of(args[0]));
        try (Database db = Database.open(args[1], "", "")) {
            System.out.println("begin");
            System.out.flush();
            ImportOutcome o = Importer.importFile(ws, db, Path.of(args[2]), "child");
            System.out.println("done " + o.status());
        }
    }
}
