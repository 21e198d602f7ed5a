package de.sozialmonitor.workflow;

import de.sozialmonitor.method.Monitoring;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.privacy.FrozenResults;
import de.sozialmonitor.store.MonitoringInputReader;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.store.ResultRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@code release verify}'s recomputation: reads the observations of the imports the release recorded
 * (superseded since or not; the active ones for a release that recorded none) on the areas the release
 * froze (as they are now for a release frozen before areas were), runs the method with the
 * catalog and parameters recorded in the release's result set, and returns the indicator values
 * exactly as {@link ResultRepository#save} would store them. To get that mapping without copying
 * it, the recomputed result is saved inside a savepoint, read back and rolled back: nothing stays
 * in the database.
 */
public final class MethodRecomputation implements ReleaseWorkflow.Recomputation {
    private static final String SAVEPOINT = "release_verify_recompute";

    @Override
    public Optional<List<FrozenResults.ValueRow>> recompute(Handle h, ReleaseContent frozen) {
        Optional<MonitoringResult> stored = ResultRepository.load(h, frozen.resultSetId());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        MonitoringResult used = stored.get();
        List<Long> imports = frozen.imports().stream().map(ReleaseContent.InputFile::importId).toList();
        MonitoringInput input = imports.isEmpty() ? MonitoringInputReader.read(h)
                : MonitoringInputReader.readImports(h, imports, frozen.areaInputs());
        MonitoringResult again = Monitoring.compute(input, used.catalog(), used.config(), used.year());
        h.savepoint(SAVEPOINT);
        try {
            long id = ResultRepository.save(h, again, "release-verify");
            return Optional.of(ReleaseRepository.readValues(h, id));
        } finally {
            h.rollbackToSavepoint(SAVEPOINT);
        }
    }
}
