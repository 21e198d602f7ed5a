package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Smoke test: the benchmark runs end to end at a tiny size and every measured import succeeds. */
class ImportBenchmarkTest {
    @Test
    void benchRunsTinyAndAllItsImportsSucceed() throws Exception {
        StringWriter out = new StringWriter();
        List<ImportBenchmark.Measurement> figures = ImportBenchmark.run(
                new ImportBenchmark.Settings(520, 2, 2_000, 4, true, null, null, false), new PrintWriter(out));
        assertThat(figures).extracting(ImportBenchmark.Measurement::what)
                .containsExactly("areas file", "canonical long CSV", "microdata (point-in-polygon)");
        assertThat(figures).allSatisfy(f -> assertThat(f.outcome()).startsWith("imported, 0 errors"));
        assertThat(figures.get(1).rows()).isEqualTo(520);
        assertThat(figures.get(2).rows()).isEqualTo(2_000);
        assertThat(out.toString()).contains("rows/s").contains("peak heap");
    }
}
