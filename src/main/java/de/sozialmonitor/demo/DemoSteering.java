package de.sozialmonitor.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's steering files, imported like any delivery: a list of measures (Maßnahmen) in a few
 * localities and one whole municipality, and figures of reference regions (Niedersachsen, Germany) for three indicators. Both
 * are invented for the demo and say so in every title and region name; the reference figures are
 * of a plausible size, not official statistics.
 */
final class DemoSteering {
    static final String MEASURES_CSV = "massnahmen-demo.csv";
    static final String REFERENCES_CSV = "vergleichszahlen-demo.csv";
    /** The group of the demo's Quartiersmanagement (DEMO-02), whose data sheet the demo writes. */
    static final List<String> DATA_SHEET_AREAS = List.of("Peine-Kernstadt", "Stederdorf");
    static final String DATA_SHEET_PDF = "datenblatt-peine-kernstadt-stederdorf.pdf";

    private DemoSteering() {
    }

    /** Writes both files into {@code dataDir}; returns them in import order. */
    static List<Path> write(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path measures = dataDir.resolve(MEASURES_CSV);
            Files.writeString(measures, """
                    Nr.;Maßnahme;Handlungsfeld;Federführung;Beginn;Ende;Budget (EUR);Förderprogramm;Zielgruppe;Gebiete;Zielindikatoren;Beschreibung;Öffentlich
                    DEMO-01;Lernwerkstatt Vöhrum (Demo, erfunden);Bildung;FD Jugend;01.03.2020;31.12.2023;120.000;Sozialer Zusammenhalt;Kinder und Familien;Vöhrum;children_min_income, sgb2;Synthetische Demo-Maßnahme: Hausaufgabenhilfe und Elternarbeit.;ja
                    DEMO-02;Quartiersmanagement Peine-Kernstadt (Demo, erfunden);Quartier;FD Soziales;2019;;250.000;Sozialer Zusammenhalt;alle;Peine-Kernstadt, Stederdorf;sgb2, unemployed;Synthetische Demo-Maßnahme: Quartiersbüro mit Beratung.;ja
                    DEMO-03;Familienzentrum Groß Ilsede (Demo, erfunden);Familie;FD Jugend;01.08.2021;;85.000;ESF Plus;Alleinerziehende;Groß Ilsede;single_parent_children, children_min_income;Synthetische Demo-Maßnahme: Kinderbetreuung und Beratung.;ja
                    DEMO-04;Arbeitsmarktlotsen Broistedt (Demo, erfunden, geplant);Arbeit;Jobcenter;2025;;60.000;ESF Plus;Langzeitarbeitslose;Broistedt;unemployed;Synthetische Demo-Maßnahme in Planung, nur intern sichtbar.;nein
                    DEMO-05;Schulsozialarbeit Gemeinde Hohenhameln (Demo, erfunden);Bildung;FD Schulen;01.08.2022;;90.000;;Schülerinnen und Schüler;03157002;school_leavers_low;Synthetische Demo-Maßnahme für die ganze Gemeinde: auf der Karte ist jeder ihrer Ortsteile schraffiert.;ja
                    """, StandardCharsets.UTF_8);
            Path references = dataDir.resolve(REFERENCES_CSV);
            StringBuilder r = new StringBuilder("region_code;region_name;year;variable;value\n");
            // invented figures of a plausible size, clearly named as such; indicator values, so marked (docs/vergleichsregionen.md)
            double[][] land = {{8.6, 8.4, 8.5, 8.3}, {5.4, 5.1, 5.2, 5.3}, {12.9, 12.4, 12.6, 12.3}};
            double[][] germany = {{8.4, 8.2, 8.3, 8.1}, {5.7, 5.3, 5.4, 5.6}, {13.1, 12.8, 12.9, 12.7}};
            String[] indicators = {"sgb2", "unemployed", "children_min_income"};
            for (int i = 0; i < indicators.length; i++) {
                for (int k = 0; k < 4; k++) {
                    int year = PeineTerritory.LAST_YEAR - 3 + k;
                    r.append("03;Niedersachsen (Demo: erfundene Zahlen);").append(year).append(";indicator:").append(indicators[i]).append(';')
                            .append(String.valueOf(land[i][k]).replace('.', ',')).append('\n');
                    r.append("DG;Deutschland (Demo: erfundene Zahlen);").append(year).append(";indicator:").append(indicators[i]).append(';')
                            .append(String.valueOf(germany[i][k]).replace('.', ',')).append('\n');
                }
            }
            Files.writeString(references, r.toString(), StandardCharsets.UTF_8);
            return List.of(measures, references);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
