package de.sozialmonitor.ingest;

import de.sozialmonitor.store.ObservationStore;
import java.util.List;

/**
 * The result of {@link Importer#importFile}: imported (with what it superseded and the diff),
 * unchanged (the same file, by SHA-256, is already imported as {@code sameAsImport}) or rejected
 * (the report says why; the data basis is as it was).
 */
public record ImportOutcome(Status status, long importId, String source, String format, String sha256,
                            long rowsRead, long rowsAccepted, List<Long> superseded, ObservationStore.Diff diff,
                            CheckReport report, Long sameAsImport) {
    public enum Status { IMPORTED, UNCHANGED, REJECTED }

    public boolean imported() {
        return status == Status.IMPORTED;
    }

    /** One paragraph for people: what happened, then the diff if a delivery was corrected. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        switch (status) {
            case UNCHANGED -> sb.append(report.texts().get("outcome.unchanged", report.file(), sameAsImport));
            case REJECTED -> sb.append(report.texts().get("outcome.rejected", report.file(), report.errorCount(), report.warningCount()));
            case IMPORTED -> {
                sb.append(report.texts().get("outcome.imported", report.file(), importId, format, source, rowsAccepted, report.warningCount()));
                for (Long s : superseded) {
                    sb.append('\n').append(report.texts().get("outcome.superseded", s));
                }
                if (!superseded.isEmpty() && diff != null) {
                    sb.append('\n').append(report.texts().get("diff.summary", diff.changed(), diff.added(), diff.removed()));
                    for (ObservationStore.Change c : diff.sample()) {
                        sb.append('\n').append(report.texts().get("diff.line", c.areaCode(), c.year(), c.variable(),
                                c.targetGroup().isEmpty() ? "total" : c.targetGroup(), show(c.oldValue(), c.oldStatus()),
                                show(c.newValue(), c.newStatus())));
                    }
                    if (diff.changed() > diff.sample().size()) {
                        sb.append('\n').append(report.texts().get("diff.more", diff.changed() - diff.sample().size()));
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        return sb.toString();
    }

    private static String show(Double v, String status) {
        String num = v == null ? "" : (v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue()) : String.valueOf(v));
        return "OK".equals(status) ? num : (num.isEmpty() ? status : num + " (" + status + ")");
    }
}
