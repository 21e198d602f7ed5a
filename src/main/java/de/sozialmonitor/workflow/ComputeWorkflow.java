package de.sozialmonitor.workflow;

import de.sozialmonitor.method.Monitoring;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.DiskSpace;
import de.sozialmonitor.store.Housekeeping;
import de.sozialmonitor.store.MonitoringInputReader;
import de.sozialmonitor.store.ResultRepository;
import de.sozialmonitor.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the method from the workspace database and stores the result set with its audit event,
 * in one transaction: what {@code sozialmonitor compute} does, for the demo and other callers.
 */
public final class ComputeWorkflow {
    /** A stored computation. */
    public record Computed(long resultSetId, MonitoringResult result) {
    }

    private ComputeWorkflow() {
    }

    /**
     * Computes and stores {@code year}.
     *
     * @throws IllegalArgumentException if the year has no data or the configuration does not fit the data
     */
    public static Computed compute(Workspace ws, Database db, int year, String user) {
        return compute(ws, db, MonitoringInputReader.read(db.jdbi()), year, user);
    }

    /** Computes and stores every year with data (reading the database once); an empty list without data. */
    public static List<Computed> computeAllYears(Workspace ws, Database db, String user) {
        MonitoringInput input = MonitoringInputReader.read(db.jdbi());
        List<Computed> out = new ArrayList<>();
        for (int y : input.years()) {
            out.add(compute(ws, db, input, y, user));
        }
        return out;
    }

    public static Computed compute(Workspace ws, Database db, MonitoringInput input, int year, String user) {
        if (!input.hasYear(year)) {
            throw new IllegalArgumentException("no data for " + year);
        }
        MonitoringResult r = Monitoring.compute(input, ws.catalog(), ws.config().methodFor(year), year);
        long needed = DiskSpace.forResults((long) r.values().size() * r.areas().size());
        DiskSpace.require(ws.root(), db, needed);
        try {
            long id = db.jdbi().inTransaction(h -> {
                long newId = ResultRepository.save(h, r, user);
                AuditLog.record(h, user, "compute", "result_set " + newId,
                        "year=" + r.year() + "; base_year=" + r.baseYear() + "; analysis_level=" + r.analysisLevel()
                                + "; status_areas=" + r.status().participants() + "; dynamics_areas=" + r.dynamics().participants());
                Housekeeping.Pruned pruned = Housekeeping.prune(h);
                if (!pruned.isEmpty()) {
                    AuditLog.record(h, user, "housekeeping", "result_set " + newId, pruned.describe());
                    db.compactWhenClosed(pruned.bytes());
                }
                return newId;
            });
            return new Computed(id, r);
        } catch (RuntimeException e) {
            throw DiskSpace.translate(e, ws.root(), db, needed);
        }
    }
}
