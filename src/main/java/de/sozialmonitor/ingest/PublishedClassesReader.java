package de.sozialmonitor.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.PublishedClasses;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.workspace.PublishedClassesSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a classification published by others ({@link PublishedClassesSource}) as it was delivered: one row
 * per area, the classes as words ({@code sehr niedrig} is the class {@code sehr_niedrig}), an empty
 * cell where the area took no part.
 */
public final class PublishedClassesReader {
    private PublishedClassesReader() {
    }

    /**
     * @throws IllegalArgumentException naming file, row, column and reason (in {@code language})
     *                                  when the table does not fit the settings
     */
    public static PublishedClasses read(Path workspaceRoot, PublishedClassesSource source, java.util.Locale language) {
        ImportTexts texts = ImportTexts.of(language);
        Path file = workspaceRoot.resolve(source.file());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(texts.get("publishedClasses.missing", source.file()));
        }
        Map<String, PublishedClasses.Published> classes = new LinkedHashMap<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().fieldSeparator(source.separator()).ofNamedCsvRecord(file)) {
            int row = 1;
            for (NamedCsvRecord r : csv) {
                row++;
                for (String column : new String[] {source.codeColumn(), source.statusColumn(), source.dynamicsColumn()}) {
                    if (!r.getHeader().contains(column)) {
                        throw new IllegalArgumentException(texts.get("publishedClasses.noColumn", source.file(), column,
                                String.join(", ", r.getHeader())));
                    }
                }
                String code = r.getField(source.codeColumn()).strip();
                String status = classCode(texts, source, r, row, code, source.statusColumn(), StatusClass.values());
                String dynamics = classCode(texts, source, r, row, code, source.dynamicsColumn(), DynamicsClass.values());
                classes.put(code, new PublishedClasses.Published(status, dynamics));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(texts.get("publishedClasses.unreadable", source.file(), e.getMessage()), e);
        }
        return new PublishedClasses(source.name(), classes);
    }

    /** The class code in {@code column}, one of {@code known}'s codes, or null for an empty cell. */
    private static String classCode(ImportTexts texts, PublishedClassesSource source, NamedCsvRecord r, int row, String area, String column,
                                    Enum<?>[] known) {
        String published = r.getField(column);
        String code = code(published);
        if (code == null) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (Enum<?> c : known) {
            codes.add(c instanceof StatusClass s ? s.code() : ((DynamicsClass) c).code());
        }
        if (!codes.contains(code)) {
            throw new IllegalArgumentException(texts.get("publishedClasses.badClass", source.file(), row, column, area,
                    published.strip(), String.join(", ", codes.stream().map(k -> k.replace('_', ' ')).toList())));
        }
        return code;
    }

    /** "sehr niedrig" is the class code {@code sehr_niedrig}; an empty cell: the area has no published class. */
    private static String code(String published) {
        String t = published.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t.replace(' ', '_');
    }
}
