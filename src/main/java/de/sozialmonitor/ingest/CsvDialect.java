package de.sozialmonitor.ingest;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How a delimited text file is written: encoding (UTF-8 with or without BOM, else Windows-1252),
 * field separator ({@code ;}, tab or {@code ,}). Detected from the first megabyte; parsing itself
 * is FastCSV's. The reader decodes strictly, so a wrong encoding guess surfaces as an error at
 * the row where it shows, never as silently garbled names.
 */
public record CsvDialect(Charset charset, int bomLength, char separator) {
    static final int SAMPLE = 1 << 20;
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static CsvDialect detect(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE);
        }
        return detect(sample);
    }

    public static CsvDialect detect(byte[] sample) {
        Charset charset;
        int bom = 0;
        if (sample.length >= 3 && (sample[0] & 0xff) == 0xEF && (sample[1] & 0xff) == 0xBB && (sample[2] & 0xff) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (sample.length >= 2 && (sample[0] & 0xff) == 0xFF && (sample[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (sample.length >= 2 && (sample[0] & 0xff) == 0xFE && (sample[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            charset = isUtf8(sample) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        String text = new String(sample, bom, sample.length - bom, charset);
        return new CsvDialect(charset, bom, separatorOf(text));
    }

    /** Strict UTF-8 check of a sample; an incomplete character at the very end is allowed. */
    static boolean isUtf8(byte[] sample) {
        int end = sample.length;
        // do not judge a multi-byte character cut by the sample boundary
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (sample[end - back - 1] & 0xC0) == 0xC0 && sample.length == SAMPLE) {
            end = end - back - 1;
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            dec.decode(ByteBuffer.wrap(sample, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The separator whose count per line is most often the same non-zero number over the first
     * lines (a title line above the table has none, the table rows all have the same).
     */
    static char separatorOf(String text) {
        char best = ';';
        int bestScore = 0;
        for (char c : new char[] {';', '\t', ','}) {
            Map<Integer, Integer> freq = new HashMap<>();
            for (int n : countsPerRecord(text, c, 50)) {
                if (n > 0) {
                    freq.merge(n, 1, Integer::sum);
                }
            }
            int score = freq.values().stream().max(Integer::compare).orElse(0);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /** Separator counts of the first records; quotes may hold separators and line breaks. */
    private static java.util.List<Integer> countsPerRecord(String text, char c, int maxRecords) {
        java.util.List<Integer> counts = new java.util.ArrayList<>();
        boolean quoted = false;
        int n = 0;
        for (int i = 0; i < text.length() && counts.size() < maxRecords; i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                counts.add(n);
                n = 0;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        if (n > 0 && counts.size() < maxRecords) {
            counts.add(n);
        }
        return counts;
    }

    /** A strictly decoding reader positioned after the BOM. */
    public Reader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.skipNBytes(bomLength);
        CharsetDecoder dec = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, dec);
    }

    /** FastCSV over the file; rows may have differing lengths (titles, footnotes). */
    public CsvReader<CsvRecord> reader(Path file) throws IOException {
        return builder().ofCsvRecord(open(file));
    }

    /** FastCSV over the file as {@link #reader(Path)}, each record built by {@code handler}. */
    public <T> CsvReader<T> reader(Path file, CsvCallbackHandler<T> handler) throws IOException {
        return builder().build(handler, open(file));
    }

    private CsvReader.CsvReaderBuilder builder() {
        return CsvReader.builder().fieldSeparator(separator).quoteCharacter('"').skipEmptyLines(true)
                .ignoreDifferentFieldCount(true).acceptCharsAfterQuotes(true).detectBomHeader(false);
    }

    public String describe() {
        String sep = separator == '\t' ? "TAB" : String.valueOf(separator);
        return charset.name() + (bomLength > 0 ? "+BOM" : "") + ", '" + sep + "'";
    }
}
