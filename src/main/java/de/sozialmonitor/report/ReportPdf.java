package de.sozialmonitor.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * HTML of {@link ReportHtml} to PDF with openhtmltopdf: PDF/A-2a with the bundled DejaVu fonts
 * embedded, tagged for screen readers (PDF/UA), SVG maps and charts drawn as vectors by Batik.
 *
 * <p>Reproducible: the dates in the info dictionary and in the XMP metadata are the release's
 * creation date, and the file identifier is derived from the release checksum, so that rendering
 * the same release twice gives the same bytes.
 */
public final class ReportPdf {
    static final String FAMILY = "DejaVu Sans Condensed";
    static final String PRODUCER = "Sozialmonitor (openhtmltopdf, Apache PDFBox)";

    /** openhtmltopdf logs every step at INFO; keep its warnings only. */
    private static final boolean QUIET = quiet();

    private ReportPdf() {
    }

    private static boolean quiet() {
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
        return true;
    }

    public static byte[] render(ReportModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        render(model, out);
        return out.toByteArray();
    }

    public static void render(ReportModel model, OutputStream out) {
        String html = ReportHtml.render(model);
        LocalDate date = model.release().publishedOn() != null ? model.release().publishedOn() : model.release().createdOn();
        String title = model.territory().name() + " – " + new ReportTexts(model.options().language()).get("report.kind")
                + " " + model.release().referenceYear();
        renderHtml(html, new Metadata(title, model.territory().name(),
                "release " + model.release().number() + "; sha256 " + model.release().checksum(), model.options().language(),
                date, idHex(model.release().checksum(), model.options())), out);
    }

    /**
     * What a PDF keeps besides its pages; the date and the 32-hex-digit file identifier are given, so
     * that the same input gives the same bytes.
     */
    public record Metadata(String title, String author, String keywords, String language, LocalDate date, String idHex) {
    }

    /** Any report HTML of this package (written with report.css) as PDF/A-2a, tagged, fonts embedded. */
    public static void renderHtml(String html, Metadata meta, OutputStream out) {
        assert QUIET;
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(html, null);
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_A);
        builder.usePdfUaAccessibility(true);
        builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        builder.withProducer(PRODUCER);
        font(builder, "DejaVuSansCondensed.ttf", 400, FontStyle.NORMAL);
        font(builder, "DejaVuSansCondensed-Bold.ttf", 700, FontStyle.NORMAL);
        font(builder, "DejaVuSansCondensed-Oblique.ttf", 400, FontStyle.ITALIC);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            PDDocument doc = renderer.createPDFKeepOpen();
            fixMetadata(doc, meta);
            doc.save(out);
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
        builder.useFont(() -> {
            InputStream in = ReportPdf.class.getResourceAsStream("/fonts/" + file);
            if (in == null) {
                throw new IllegalStateException("font " + file + " missing from the jar");
            }
            return in;
        }, FAMILY, weight, style, true);
    }

    /** Replaces "now" by the release's own date, everywhere a PDF keeps a time or an identifier. */
    private static void fixMetadata(PDDocument doc, Metadata meta) throws IOException {
        Calendar date = calendar(meta.date());
        String title = meta.title();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setCreationDate(date);
        info.setModificationDate(date);
        info.setProducer(PRODUCER);
        info.setCreator("Sozialmonitor");
        info.setTitle(title);
        info.setAuthor(meta.author());
        info.setKeywords(meta.keywords());

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
        pdfa.setPart(2);
        try {
            pdfa.setConformance("A");
        } catch (org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addCreator(meta.author());
        dc.addDate(date);
        dc.setFormat("application/pdf");
        dc.addLanguage(meta.language());
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(date);
        basic.setModifyDate(date);
        basic.setMetadataDate(date);
        basic.setCreatorTool("Sozialmonitor");
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        pdf.setKeywords(info.getKeywords());
        // PDF/UA identification (pdfuaid:part=1), which openhtmltopdf also declares
        org.apache.xmpbox.schema.XMPSchema ua = new org.apache.xmpbox.schema.XMPSchema(xmp,
                "http://www.aiim.org/pdfua/ns/id/", "pdfuaid");
        ua.setIntegerPropertyValueAsSimple("part", 1);
        xmp.addSchema(ua);
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xml, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException(e);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xml.toByteArray());
        doc.getDocumentCatalog().setMetadata(metadata);

        byte[] id = HexFormat.of().parseHex(meta.idHex());
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** 16 bytes of the release checksum, varied by language and variant so that different files differ. */
    static String idHex(String checksum, ReportModel.Options options) {
        String base = checksum != null && checksum.matches("[0-9a-fA-F]{32,}") ? checksum.substring(0, 32)
                : "00000000000000000000000000000000";
        int variant = ("en".equals(options.language()) ? 1 : 0) + (options.internal() ? 2 : 0) + (options.profilesForAllAreas() ? 4 : 0);
        return base.substring(0, 30) + String.format("%02x", variant);
    }

    private static Calendar calendar(LocalDate date) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        c.clear();
        LocalDate d = date == null ? LocalDate.of(2000, 1, 1) : date;
        c.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth(), 0, 0, 0);
        return c;
    }
}
