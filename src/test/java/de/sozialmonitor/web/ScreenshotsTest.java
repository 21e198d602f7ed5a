package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.demo.DemoBuild;
import de.sozialmonitor.demo.DemoWorkspace;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.view.Choropleth;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Makes the screenshots in docs/img (run on demand, not in CI):
 * {@code mvn test -Dtest=ScreenshotsTest -Dsozialmonitor.screenshots=docs/img}. With
 * {@code -Dsozialmonitor.screenshots.workspace=DIR} it shows that workspace; otherwise it builds the
 * demo through the real path ({@link DemoBuild}: import, compute, release), in
 * {@code -Dsozialmonitor.showcase.dir=DIR} if given, else in a temporary folder.
 */
@EnabledIfSystemProperty(named = "sozialmonitor.screenshots", matches = ".+")
class ScreenshotsTest {
    @Test
    void screenshotsOfOverviewProfileAndIndicatorPage() throws Exception {
        Optional<Path[]> browser = BrowserTest.browser();
        Assumptions.assumeTrue(browser.isPresent(), "no chromium");
        Path out = Path.of(System.getProperty("sozialmonitor.screenshots"));
        Files.createDirectories(out);
        String wsDir = System.getProperty("sozialmonitor.screenshots.workspace");
        Workspace ws;
        Database db;
        if (wsDir != null && !wsDir.isBlank()) {
            ws = Workspace.open(Path.of(wsDir));
            db = ws.openDatabase();
        } else {
            // the demo as `sozialmonitor demo` builds it: files imported, the method computed, releases published
            String keep = System.getProperty("sozialmonitor.showcase.dir");
            Path dir = keep != null ? Path.of(keep) : Files.createTempDirectory("sozialmonitor-screenshots").resolve("demo");
            ws = DemoBuild.run(dir, DemoWorkspace.DEFAULT_SEED, step -> { }).workspace();
            db = ws.openDatabase();
        }
        try (WebServer server = new WebServer(ws, db).start(0)) {
            Path profile = Files.createTempDirectory("sozialmonitor-chromium");
            WebDriver driver = BrowserTest.startBrowser(browser.get()[0], browser.get()[1], profile, profile);
            try {
                String base = "http://localhost:" + server.port();
                String finest = server.views().latestPublished().map(v -> v.levels().get(v.levels().size() - 1).name()).orElse("");
                String area = System.getProperty("sozialmonitor.screenshots.area", "03157006012");
                de.sozialmonitor.view.ResultView view = server.views().latestPublished().orElseThrow();
                shoot(driver, base + "/", 1440, 1250, out.resolve("overview.png"), true);
                assertShowsTheClasses(view, Choropleth.Mode.STATUS, out.resolve("overview.png"));

                shoot(driver, base + "/gebiet/" + area, 1440, 1500, out.resolve("area-profile.png"), false);
                // the profile names its area and shows its status class
                assertThat(driver.findElement(By.tagName("h1")).getText()).contains(view.area(area).orElseThrow().name());
                view.classes(area).filter(c -> c.statusClass() != null).ifPresent(c ->
                        assertThat(driver.getPageSource()).contains("badge status-" + c.statusClass().code()));

                shoot(driver, base + "/indikator/children_min_income?level=" + finest, 1440, 1500, out.resolve("indicator.png"), true);
                assertShowsTheClasses(view, new Choropleth.Mode(Choropleth.Kind.INDICATOR,
                        view.catalog().indicator("children_min_income").orElseThrow()), out.resolve("indicator.png"));
                shoot(driver, base + "/aufmerksamkeit", 1440, 1400, out.resolve("attention.png"), false);
                shoot(driver, base + "/daten", 1440, 1100, out.resolve("downloads.png"), false);
                // phone width (390 px, as an iPhone 12–15 shows pages): the same pages a councillor opens on the way
                phone(driver, base + "/", 1500, out.resolve("overview-phone.png"), true);
                phone(driver, base + "/aufmerksamkeit", 1700, out.resolve("attention-phone.png"), false);
                phone(driver, base + "/gebiet/" + area, 1700, out.resolve("area-profile-phone.png"), false);
                phone(driver, base + "/vergleich?areas=" + area, 1500, out.resolve("comparison-phone.png"), false);

                checkReport(driver, db, base, area, out.resolve("analyst-check-report.png"));
                // the check report names each problem of the delivery with its row and column ("<3" is a bound, no error)
                String report = driver.findElement(By.tagName("main")).getText();
                assertThat(report).contains("3 Fehler verhindern den Import")
                        .contains("ba-arbeitslose-2024.csv 3 value 1.2O4 weder eine Zahl")
                        .contains("ba-arbeitslose-2024.csv 4 area_code 03157999999 unbekannter Gebietsschlüssel")
                        .contains("ba-arbeitslose-2024.csv 6 value 17 doppelt");
            } finally {
                driver.quit();
                db.close();
            }
        }
    }

    /**
     * The picture shows the map's classes: every colour of the legend that has areas appears in it
     * (the legend swatches and the areas are drawn in exactly those colours).
     */
    private static void assertShowsTheClasses(de.sozialmonitor.view.ResultView view, Choropleth.Mode mode, Path png)
            throws java.io.IOException {
        String level = view.levels().get(view.levels().size() - 1).name();
        var shading = Choropleth.shade(view, view.areasOn(level).stream().map(a -> a.code()).toList(),
                view.year(), mode, java.util.Locale.GERMAN);
        assertThat(shading.legend()).anyMatch(e -> e.count() > 0 && !e.noValue());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        for (var entry : shading.legend()) {
            if (entry.count() > 0 && !entry.noValue()) {
                assertThat(colours).as("the colour of '%s' (%s) in %s", entry.label(), entry.colour(), png)
                        .contains(Integer.parseInt(entry.colour().substring(1), 16));
            }
        }
    }

    /**
     * The Berlin demo's screenshots (docs/img/berlin-*.png): map, a planning area's profile, the
     * attention list and the method page's comparison with the published classes. With
     * {@code -Dsozialmonitor.screenshots.berlin=DIR}, a workspace made by {@code demo berlin}.
     */
    @Test
    @EnabledIfSystemProperty(named = "sozialmonitor.screenshots.berlin", matches = ".+")
    void screenshotsOfTheBerlinDemo() throws Exception {
        Optional<Path[]> browser = BrowserTest.browser();
        Assumptions.assumeTrue(browser.isPresent(), "no chromium");
        Path out = Files.createDirectories(Path.of(System.getProperty("sozialmonitor.screenshots")));
        Workspace ws = Workspace.open(Path.of(System.getProperty("sozialmonitor.screenshots.berlin")));
        try (Database db = ws.openDatabase(); WebServer server = new WebServer(ws, db).start(0)) {
            Path profile = Files.createTempDirectory("sozialmonitor-chromium");
            WebDriver driver = BrowserTest.startBrowser(browser.get()[0], browser.get()[1], profile, profile);
            try {
                String base = "http://localhost:" + server.port();
                String area = System.getProperty("sozialmonitor.screenshots.area", "01033101");
                shoot(driver, base + "/", 1440, 1250, out.resolve("berlin-overview.png"), true);
                shoot(driver, base + "/gebiet/" + area, 1440, 1500, out.resolve("berlin-area-profile.png"), false);
                shoot(driver, base + "/aufmerksamkeit", 1440, 1300, out.resolve("berlin-attention.png"), false);
                shoot(driver, base + "/methode#reproduktion", 1440, 900, out.resolve("berlin-method-reproduction.png"), false);
            } finally {
                driver.quit();
            }
        }
        assertThat(out.resolve("berlin-overview.png")).exists();
    }

    /** The analyst's check report of a delivery with typical problems (logged in as a throw-away analyst). */
    private static void checkReport(WebDriver driver, Database db, String base, String area, Path file) throws Exception {
        String password = "screenshot " + java.util.UUID.randomUUID();
        de.sozialmonitor.store.UserRepository users = new de.sozialmonitor.store.UserRepository(db.jdbi());
        String user = users.find("s.meier").isEmpty() ? "s.meier" : "s.meier-" + Long.toHexString(System.nanoTime());
        users.add(user, "analyst", password, "screenshots");
        driver.manage().window().setSize(new Dimension(1440, 1100));
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/intern"));
        driver.get(base + "/intern/daten");
        Path csv = Files.createTempDirectory("sozialmonitor-screenshot").resolve("ba-arbeitslose-2024.csv");
        Files.writeString(csv, String.join("\n", "area_code;year;variable;value",
                area + ";2024;unemployed;41", area + ";2024;sgb2_u65;1.2O4", "03157999999;2024;unemployed;12",
                area + ";2024;children_u15_sgb2;.", area + ";2024;children_u15_sgb2;17", area + ";2024;pop_u15;<3", "Quelle: Statistik der BA") + "\n");
        driver.findElement(By.id("upload-file")).sendKeys(csv.toString());
        driver.findElement(By.xpath("//button[normalize-space()='Hochladen und prüfen']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Prüfbericht"));
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** A screenshot as a phone shows the page: 390 px wide (mobile emulation), {@code h} px of it from the top. */
    private static void phone(WebDriver driver, String url, int h, Path file, boolean map) throws Exception {
        org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", h, "deviceScaleFactor", 1, "mobile", true));
        try {
            shoot(driver, url, 390, h, file, map);
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static void shoot(WebDriver driver, String url, int w, int h, Path file, boolean map) throws Exception {
        driver.manage().window().setSize(new Dimension(w, h));
        driver.get(url);
        if (map) {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("map")).getAttribute("data-loaded") != null
                    && (d.findElement(By.id("map")).getAttribute("data-outline-src").isEmpty()
                    || d.findElement(By.id("map")).getAttribute("data-outlines") != null));
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("map")).getAttribute("data-labels") != null);
            Thread.sleep(500); // let Leaflet finish drawing
        }
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
