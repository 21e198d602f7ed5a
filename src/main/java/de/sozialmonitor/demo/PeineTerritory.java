package de.sozialmonitor.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The facts the demo starts from: Landkreis Peine, its seven municipalities (real names and AGS),
 * their localities (plausible names, not from an official register), approximate municipal sizes,
 * and the merger of Lahstedt into Ilsede on 1 January 2015.
 *
 * <p>Lahstedt's code 03157004 and the codes of all localities (municipality AGS + 3 digits,
 * numbered alphabetically) are illustrative. In reality the old Ilsede (03157003) and Lahstedt
 * merged into the new Ilsede (03157009); the demo keeps 03157009 for the Ilsede part throughout
 * (as two area versions) so that only Lahstedt and its localities change code.
 */
public final class PeineTerritory {
    public static final String COUNTY_CODE = "03157";
    public static final String COUNTY_NAME = "Landkreis Peine";
    public static final String LEVEL_COUNTY = "Landkreis";
    public static final String LEVEL_MUNICIPALITY = "Gemeinde";
    public static final String LEVEL_LOCALITY = "Ortsteil";

    public static final String ILSEDE = "03157009";
    public static final String LAHSTEDT = "03157004";
    public static final String LAHSTEDT_NAME = "Lahstedt";
    /** The day Lahstedt became part of Ilsede; area versions end (exclusively) and begin here. */
    public static final LocalDate MERGER = LocalDate.of(2015, 1, 1);

    public static final String ATTRIBUTION = "© GeoBasis-DE / BKG (2021)";
    public static final String LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)";

    /** A municipality with its real AGS, its approximate size and the localities of the demo. */
    public record Municipality(String ags, String name, int inhabitants, String mainLocality, List<String> localities) {
    }

    /** The seven municipalities as of today; Ilsede's list includes the former Lahstedt localities. */
    public static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("03157001", "Edemissen", 12_000, "Edemissen", List.of("Abbensen", "Alvesse", "Blumenhagen",
                    "Eddesse", "Edemissen", "Eickenrode", "Mödesse", "Oedesse", "Oelerse", "Plockhorst", "Rietze",
                    "Wehnsen", "Wipshausen")),
            new Municipality("03157002", "Hohenhameln", 10_000, "Hohenhameln", List.of("Bekum", "Bierbergen", "Clauen",
                    "Equord", "Harber", "Hohenhameln", "Mehrum", "Ohlum", "Rötzum", "Soßmar", "Stedum")),
            new Municipality("03157005", "Lengede", 13_000, "Lengede", List.of("Barbecke", "Broistedt",
                    "Klein Lafferde", "Lengede", "Woltwiesche")),
            new Municipality("03157006", "Stadt Peine", 50_000, "Peine-Kernstadt", List.of("Peine-Kernstadt", "Berkum",
                    "Dungelbeck", "Duttenstedt", "Essinghausen", "Handorf", "Rosenthal", "Schmedenstedt", "Schwicheldt",
                    "Stederdorf", "Telgte", "Vöhrum", "Woltorf")),
            new Municipality("03157007", "Vechelde", 17_000, "Vechelde", List.of("Bettmar", "Denstorf",
                    "Groß Gleidingen", "Sierße", "Sonnenberg", "Vallstedt", "Vechelade", "Vechelde", "Wahle",
                    "Wedtlenstedt")),
            new Municipality("03157008", "Wendeburg", 11_000, "Wendeburg", List.of("Bortfeld", "Harvesse", "Meerdorf",
                    "Neubrück", "Rüper", "Sophiental", "Wendeburg", "Wendezelle", "Zweidorf")),
            new Municipality(ILSEDE, "Ilsede", 22_000, "Groß Ilsede", List.of("Bülten", "Groß Ilsede", "Groß Solschen",
                    "Klein Ilsede", "Ölsburg", "Adenstedt", "Gadenstedt", "Groß Lafferde", "Münstedt", "Oberg")));

    /** The localities that formed Lahstedt until 2014 (the southern part of today's Ilsede). */
    public static final List<String> LAHSTEDT_LOCALITIES = List.of("Adenstedt", "Gadenstedt", "Groß Lafferde", "Münstedt", "Oberg");

    /** Localities kept below the method's 300 inhabitants, so that exclusion and suppression have work. */
    public static final Set<String> SMALL_LOCALITIES = Set.of("Eickenrode", "Rötzum", "Sophiental", "Wendezelle");

    /** Localities whose social situation worsens from 2019 on (the dynamics index should find them). */
    public static final Set<String> WORSENING = Set.of("Vöhrum", "Groß Ilsede", "Broistedt");

    /** Localities whose social situation improves from 2019 on. */
    public static final Set<String> IMPROVING = Set.of("Stederdorf", "Wahle", "Edemissen");

    public static final int FIRST_YEAR = 2014;
    public static final int LAST_YEAR = 2024;
    /** Trends start after this year. */
    public static final int TREND_START = 2018;

    private PeineTerritory() {
    }

    public static Municipality municipality(String ags) {
        return MUNICIPALITIES.stream().filter(m -> m.ags().equals(ags)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no municipality " + ags));
    }
}
