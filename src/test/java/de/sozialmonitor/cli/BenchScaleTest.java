package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench scale} on the small generated county: our full path and the R data.table peer of
 * {@code ../shared/bench} give every area the same status and dynamics class. (Its times are
 * figures for docs/benchmarks.md, not asserted here.) {@code ./test} installs R and data.table.
 */
class BenchScaleTest {
    @TempDir
    Path tmp;

    @Test
    void theFullPathGivesEveryAreaTheClassesOfThePeer() {
        Path bench = List.of(Path.of("../shared/bench"), Path.of("/work/shared/bench")).stream()
                .filter(p -> Files.isRegularFile(p.resolve("method_peer.R"))).findFirst().orElse(null);
        Assumptions.assumeTrue(bench != null, "../shared/bench is not there");
        CliTest.Run r = CliTest.run("bench", "scale", "--size", "small", "--bench-dir", bench.toString(), "--dir", tmp.toString());
        assertThat(r.out()).contains("R peer").containsPattern("classes: [0-9]+ areas compared, 0 differ \\(identical\\)");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("full path").contains("database:").contains("load at the end");
    }
}
