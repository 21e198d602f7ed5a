package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/quickstart.md as a test: init, import an areas file and counts in the canonical long format
 * with the standard variable names, compute, export results; no mapping, no own catalog.
 */
class QuickstartEndToEndTest {
    static final String[] VARIABLES = {"pop_total", "pop_u18", "pop_u15", "pop_15_64", "pop_65plus", "migrant_u18",
            "children_single_parent", "sgb2_u65", "unemployed", "children_u15_sgb2", "grusi_65plus", "school_leavers",
            "school_leavers_low", "eingliederungshilfe"};

    @Test
    void initImportComputeExportGivesTheFullMethod(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("kreis");
        assertThat(CliTest.run("init", ws.toString(), "--territory-code", "03157").exit()).isZero();
        StringBuilder areas = new StringBuilder("code;name;level;parent\n03157;Landkreis Peine;Landkreis;\n");
        StringBuilder counts = new StringBuilder("area_code;year;variable;value\n");
        Random rnd = new Random(3);
        for (int m = 1; m <= 3; m++) {
            String mc = "0315700" + m;
            areas.append(mc).append(";Gemeinde ").append(m).append(";Gemeinde;03157\n");
            for (int l = 1; l <= 6; l++) {
                String lc = mc + "0" + l;
                areas.append(lc).append(";Ortsteil ").append(m).append('.').append(l).append(";Ortsteil;").append(mc).append('\n');
                for (int year : new int[] {2021, 2024}) {
                    int pop = m == 3 && l == 6 ? 120 : 500 + rnd.nextInt(4000);
                    for (String v : VARIABLES) {
                        long value = v.equals("pop_total") ? pop : Math.round(pop * (0.04 + 0.2 * rnd.nextDouble()));
                        counts.append(lc).append(';').append(year).append(';').append(v).append(';').append(value).append('\n');
                    }
                }
            }
        }
        Files.writeString(ws.resolve("data/areas.csv"), areas);
        Files.writeString(ws.resolve("data/counts.csv"), counts);

        CliTest.Run imp = CliTest.run("--lang", "en", "import", "-w", ws.toString(),
                ws.resolve("data/areas.csv").toString(), ws.resolve("data/counts.csv").toString());
        assertThat(imp.exit()).as(imp.out() + imp.err()).isZero();

        CliTest.Run compute = CliTest.run("--lang", "en", "compute", "-w", ws.toString());
        assertThat(compute.exit()).as(compute.err()).isZero();
        assertThat(compute.out()).contains("year 2024 (base year 2021)").contains("\"Ortsteil\", 18 areas")
                .contains("Status index: 17 areas take part; dynamics index: 17 areas");

        Path csv = tmp.resolve("results.csv");
        CliTest.Run export = CliTest.run("--lang", "en", "export", "results", "-w", ws.toString(), "--format", "csv",
                "--output", csv.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith(ComputeAndExportCommandTest.HEADER
                + ";migrant_u18;single_parent_children;sgb2;unemployed;children_min_income;old_age_min_income;school_leavers_low;");
        assertThat(lines).hasSize(19);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("0315700306;Ortsteil 3.6;2024;;;;;false;population_below_minimum;"));
        long classified = lines.stream().skip(1).filter(l -> l.split(";", -1)[4].matches("hoch|mittel|niedrig|sehr_niedrig")).count();
        assertThat(classified).isEqualTo(17);
        long dynamics = lines.stream().skip(1).filter(l -> l.split(";", -1)[6].matches("positiv|stabil|negativ")).count();
        assertThat(dynamics).isEqualTo(17);
    }
}
