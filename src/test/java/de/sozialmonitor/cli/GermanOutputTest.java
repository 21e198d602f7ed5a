package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a county statistician reads in German is German: a walk through the commands she uses —
 * outside a workspace, with a typo in the configuration, a mapping with an error, a file with
 * errors, {@code compute} when the index lacks its variables, a full computation, a release and its
 * verification — with every line searched for English words. The replies to the situations of
 * issue 13 are checked for what they must say.
 */
class GermanOutputTest {
    /**
     * English words that do not occur in German sentences (whole words, case-insensitive); not words
     * that are also names the user writes (the columns area_code and value, the format areas).
     */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(the|is|are|not|no|of|with|for|and|must|cannot|should|has|have|only|from|which|this|that|unknown|missing|"
                    + "allowed|found|needs|names|given|rows|columns|errors|warnings|imported|rejected)\\b", Pattern.CASE_INSENSITIVE);

    private final List<String> englishLines = new ArrayList<>();

    private CliTest.Run de(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--lang";
        all[1] = "de";
        System.arraycopy(args, 0, all, 2, args.length);
        CliTest.Run r = CliTest.run(all);
        for (String line : (r.out() + "\n" + r.err()).split("\n")) {
            // what the user wrote stays as written: file names, paths, keys, codes and quoted values
            String prose = line.replaceAll("[\\w./-]+\\.(csv|yaml|xlsx)", " ").replaceAll("/[\\w./-]+", " ")
                    .replaceAll("'[^']*'|\"[^\"]*\"|„[^“]*“", " ").replaceAll("\\b[a-z]+(_[a-z0-9]+)+\\b|\\b\\w+:\\w+\\b", " ");
            Matcher m = ENGLISH.matcher(prose);
            if (m.find()) {
                englishLines.add(String.join(" ", args) + " -> " + line);
            }
        }
        return r;
    }

    @Test
    void everyLineACountyStatisticianReadsInGermanIsGerman(@TempDir Path tmp) throws Exception {
        CliTest.Run outside = de("-w", tmp.resolve("nirgendwo").toString(), "history");
        assertThat(outside.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(outside.err()).contains("ist kein Sozialmonitor-Arbeitsbereich (dort gibt es keine sozialmonitor.yaml)");

        // a workspace whose data lack what the default index needs
        Path ws = tmp.resolve("ws");
        assertThat(de("init", ws.toString()).exit()).isZero();
        Files.writeString(ws.resolve("data/areas.csv"), "code;name;level;parent\n00000;Kreis;Landkreis;\n0000001;Ort A;Ortsteil;00000\n"
                + "0000002;Ort B;Ortsteil;00000\n0000003;Ort C;Ortsteil;00000\n");
        Files.writeString(ws.resolve("data/pop.csv"), "area_code;year;variable;value\n0000001;2024;pop_total;800\n"
                + "0000002;2024;pop_total;900\n0000003;2024;pop_total;1000\n");
        assertThat(de("import", "-w", ws.toString(), ws.resolve("data/areas.csv").toString()).exit()).isZero();
        assertThat(de("import", "-w", ws.toString(), ws.resolve("data/pop.csv").toString()).exit()).isZero();
        CliTest.Run nobody = de("compute", "-w", ws.toString(), "--year", "2024");
        assertThat(nobody.exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(nobody.out()).contains("Variable sgb2_u65 hat für kein Gebiet einen Wert (gebraucht von sgb2)")
                .contains("Variable unemployed hat für kein Gebiet einen Wert");
        assertThat(nobody.err()).contains("Kein Gebiet nimmt 2024 am Statusindex teil");

        // a file with errors, one with an unquoted target group, a mapping with an error
        Files.writeString(ws.resolve("data/bad.csv"), "area_code;year;variable;value;target_group\n0000001;2024;pop_total;-5;\n"
                + "0000009;24;pop_totl;x;\n0000002;2024;pop_total;100;nationality=foreign;sex=f\n");
        CliTest.Run check = de("check", "-w", ws.toString(), ws.resolve("data/bad.csv").toString());
        assertThat(check.exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(check.out()).contains("Zeile hat 6 Felder, die Kopfzeile nur 5");
        Files.writeString(ws.resolve("sources/ew.yaml"), "pattern: \"ew-*.csv\"\nlayout: wide\narea: {column: Gebiet, codes: name}\n"
                + "year: 2024\ncolumns:\n  Einwohner: pop_total\n  Kinder: pop_u18\n");
        Files.writeString(ws.resolve("data/ew-2024.csv"), "Gebiet;Einwohner\nOrt A;800\n");
        CliTest.Run missingColumn = de("check", "-w", ws.toString(), ws.resolve("data/ew-2024.csv").toString());
        assertThat(missingColumn.out()).contains("hat sie die Spalten: A „Gebiet“, B „Einwohner“");
        Files.writeString(ws.resolve("sources/ew.yaml"), "pattern: \"ew-*.csv\"\nlayout: breit\narea: {column: Gebiet}\n");
        de("check", "-w", ws.toString(), ws.resolve("data/ew-2024.csv").toString());
        Files.delete(ws.resolve("sources/ew.yaml"));

        // a typo in the configuration
        Path config = ws.resolve("sozialmonitor.yaml");
        String good = Files.readString(config);
        Files.writeString(config, good.replace("dynamics_years: 3", "dynamic_years: 3"));
        CliTest.Run typo = de("history", "-w", ws.toString());
        assertThat(typo.exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(typo.err()).contains("method.dynamic_years");
        Files.writeString(config, good);

        // the whole way with data: compute, export, release, verify
        Path full = ReleaseCommandTest.workspaceWithResults(tmp.resolve("full"));
        String w = full.toString();
        de("history", "-w", w);
        de("compute", "-w", w, "--year", "2023");
        de("export", "results", "-w", w, "--year", "2023", "--format", "csv", "--output", tmp.resolve("ergebnisse.csv").toString());
        assertThat(de("release", "create", "-w", w, "--title", "Sozialmonitoring 2023", "--year", "2023").exit()).isZero();
        CliTest.Run verify = de("release", "verify", "1", "-w", w);
        assertThat(verify.out()).contains("bitgleich");
        de("release", "list", "-w", w);

        assertThat(englishLines).isEmpty();
    }
}
