package de.sozialmonitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.workflow.ComputeWorkflow;
import de.sozialmonitor.workflow.ReleaseWorkflow;
import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small county fed through the real import, computed for 2020 and released (release 1, published):
 * 24 localities, one latent disadvantage behind the counts. {@link #withSmallCount}: 400 to 3,400
 * inhabitants, and Ort 3 ({@link #SMALL}) has two SGB II recipients in every year, so its SGB II rate is
 * withheld in the release. {@link #withLargeCounts}: 2,000 to 5,000 inhabitants and no count behind the
 * index below 10, so the release withholds nothing behind it.
 */
public final class CertaintyCounty implements AutoCloseable {
    static final String[] VARIABLES = {"pop_u18", "pop_u15", "pop_15_64", "pop_65plus", "migrant_u18", "children_single_parent",
            "sgb2_u65", "unemployed", "children_u15_sgb2", "grusi_65plus", "school_leavers", "school_leavers_low"};
    static final double[] SHARES = {0.18, 0.14, 0.62, 0.22, 0.3, 0.15, 0.08, 0.05, 0.12, 0.04, 0.012, 0.2};
    public static final String SMALL = "L3";
    public static final int YEAR = 2020;
    public static final int RELEASE = 1;

    public final Workspace ws;
    public final Database db;

    private CertaintyCounty(Workspace ws, Database db) {
        this.ws = ws;
        this.db = db;
    }

    public static CertaintyCounty withSmallCount(Path dir) throws IOException {
        return build(dir, true);
    }

    public static CertaintyCounty withLargeCounts(Path dir) throws IOException {
        return build(dir, false);
    }

    private static CertaintyCounty build(Path dir, boolean small) throws IOException {
        WorkspaceInitializer.create(dir, Map.of());
        List<String> areas = new ArrayList<>(List.of("code;name;level;parent", "K;Kreis;Landkreis;", "G;Gemeinde;Gemeinde;K"));
        List<String> data = new ArrayList<>(List.of("area_code;year;variable;value"));
        Random rnd = new Random(7);
        for (int a = 1; a <= 24; a++) {
            String code = "L" + a;
            areas.add(code + ";Ort " + a + ";Ortsteil;G");
            double pop = small ? 400 + rnd.nextInt(3000) : 2000 + rnd.nextInt(3000);
            double latent = rnd.nextGaussian();
            for (int year = 2017; year <= YEAR; year++) {
                double p = Math.floor(pop * (0.97 + 0.06 * rnd.nextDouble()));
                data.add(code + ";" + year + ";pop_total;" + (long) p);
                for (int v = 0; v < VARIABLES.length; v++) {
                    double base = v < 4 || v == 10 ? p : p * 0.3;
                    double share = SHARES[v] * (v < 4 || v == 10 ? 1
                            : Math.max(small ? 0.2 : 0.6, 1 + 0.4 * latent + 0.2 * rnd.nextGaussian()));
                    long value = small && code.equals(SMALL) && VARIABLES[v].equals("sgb2_u65") ? 2 : (long) Math.floor(base * share);
                    data.add(code + ";" + year + ";" + VARIABLES[v] + ";" + value);
                }
            }
        }
        Files.write(dir.resolve("data/areas.csv"), areas);
        Files.write(dir.resolve("data/data.csv"), data);
        Workspace ws = Workspace.open(dir);
        Database db = ws.openDatabase();
        for (String f : List.of("data/areas.csv", "data/data.csv")) {
            ImportOutcome o = Importer.importFile(ws, db, dir.resolve(f), "test");
            assertThat(o.imported()).as(o.toString()).isTrue();
        }
        ComputeWorkflow.compute(ws, db, YEAR, "test");
        ReleaseWorkflow releases = new ReleaseWorkflow(db.jdbi());
        int number = releases.create(ReleaseWorkflow.CreateRequest.of(ws.config(), ws.catalog(), "Test 2020", YEAR, null), "test")
                .number();
        assertThat(number).isEqualTo(RELEASE);
        releases.publish(number, "test");
        return new CertaintyCounty(ws, db);
    }

    /** A fresh loader of views (nothing cached). */
    public ResultViews views() {
        return new ResultViews(db.jdbi(), new ResultView.Territory(ws.config().territoryCode(), ws.config().territoryName(),
                ws.config().synthetic()), ws.config().privacy());
    }

    @Override
    public void close() {
        db.close();
    }
}
