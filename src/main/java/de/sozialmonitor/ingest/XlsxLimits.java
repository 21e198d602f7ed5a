package de.sozialmonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Limits an XLSX workbook must keep before fastexcel-reader opens it: the reader keeps the whole
 * shared-string table in memory and a row with all its cells, so a 2 MB workbook that unpacks to
 * one gigantic string would otherwise take gigabytes of heap. The check unpacks every XML part
 * once, as a stream, counting bytes (never holding more than a buffer), and stops at the first
 * limit crossed:
 * <ul>
 *   <li>all parts together at most {@value #MAX_UNCOMPRESSED} bytes unpacked,</li>
 *   <li>the shared-string table at most {@value #MAX_SHARED_STRINGS} bytes,</li>
 *   <li>no text (a string, an inline string, a comment) and no tag longer than {@value #MAX_TEXT_BYTES} bytes
 *       (Excel itself allows 32,767 characters in a cell),</li>
 *   <li>no row longer than {@value #MAX_ROW_BYTES} bytes,</li>
 *   <li>at most {@value #MAX_CELLS} cells in all sheets.</li>
 * </ul>
 */
final class XlsxLimits {
    static final long MAX_UNCOMPRESSED = 1L << 30;
    static final long MAX_SHARED_STRINGS = 64L << 20;
    static final int MAX_TEXT_BYTES = 327_670;
    static final long MAX_ROW_BYTES = 16L << 20;
    static final long MAX_CELLS = 50_000_000L;

    /** A limit the workbook crosses: which one, put into words in the language of the import that reads it. */
    static final class Exceeded extends RuntimeException {
        private final ParsedValue.Reason reason;

        Exceeded(String key, Object... args) {
            this(new ParsedValue.Reason(key, java.util.Arrays.stream(args).map(String::valueOf).toList()));
        }

        private Exceeded(ParsedValue.Reason reason) {
            // the exception's own message (logs, stack traces) in English; users read in(...)
            super(reason.in(ImportTexts.of(java.util.Locale.ENGLISH)));
            this.reason = reason;
        }

        /** Which limit the file broke, in the import's language. */
        String in(ImportTexts texts) {
            return reason.in(texts);
        }
    }

    private XlsxLimits() {
    }

    /** Throws {@link Exceeded} if the workbook crosses a limit; an unreadable ZIP is the reader's to report. */
    static void check(Path file) throws IOException {
        long total = 0;
        long cells = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName();
                boolean xml = name.toLowerCase(Locale.ROOT).endsWith(".xml") || name.toLowerCase(Locale.ROOT).endsWith(".rels");
                Part part = new Part(name, name.startsWith("xl/worksheets/"));
                long limit = name.equals("xl/sharedStrings.xml") ? MAX_SHARED_STRINGS : Long.MAX_VALUE;
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] buf = new byte[1 << 16];
                    long size = 0;
                    for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                        size += n;
                        total += n;
                        if (total > MAX_UNCOMPRESSED) {
                            throw new Exceeded("xlsx.tooLarge", MAX_UNCOMPRESSED >> 20);
                        }
                        if (size > limit) {
                            throw new Exceeded("xlsx.sharedStrings", MAX_SHARED_STRINGS >> 20);
                        }
                        if (xml) {
                            part.scan(buf, n);
                        }
                    }
                }
                cells += part.cells;
                if (cells > MAX_CELLS) {
                    throw new Exceeded("xlsx.cells", MAX_CELLS);
                }
            }
        }
    }

    /** A streaming count over one XML part: runs of text and tags, rows, cells. */
    private static final class Part {
        private static final byte[] CDATA = "![CDATA[".getBytes(StandardCharsets.US_ASCII);
        private final String name;
        private final boolean sheet;
        private boolean inTag;
        private int mode; // 0 markup, 1 CDATA, 2 comment
        private long run;
        private final StringBuilder tagName = new StringBuilder();
        private boolean nameDone;
        private long position;
        private long rowStart = -1;
        private long cells;
        private int endMatch;

        Part(String name, boolean sheet) {
            this.name = name;
            this.sheet = sheet;
        }

        void scan(byte[] buf, int n) {
            for (int i = 0; i < n; i++, position++) {
                byte b = buf[i];
                if (mode != 0) {
                    run++;
                    tooLong();
                    String end = mode == 1 ? "]]>" : "-->";
                    if (b == end.charAt(endMatch)) {
                        endMatch++;
                    } else if (endMatch == 2 && b == end.charAt(1)) {
                        endMatch = 2; // "]]]>" and "--->" still end here
                    } else {
                        endMatch = b == end.charAt(0) ? 1 : 0;
                    }
                    if (endMatch == 3) {
                        mode = 0;
                        inTag = false;
                        run = 0;
                        endMatch = 0;
                    }
                    continue;
                }
                if (b == '<') {
                    inTag = true;
                    run = 0;
                    tagName.setLength(0);
                    nameDone = false;
                } else if (b == '>' && inTag) {
                    endTag();
                    inTag = false;
                    run = 0;
                } else {
                    run++;
                    tooLong();
                    if (inTag && !nameDone) {
                        if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || (b == '/' && tagName.length() > 0)) {
                            nameDone = true;
                            startTag();
                        } else if (tagName.length() < 16) {
                            tagName.append((char) (b & 0xff));
                            if (tagName.length() == CDATA.length && tagName.toString().equals("![CDATA[")) {
                                mode = 1;
                                run = 0;
                            } else if (tagName.length() == 3 && tagName.toString().equals("!--")) {
                                mode = 2;
                                run = 0;
                            }
                        }
                    }
                }
            }
        }

        private void endTag() {
            if (!nameDone) {
                nameDone = true;
                startTag();
            }
        }

        private void startTag() {
            String tag = tagName.toString();
            int colon = tag.indexOf(':');
            boolean closing = tag.startsWith("/");
            String local = (closing ? tag.substring(1) : tag);
            local = colon >= 0 ? local.substring(local.indexOf(':') + 1) : local;
            if (!sheet) {
                return;
            }
            if (local.equals("row")) {
                if (closing) {
                    if (rowStart >= 0 && position - rowStart > MAX_ROW_BYTES) {
                        throw new Exceeded("xlsx.row", name, MAX_ROW_BYTES >> 20);
                    }
                    rowStart = -1;
                } else {
                    rowStart = position;
                }
            } else if (local.equals("c") && !closing) {
                cells++;
            }
            if (rowStart >= 0 && position - rowStart > MAX_ROW_BYTES) {
                throw new Exceeded("xlsx.row", name, MAX_ROW_BYTES >> 20);
            }
        }

        private void tooLong() {
            if (run > MAX_TEXT_BYTES) {
                throw new Exceeded("xlsx.longText", name, MAX_TEXT_BYTES);
            }
        }
    }
}
