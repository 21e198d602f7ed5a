package de.sozialmonitor.report;

import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.view.ResultViews;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one entry point of the report part: build the model of a release, render it as PDF or HTML
 * into a file, and record the export in the audit log.
 */
public final class ReportService {
    /** Output formats; XLSX only for the data sheet for funding bids ({@link FundingDataSheet}). */
    public enum Format { PDF, HTML, XLSX }

    private final Database db;
    private final ReportModelBuilder builder;

    public ReportService(Database db, ResultViews views, ReportModelBuilder.Context context) {
        this.db = db;
        this.builder = new ReportModelBuilder(views, context);
    }

    public ReportModelBuilder builder() {
        return builder;
    }

    /** Renders release {@code number} to {@code output} (written to a temporary file first, then moved). */
    public ReportModel write(int number, Format format, ReportModel.Options options, Path output, String user) throws IOException {
        ReportModel model = builder.build(number, options);
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, ".report-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                render(model, format, out);
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        db.jdbi().useHandle(h -> AuditLog.record(h, user, "report.export", "release " + number,
                "format=" + format.name().toLowerCase(java.util.Locale.ROOT) + " language=" + options.language()
                        + " internal=" + options.internal() + " file=" + output.getFileName()));
        return model;
    }

    public static void render(ReportModel model, Format format, OutputStream out) throws IOException {
        if (format == Format.XLSX) {
            throw new IllegalArgumentException("the committee report is PDF or HTML");
        }
        if (format == Format.PDF) {
            ReportPdf.render(model, out);
        } else {
            out.write(ReportHtml.render(model).getBytes(StandardCharsets.UTF_8));
        }
    }
}
