package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Measures and reference regions in Debian's headless Chromium (see {@link BrowserTest}): an
 * analyst records a measure through the form, the public sees it on the profile with its
 * comparison, and the reference regions beside the county; axe-core finds no violation on any of
 * these pages.
 */
class SteeringBrowserTest {
    static WebFixture fx;

    @BeforeAll
    static void start() throws IOException {
        Optional<Path[]> paths = BrowserTest.browser();
        if (paths.isEmpty()) {
            if ("1".equals(System.getenv("SOZIALMONITOR_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("Chromium or chromedriver missing although SOZIALMONITOR_REQUIRE_BROWSER=1");
            }
            Assumptions.abort("browser tests skipped: no chromium/chromedriver (run ./test)");
        }
        try (InputStream in = BrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            BrowserTest.axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        fx = WebFixture.start();
        Path file = Files.createTempDirectory("sozialmonitor-ref").resolve("vergleich.csv");
        Files.writeString(file, """
                region_code;region_name;year;variable;value
                03999;Landkreis Musterstadt;2023;sgb2;12,3
                03;Niedersachsen;2023;sgb2;8,2
                DG;Deutschland;2023;sgb2;9,5
                """);
        assertThat(Importer.importFile(fx.workspace, fx.db, file, "analyst1").status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        BrowserTest.driver = BrowserTest.startBrowser(paths.get()[0], paths.get()[1], Files.createTempDirectory("sozialmonitor-chromium"),
                Files.createTempDirectory("sozialmonitor-downloads"));
    }

    @AfterAll
    static void stop() {
        if (BrowserTest.driver != null) {
            BrowserTest.driver.quit();
            BrowserTest.driver = null;
        }
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void anAnalystRecordsAMeasureInTheBrowserAndThePublicSeesItBesideTheReferenceRegions() throws IOException {
        var driver = BrowserTest.driver;
        List<String> problems = new ArrayList<>();
        driver.get(fx.base + "/login");
        driver.findElement(By.id("username")).sendKeys("analyst1");
        driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        driver.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        BrowserTest.waiting().until(d -> d.getCurrentUrl().endsWith("/intern"));
        driver.findElement(By.linkText("Maßnahmen erfassen")).click();
        BrowserTest.waitForHeading("Maßnahmen erfassen");
        problems.addAll(BrowserTest.axeViolations());

        driver.findElement(By.linkText("Neue Maßnahme")).click();
        BrowserTest.waitForHeading("Neue Maßnahme");
        problems.addAll(BrowserTest.axeViolations());
        driver.findElement(By.id("m-key")).sendKeys("M-7");
        driver.findElement(By.id("m-title")).sendKeys("Familienzentrum Süd");
        driver.findElement(By.id("m-field_of_action")).sendKeys("Familie");
        driver.findElement(By.id("m-office")).sendKeys("FD Jugend");
        // a date input takes the date as the browser's locale types it; set it as the form would send it
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('m-start').value = '2023-01-01';");
        driver.findElement(By.id("m-budget")).sendKeys("45.000");
        Select areas = new Select(driver.findElement(By.id("m-areas")));
        areas.selectByValue("L4");
        areas.selectByValue("L5");
        driver.findElement(By.id("m-ind-sgb2")).click();
        driver.findElement(By.xpath("//button[normalize-space()='Speichern']")).click();
        BrowserTest.waiting().ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElement(By.cssSelector(".notice")).getText().contains("gespeichert"));
        assertThat(driver.findElement(By.cssSelector("table")).getText()).contains("M-7", "Familienzentrum Süd", "Familie");
        driver.findElement(By.cssSelector(".logout button")).click();
        BrowserTest.waiting().until(d -> d.findElements(By.cssSelector(".logout")).isEmpty());

        driver.get(fx.base + "/gebiet/L4?year=2023");
        String measures = driver.findElement(By.id("massnahmen")).findElement(By.xpath("..")).getText();
        assertThat(measures).contains("Familienzentrum Süd", "45.000 €", "seit 01.01.2023", "kein Wirkungsnachweis");
        String references = driver.findElement(By.cssSelector(".references")).getText();
        assertThat(references).contains("Landkreis Musterstadt (amtlich)", "Niedersachsen", "Deutschland", "12,3", "8,2", "9,5");
        problems.addAll(BrowserTest.axeViolations());
        driver.get(fx.base + "/massnahmen?year=2023");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Familienzentrum Süd");
        problems.addAll(BrowserTest.axeViolations());
        driver.get(fx.base + "/indikator/sgb2?year=2023");
        driver.findElement(By.cssSelector(".references details summary")).click();
        assertThat(driver.findElement(By.cssSelector(".references table")).getText()).contains("Niedersachsen", "03", "Land");
        problems.addAll(BrowserTest.axeViolations());
        assertThat(problems).isEmpty();
    }

    private static int marked() {
        return BrowserTest.driver.findElements(By.cssSelector("path[data-measure-area]")).size();
    }

    /**
     * Issue 17 item 1: the map marks the areas with measures (hatched, with a legend entry), and a
     * switch hides and shows them — at phone width, where the legend sits below the map. The public
     * sees the areas of public measures only; staff also those of internal ones.
     */
    @Test
    void theMeasureLayerMarksAreasAndTogglesAtPhoneWidth() throws IOException {
        Path file = Files.createTempDirectory("sozialmonitor-massnahmen").resolve("massnahmen.csv");
        Files.writeString(file, """
                Nr.;Maßnahme;Handlungsfeld;Beginn;Gebiete;Öffentlich
                K-1;Stadtteilbüro Karte;Quartier;2022;L2;ja
                K-2;Geplante Beratung Karte;Beratung;2025;L1;nein
                """);
        assertThat(Importer.importFile(fx.workspace, fx.db, file, "analyst1").status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        var driver = BrowserTest.driver;
        org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) driver;
        String check;
        try (InputStream in = BrowserTest.class.getResourceAsStream("/web/layout-check.js")) {
            check = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> problems = new ArrayList<>();
        try {
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 390, "height", 844,
                    "deviceScaleFactor", 1, "mobile", true));
            driver.get(fx.base + "/?year=2023");
            BrowserTest.waitForMap();
            BrowserTest.waiting().until(d -> d.findElement(By.id("map")).getAttribute("data-measures") != null);
            assertThat(driver.findElements(By.cssSelector("path[data-measure-area='L2']"))).hasSize(1);
            assertThat(driver.findElements(By.cssSelector("path[data-measure-area='L1']"))).as("an internal measure, not public").isEmpty();
            int shown = marked(); // L2, and the areas of a public measure another test of this class may have recorded
            assertThat(driver.findElement(By.id("map")).getAttribute("data-measures")).isEqualTo(String.valueOf(shown));
            // hatched by the page's pattern, and the legend says what the hatching means
            assertThat(driver.findElement(By.cssSelector("path[data-measure-area='L2']")).getAttribute("fill")).isEqualTo("url(#measure-hatch)");
            assertThat(driver.findElement(By.cssSelector(".legend-measures")).getText()).contains("Gebiet mit Maßnahmen (schraffiert)");
            // the map's tooltip text (also read to screen readers) names the measure count
            assertThat(driver.findElement(By.cssSelector("path[data-code='L2']")).getAttribute("aria-label")).contains("1 Maßnahme");
            problems.addAll(BrowserTest.axeViolations());
            com.fasterxml.jackson.databind.JsonNode layout = de.sozialmonitor.json.Json.MAPPER.readTree(
                    (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(check));
            assertThat(layout.path("width").asInt()).as("no horizontal overflow at 390 px").isLessThanOrEqualTo(layout.path("viewport").asInt());
            assertThat(layout.path("overlaps")).as("no overlapping text").isEmpty();

            org.openqa.selenium.WebElement box = driver.findElement(By.id("measure-layer"));
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
            box.click();
            BrowserTest.waiting().until(d -> "0".equals(d.findElement(By.id("map")).getAttribute("data-measures")));
            assertThat(marked()).isZero();
            box.click();
            BrowserTest.waiting().until(d -> marked() == shown);
            assertThat(driver.findElement(By.id("map")).getAttribute("data-measures")).isEqualTo(String.valueOf(shown));
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }

        // staff see the areas of internal measures too
        driver.get(fx.base + "/login");
        driver.findElement(By.id("username")).sendKeys("analyst1");
        driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        driver.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        BrowserTest.waiting().until(d -> d.getCurrentUrl().endsWith("/intern"));
        driver.get(fx.base + "/?year=2023");
        BrowserTest.waitForMap();
        BrowserTest.waiting().until(d -> d.findElement(By.id("map")).getAttribute("data-measures") != null);
        assertThat(driver.findElements(By.cssSelector("path[data-measure-area='L1']"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("path[data-measure-area='L2']"))).hasSize(1);
        driver.findElement(By.cssSelector(".logout button")).click();
        BrowserTest.waiting().until(d -> d.findElements(By.cssSelector(".logout")).isEmpty());
        assertThat(problems).isEmpty();
    }
}
