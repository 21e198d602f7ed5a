package de.sozialmonitor.report;

import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.analysis.IndicatorAnalysis;
import de.sozialmonitor.analysis.Sensitivity;
import de.sozialmonitor.method.AreaTable;
import de.sozialmonitor.method.Monitoring;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.model.AreaGeometry;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.privacy.DisclosureRules;
import de.sozialmonitor.store.AreaRepository;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.MonitoringInputReader;
import de.sozialmonitor.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Gathers what the committee template needs from a workspace: its active observations, the three
 * analyses for one year (every candidate of the catalog, the configured method, the class certainty)
 * and the geometries of the analysis level and the level above; renders HTML or PDF.
 */
public final class AbstimmungService {
    private AbstimmungService() {
    }

    /** The latest year in the data if {@code year} is null. */
    public static AbstimmungReport.Input gather(Workspace ws, Database db, Integer year, String language,
                                                Certainty.Options certainty) {
        MonitoringInput input = MonitoringInputReader.read(db.jdbi());
        int[] years = input.years();
        if (years.length == 0) {
            throw new IllegalArgumentException("no data in the database");
        }
        int y = year != null ? year : years[years.length - 1];
        if (!input.hasYear(y)) {
            throw new IllegalArgumentException("no data for " + y);
        }
        // the year's own settings where method.by_year gives them, as compute and analyse use them
        MethodConfig cfg = ws.config().methodFor(y);
        IndicatorAnalysis.Report indicators = IndicatorAnalysis.analyse(input, ws.catalog(), cfg,
                DisclosureRules.of(ws.config().privacy()), y, null, List.of(), List.of(), IndicatorAnalysis.REDUNDANCY);
        Sensitivity.Report sensitivity = Sensitivity.analyse(input, ws.catalog(), cfg, y);
        Certainty.Report certaintyReport = Certainty.estimate(input, ws.catalog(), cfg, y, certainty);
        MonitoringResult r = Monitoring.compute(input, ws.catalog(), cfg, y);
        AreaTable areas = r.areas();
        String upper = null;
        Map<String, String> upperNames = new LinkedHashMap<>();
        for (int a : r.analysisAreas()) {
            int p = areas.parent(a);
            if (p >= 0) {
                upper = areas.level(p);
                upperNames.put(areas.code(p), areas.name(p));
            }
        }
        String upperLevel = upper;
        Map<String, Geometry> small = new LinkedHashMap<>();
        Map<String, Geometry> boundaries = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> {
            AreaRepository.geometries(h, r.analysisLevel()).forEach((code, json) -> small.put(code, AreaGeometry.parse(json)));
            if (upperLevel != null) {
                AreaRepository.geometries(h, upperLevel).forEach((code, json) -> {
                    if (upperNames.containsKey(code)) {
                        boundaries.put(code, AreaGeometry.parse(json));
                    }
                });
            }
        });
        upperNames.keySet().retainAll(boundaries.keySet());
        return new AbstimmungReport.Input(ws.config().territoryName(), ws.config().synthetic(), ws.config().source(), language, LocalDate.now(),
                indicators, sensitivity, certaintyReport, small, boundaries, upperNames);
    }

    public static byte[] pdf(AbstimmungReport.Input in) {
        String html = AbstimmungReport.html(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ReportPdf.renderHtml(html, new ReportPdf.Metadata(AbstimmungReport.title(in), in.territory(),
                "Abstimmung " + in.indicators().year(), in.language(), in.date(), HexFormat.of().formatHex(digest, 0, 16)), out);
        return out.toByteArray();
    }
}
