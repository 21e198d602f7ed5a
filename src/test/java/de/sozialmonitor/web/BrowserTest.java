package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End-to-end tests in Debian's headless Chromium, driven by Selenium through Debian's
 * chromedriver (never a downloaded browser or driver; Selenium Manager is not used because both
 * paths are given). One server and one browser for the whole class. Every page visited is checked
 * with axe-core (from the WebJar) and must have zero violations.
 */
class BrowserTest {
    static WebFixture fx;
    static WebDriver driver;
    static Path downloads;
    static Path profile;
    static String axeSource;
    static final ObjectMapper JSON = new ObjectMapper();

    /** The browser and driver to use: environment (set by ./test), else Debian's paths. */
    static Optional<Path[]> browser() {
        Path chromium = Path.of(Optional.ofNullable(System.getenv("SOZIALMONITOR_CHROMIUM")).filter(s -> !s.isBlank()).orElse("/usr/bin/chromium"));
        Path chromedriver = Path.of(Optional.ofNullable(System.getenv("SOZIALMONITOR_CHROMEDRIVER")).filter(s -> !s.isBlank()).orElse("/usr/bin/chromedriver"));
        return Files.isExecutable(chromium) && Files.isExecutable(chromedriver) ? Optional.of(new Path[] {chromium, chromedriver}) : Optional.empty();
    }

    static WebDriver startBrowser(Path chromium, Path chromedriver, Path profileDir, Path downloadDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profileDir, "--window-size=1366,1000", "--lang=de-DE");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloadDir.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "de-DE,de"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @BeforeAll
    static void start() throws IOException {
        Optional<Path[]> paths = browser();
        if (paths.isEmpty()) {
            if ("1".equals(System.getenv("SOZIALMONITOR_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("Chromium or chromedriver missing although SOZIALMONITOR_REQUIRE_BROWSER=1 "
                        + "(install the Debian packages chromium and chromium-driver)");
            }
            Assumptions.abort("browser tests skipped: no chromium/chromedriver (install Debian's chromium and chromium-driver, or run ./test)");
        }
        try (InputStream in = BrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        fx = WebFixture.start();
        downloads = Files.createTempDirectory("sozialmonitor-downloads");
        profile = Files.createTempDirectory("sozialmonitor-chromium");
        driver = startBrowser(paths.get()[0], paths.get()[1], profile, downloads);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (fx != null) {
            fx.close();
        }
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    static void open(String path) {
        driver.get(fx.base + path);
    }

    /**
     * Waits until the page (after a form was sent) has an h1 starting with {@code start}. While the
     * old page is replaced, Chromium may answer for an element of the old document ("stale", or
     * "node does not belong to the document"): that only means "not yet", so the wait goes on.
     */
    static void waitForHeading(String start) {
        waiting().ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElement(By.tagName("h1")).getText().startsWith(start));
    }

    static void waitForMap() {
        waiting().until(d -> d.findElement(By.id("map")).getAttribute("data-loaded") != null);
    }

    /** Runs axe-core on the current page: WCAG 2.0/2.1 A and AA rules and best practices. */
    static List<String> axeViolations() throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource);
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done('error: ' + e); });");
        String text = String.valueOf(result);
        if (text.startsWith("error:")) {
            return List.of(text);
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode v : JSON.readTree(text)) {
            List<String> targets = new ArrayList<>();
            v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
            problems.add(driver.getCurrentUrl() + " " + v.path("id").asText() + ": " + v.path("help").asText() + " " + targets);
        }
        return problems;
    }

    static void assertNoAlert() {
        try {
            driver.switchTo().alert();
            throw new AssertionError("a script from data ran: an alert is open");
        } catch (NoAlertPresentException expected) {
            // the injected script stayed text
        }
    }

    @Test
    void theOverviewShowsTheMapColouredByStatusAndTheTable() {
        open("/?year=2023");
        waitForMap();
        List<WebElement> shapes = driver.findElements(By.cssSelector("#map path.leaflet-interactive"));
        assertThat(shapes).hasSize(WebFixture.LOCALITIES.size());
        // every locality in the colour of its status class in the published release
        de.sozialmonitor.view.ResultView release = fx.published();
        for (String code : WebFixture.LOCALITIES) {
            de.sozialmonitor.model.StatusClass c = release.classes(code).orElseThrow().statusClass();
            if (c != null) {
                assertThat(driver.findElement(By.cssSelector("#map path[data-code='" + code + "']")).getAttribute("fill")).as(code)
                        .isEqualTo(de.sozialmonitor.view.Choropleth.STATUS_COLOURS.get(c));
            }
        }
        assertThat(driver.findElements(By.cssSelector("#area-table tbody tr"))).hasSize(WebFixture.LOCALITIES.size());
        assertThat(driver.findElement(By.cssSelector(".demo-banner")).getText()).contains("Demo – synthetische Daten");
        assertNoAlert();
    }

    @Test
    void changingIndicatorAndYearRedrawsMapAndTable() {
        open("/?year=2023");
        waitForMap();
        // the classes of a release are for its own year: the year is stated, not offered
        assertThat(driver.findElements(By.id("year"))).isEmpty();
        assertThat(driver.findElement(By.id("year-fixed")).getText()).isEqualTo("2023");
        new Select(driver.findElement(By.id("show"))).selectByValue("ind:sgb2");
        waiting().until(d -> d.getCurrentUrl().contains("show=ind%3Asgb2"));
        waitForMap();
        assertThat(driver.findElement(By.cssSelector(".legend-mode")).getText()).contains("SGB-II");
        // an indicator has values for every year of the release: exactly those are offered
        Select year = new Select(driver.findElement(By.id("year")));
        assertThat(year.getOptions()).extracting(WebElement::getText).containsExactly("2021", "2022", "2023");
        year.selectByValue("2022");
        waiting().until(d -> d.getCurrentUrl().contains("year=2022"));
        waitForMap();
        assertThat(new Select(driver.findElement(By.id("year"))).getFirstSelectedOption().getText()).isEqualTo("2022");
        assertThat(new Select(driver.findElement(By.id("show"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("ind:sgb2");
        assertThat(driver.findElement(By.cssSelector("#area-table caption")).getText()).contains("2022");
    }

    @Test
    void clickingAnAreaOnTheMapOpensItsProfile() {
        open("/?year=2023");
        waitForMap();
        driver.findElement(By.cssSelector("#map path[data-code='L1']")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/gebiet/L1"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Gebietssteckbrief Ortsteil A");
        assertThat(driver.findElements(By.cssSelector("svg.sparkline"))).isNotEmpty();
    }

    @Test
    void theMapWorksWithTheKeyboardAlone() {
        open("/?year=2023");
        waitForMap();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // start at the skip link before the map and tab on, as a keyboard user would
        js.executeScript("document.querySelector('.map-section .skip-link').focus();");
        String code = null;
        for (int i = 0; i < 20 && !"L2".equals(code); i++) {
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.TAB).perform();
            code = (String) js.executeScript("return document.activeElement.getAttribute('data-code');");
        }
        assertThat(code).as("an area of the map is reachable with Tab").isEqualTo("L2");
        // focus shows the area's values
        // tooltips of areas left behind fade out and leave the document: a stale one means "look again"
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".leaflet-tooltip")).stream().anyMatch(e -> e.getText().contains("Ortsteil B")));
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.ENTER).perform();
        waiting().until(d -> d.getCurrentUrl().contains("/gebiet/L2"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Gebietssteckbrief Ortsteil B");
    }

    @Test
    void theGermanCsvDownloadHoldsTheTable() throws IOException {
        open("/?year=2023");
        driver.findElement(By.partialLinkText("CSV für Excel")).click();
        waiting().until(d -> csvFiles().findAny().isPresent());
        Path file = csvFiles().findFirst().orElseThrow();
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF# Demo – synthetische Daten");
        List<String> lines = csv.substring(1).lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(lines.get(0)).startsWith("Gebietsschlüssel;Gebiet;Jahr;Statusindex;Statusklasse;Dynamikindex;Dynamikklasse;Aufmerksamkeitsbedarf;");
        assertThat(lines).hasSize(WebFixture.LOCALITIES.size() + 1);
        de.sozialmonitor.view.ResultView release = fx.published();
        String lowest = WebFixture.LOCALITIES.stream().filter(c -> release.classes(c).orElseThrow().statusClass()
                == de.sozialmonitor.model.StatusClass.SEHR_NIEDRIG).findFirst().orElseThrow();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(lowest + ";" + WebFixture.nameOf(lowest) + ";2023;")
                .contains(";sehr niedrig;").contains(";ja;"));
    }

    static Stream<Path> csvFiles() {
        try {
            return Files.list(downloads).filter(p -> p.toString().endsWith(".csv"));
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    @Test
    void anAnalystLogsInAndPublishesARelease() {
        open("/?year=2023");
        assertThat(driver.findElement(By.cssSelector(".scope")).getText()).contains("Berichtsstand 1");
        open("/login");
        driver.findElement(By.id("username")).sendKeys("analyst1");
        driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        driver.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/intern"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Interner Bereich");
        driver.findElement(By.xpath("//button[contains(., 'Berichtsstand 2 prüfen und veröffentlichen')]")).click();
        waiting().until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("Berichtsstand 2 ist veröffentlicht");
        open("/?year=2023");
        assertThat(driver.findElement(By.cssSelector(".scope")).getText()).contains("Interne Ergebnisse");
        driver.findElement(By.cssSelector(".logout button")).click();
        waiting().until(d -> d.findElements(By.cssSelector(".logout")).isEmpty());
        open("/?year=2023");
        assertThat(driver.findElement(By.cssSelector(".scope")).getText()).contains("Veröffentlichter Berichtsstand 2");
    }

    /**
     * The analyst's whole way in the browser, on a server of its own (so that the release numbers
     * of the other tests stay as they are): log in → upload a canonical CSV → check report →
     * import → compute → create a release → publish → the public sees it. axe-core on every page
     * of the way.
     */
    @Test
    void anAnalystUploadsChecksImportsComputesAndPublishesFromTheBrowser() throws IOException {
        List<String> problems = new ArrayList<>();
        try (WebFixture own = WebFixture.start()) {
            String base = own.base;
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys("analyst1");
            driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
            driver.findElement(By.cssSelector(".login-form button[type=submit]")).click();
            waiting().until(d -> d.getCurrentUrl().endsWith("/intern"));
            driver.findElement(By.linkText("Daten hochladen, prüfen und einspielen; Berechnung")).click();
            waiting().until(d -> d.getCurrentUrl().endsWith("/intern/daten"));
            problems.addAll(axeViolations());

            Path csv = Files.createTempDirectory("sozialmonitor-upload").resolve("zaehlung-2024.csv");
            Files.writeString(csv, AnalystAreaTest.canonicalCsv(2024, 7));
            driver.findElement(By.id("upload-file")).sendKeys(csv.toString());
            driver.findElement(By.xpath("//button[normalize-space()='Hochladen und prüfen']")).click();
            waitForHeading("Prüfbericht");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Prüfbericht: zaehlung-2024.csv");
            assertThat(driver.findElement(By.cssSelector(".notice")).getText()).startsWith("Keine Fehler");
            problems.addAll(axeViolations());

            driver.findElement(By.xpath("//button[normalize-space()='Importieren']")).click();
            waitForHeading("Import Nr.");
            assertThat(driver.findElement(By.tagName("h1")).getText()).endsWith("eingespielt");
            problems.addAll(axeViolations());

            driver.findElement(By.linkText("Weiter: Berechnung")).click();
            waiting().until(d -> d.getCurrentUrl().contains("/intern/daten"));
            assertThat(driver.findElement(By.cssSelector("#einspielungen + div")).getText()).contains("zaehlung-2024.csv").contains("analyst1");
            new Select(driver.findElement(By.id("compute-year"))).selectByValue("2024");
            driver.findElement(By.xpath("//button[normalize-space()='Berechnen']")).click();
            waitForHeading("Berechnung");
            assertThat(driver.findElement(By.tagName("h1")).getText()).endsWith("für 2024");
            problems.addAll(axeViolations());

            assertThat(driver.findElement(By.id("release-title")).getAttribute("value")).isEqualTo("Berichtsstand 2024");
            driver.findElement(By.xpath("//button[starts-with(normalize-space(), 'Anlegen')]")).click();
            waitForHeading("Interner Bereich");
            assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("Berichtsstand 3 angelegt");
            driver.findElement(By.xpath("//button[contains(., 'Berichtsstand 3 prüfen und veröffentlichen')]")).click();
            waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector(".notice")).getText().contains("veröffentlicht"));
            assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("Berichtsstand 3 ist veröffentlicht");

            driver.findElement(By.cssSelector(".logout button")).click();
            waiting().until(d -> d.findElements(By.cssSelector(".logout")).isEmpty());
            driver.get(base + "/?year=2024");
            assertThat(driver.findElement(By.cssSelector(".scope")).getText()).contains("Veröffentlichter Berichtsstand 3");
            assertThat(driver.findElements(By.cssSelector("#area-table tbody tr"))).hasSize(WebFixture.LOCALITIES.size());
            assertNoAlert();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPageHasNoAccessibilityViolations() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String path : List.of("/?year=2023", "/?year=2023&show=ind:sgb2", "/?level=Gemeinde&show=dynamics", "/gebiet/L2?year=2023",
                "/gebiet/L3?year=2023", "/indikatoren", "/indikator/sgb2?year=2023", "/aufmerksamkeit?year=2023", "/methode", "/daten", "/vergleich?areas=L1&areas=L4&indicator=sgb2",
                "/vergleich", "/?year=2022&show=status", "/login", "/nirgends", "/?lang=en")) {
            open(path);
            if (!driver.findElements(By.id("map")).isEmpty()) {
                waitForMap();
            }
            problems.addAll(axeViolations());
            assertNoAlert();
        }
        open("/?lang=de");
        open("/login");
        driver.findElement(By.id("username")).sendKeys("admin1");
        driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        driver.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/intern"));
        for (String path : List.of("/intern", "/intern/daten", "/intern/benutzer", "/intern/protokoll", "/?year=2023")) {
            open(path);
            if (!driver.findElements(By.id("map")).isEmpty()) {
                waitForMap();
            }
            problems.addAll(axeViolations());
        }
        driver.findElement(By.cssSelector(".logout button")).click();
        assertThat(problems).isEmpty();
    }

    /** Every public page, as a councillor opens it on a phone, a tablet and a desktop. */
    static final List<String> PUBLIC_PAGES = List.of("/", "/?show=ind:sgb2", "/?year=2022&show=status", "/?level=Gemeinde",
            "/gebiet/L2", "/gebiet/G1", "/indikatoren", "/indikator/sgb2", "/aufmerksamkeit", "/vergleich", "/methode", "/daten",
            "/login", "/nirgends", "/?lang=en", "/aufmerksamkeit?lang=en", "/gebiet/L5?lang=en");

    /** Screen sizes: a small phone (360 × 740), a larger phone (390 × 844), a tablet (768 × 1024) and a desktop. */
    static final List<int[]> SCREENS = List.of(new int[] {360, 740}, new int[] {390, 844}, new int[] {768, 1024},
            new int[] {1366, 1000});

    /**
     * Nothing wider than the screen and no text over other text or a chart, on every public page at
     * phone, tablet and desktop width (document width and the boxes of every visible text line,
     * measured in Chromium by {@code layout-check.js}; names on the map included), and axe-core
     * clean at the smallest phone width too.
     */
    @Test
    void everyPublicPageFitsPhoneTabletAndDesktopWithoutOverflowOrOverlappingText() throws IOException {
        String check;
        try (InputStream in = BrowserTest.class.getResourceAsStream("/web/layout-check.js")) {
            check = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> problems = new ArrayList<>();
        org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) driver;
        try {
            for (int[] screen : SCREENS) {
                chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen[0], "height", screen[1],
                        "deviceScaleFactor", 1, "mobile", screen[0] < 800));
                for (String path : PUBLIC_PAGES) {
                    open(path);
                    if (!driver.findElements(By.id("map")).isEmpty()) {
                        waitForMap();
                        waiting().until(d -> d.findElement(By.id("map")).getAttribute("data-labels") != null);
                    }
                    JsonNode r = JSON.readTree((String) ((JavascriptExecutor) driver).executeScript(check));
                    String where = screen[0] + "×" + screen[1] + " " + path + ": ";
                    if (r.path("width").asInt() > r.path("viewport").asInt()) {
                        problems.add(where + "document " + r.path("width").asInt() + " px wide, screen " + r.path("viewport").asInt()
                                + " px " + r.path("overflowing"));
                    }
                    r.path("overlaps").forEach(o -> problems.add(where + "overlap " + o.asText()));
                    if (screen[0] == 360) {
                        problems.addAll(axeViolations().stream().map(v -> where + v).toList());
                    }
                }
            }
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            open("/?lang=de"); // the language is a cookie: leave German for the other tests
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theMapNamesItsAreasWithoutOverlapAndTheMunicipalitiesAboveThem() {
        open("/?year=2023");
        waitForMap();
        waiting().until(d -> d.findElement(By.id("map")).getAttribute("data-labels") != null
                && d.findElements(By.cssSelector(".map-label-outline")).size() == 2);
        List<String> shown = driver.findElements(By.cssSelector(".map-label span")).stream()
                .filter(e -> "visible".equals(e.getCssValue("visibility"))).map(WebElement::getText).toList();
        // municipalities are set in capitals (CSS), localities as written; a name from the data stays text
        assertThat(shown).hasSizeGreaterThanOrEqualTo(3).anySatisfy(n -> assertThat(n).isEqualTo("GEMEINDE NORD"))
                .anySatisfy(n -> assertThat(n).startsWith("Ortsteil")).contains(WebFixture.XSS_NAME);
        assertNoAlert();
        // the names are for the eye: screen readers get each area's name from the area itself
        assertThat(driver.findElements(By.cssSelector(".map-label")))
                .allSatisfy(e -> assertThat(e.getAttribute("aria-hidden")).isEqualTo("true"));
    }
}
