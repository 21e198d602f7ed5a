package de.sozialmonitor.workspace;

/**
 * A classification someone else published for one year, which the method page compares the
 * release of that year with, class for class ({@code published_classes} in sozialmonitor.yaml,
 * docs/method.md): a table with one row per area, read as delivered.
 *
 * @param name            what it is, as readers should see it ("MSS 2019, Senatsverwaltung ...")
 * @param file            the table, relative to the workspace (e.g. {@code data/mss_2019_plr.csv})
 * @param separator       its field separator
 * @param codeColumn      the column of the area code
 * @param statusColumn    the column of the published status class ({@code hoch} ... {@code sehr niedrig})
 * @param dynamicsColumn  the column of the published dynamics class ({@code positiv}, {@code stabil}, {@code negativ})
 */
public record PublishedClassesSource(String name, String file, char separator, String codeColumn, String statusColumn,
                              String dynamicsColumn) {
}
