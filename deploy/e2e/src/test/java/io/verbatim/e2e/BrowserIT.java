package io.verbatim.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reading interface in a real browser (Debian's chromium, headless): an article posted through ingest shows
 * up with its quotes highlighted and attributed, and a script inside an article never runs; every link of the
 * navigation leads to a page; the live page counts what it shows. The article page is saved as
 * target/ui/article.png for review. Skipped, with the reason, where chromium or chromedriver is missing.
 */
class BrowserIT {

    private static Pipeline pipeline;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        // Checked before the services start: without a browser the tests are skipped, saying why, not failed.
        Path chromium = Path.of(System.getProperty("verbatim.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("verbatim.chromedriver", "/usr/bin/chromedriver"));
        for (Path tool : List.of(chromium, chromedriver)) {
            assumeTrue(Files.isExecutable(tool), tool + " is missing: install Debian's chromium and chromium-driver"
                    + " (apt-get install chromium chromium-driver, as deploy/local/test.sh does as root), or set"
                    + " -Dverbatim.chromium and -Dverbatim.chromedriver");
        }
        pipeline = new Pipeline().start();
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.toString())
                .addArguments("--headless", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400",
                        "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void postedArticleShowsItsQuotesHighlightedWithTheirSpeakers() throws Exception {
        ObjectNode sample = (ObjectNode) Pipeline.JSON.readTree(
                Path.of(System.getProperty("verbatim.repo", "../..")).resolve("deploy/local/sample-article.json").toFile());
        sample.put("url", "https://example.org/browser/" + UUID.randomUUID());
        String id = postAndAwait(sample);

        browser.get(pipeline.query.url("/#/article/" + id));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement quote = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".article-body .quote")));
        assertTrue(quote.getText().startsWith("Cette ligne change la vie"), quote.getText());
        // The speaker badge follows the quote; its tooltip gives the descriptor and the cue verb.
        WebElement badge = quote.findElement(By.xpath("following-sibling::*[contains(@class,'badge')][1]"));
        assertTrue(badge.getText().startsWith("Hélène Carrère"), badge.getText());
        String details = badge.findElement(By.className("tip")).getAttribute("textContent");
        assertTrue(details.contains("déclarer"), details);
        assertTrue(browser.findElements(By.cssSelector(".article-body .ent-LOC")).stream()
                .anyMatch(e -> e.getText().equals("Montpellier")), "Montpellier is not highlighted as a place");
        assertFalse(browser.findElements(By.cssSelector("a.statement-link")).isEmpty(), "quotes link to their statements");

        Path screenshots = Files.createDirectories(Path.of("target", "ui"));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                screenshots.resolve("article.png"), StandardCopyOption.REPLACE_EXISTING);

        // Keyboard: the badge is a link to the speaker's page, which lists the quote.
        badge.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Hélène Carrère"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Cette ligne change la vie"));
        assertTrue(browser.findElements(By.cssSelector("svg.chart rect.bar")).size() >= 1, "no quotes-per-day chart");

        // Each statement once, with how far it spread; it leads to every article that reported it, this one too.
        WebElement statement = browser.findElement(By.xpath(
                "//ul[contains(@class,'statements')]/li[contains(., 'Cette ligne change la vie')]"));
        assertTrue(statement.getText().contains("rapportée par "), statement.getText());
        assertTrue(statement.getText().contains(", d'abord par "), statement.getText());
        statement.findElement(By.linkText("voir les reprises")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Déclaration de Hélène Carrère"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#main ol a[href='#/article/" + id + "']")));
    }

    @Test
    void searchFindsTheArticleAndScriptsInArticlesNeverRun() throws Exception {
        String word = "zorglub" + UUID.randomUUID().toString().substring(0, 6);
        ObjectNode article = Pipeline.JSON.createObjectNode()
                .put("title", "<img src=x onerror=\"window.__xss='title'\"> Le " + word)
                .put("body", "Le maire de Lille, Paul Durand, a présenté le projet " + word + ".\n\n"
                        + "« <script>window.__xss='body'</script> Nous y arriverons », a assuré Paul Durand."
                        + " <img src=x onerror=\"window.__xss='img'\">")
                .put("source", "Test navigateur").put("language", "fr")
                .put("url", "javascript:window.__xss='url'");
        HttpResponse<String> refused = pipeline.post("/api/v1/articles", "application/json", article.toString());
        article.put("url", "https://example.org/browser/" + UUID.randomUUID());
        if (refused.statusCode() != 400) {
            throw new AssertionError("a javascript: URL should be refused at ingest, got " + refused.statusCode());
        }
        String id = postAndAwait(article);

        browser.get(pipeline.query.url("/#/search?q=" + word));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.results li h3 a")));
        assertTrue(result.getText().contains("<img src=x"), "the title is shown as text: " + result.getText());
        WebElement results = browser.findElement(By.cssSelector("section[aria-label='Résultats']"));
        assertEquals("", ((JavascriptExecutor) browser).executeScript("return [...arguments[0].childNodes]"
                + ".filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('')", results),
                "stray text under the results (a single page has no 'more' button, and nothing in its place)");
        result.click();
        WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".article-body")));
        assertTrue(body.getText().contains("<script>window.__xss='body'</script>"), body.getText());
        assertEquals(id, browser.getCurrentUrl().replaceAll(".*#/article/", ""));
        assertNull(((JavascriptExecutor) browser).executeScript("return window.__xss;"), "a script in an article ran");
        List<WebElement> scripts = browser.findElements(By.cssSelector("#main script, #main img"));
        assertTrue(scripts.isEmpty(), "article markup became elements");
    }

    @Test
    void everyLinkOfTheNavigationLeadsToAPage() {
        browser.get(pipeline.query.url("/"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        List<String> links = browser.findElements(By.cssSelector("nav a")).stream().map(a -> a.getAttribute("href")).toList();
        assertTrue(links.size() >= 3, "navigation links: " + links);
        for (String link : links) {
            browser.get(link);
            WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#main h1")));
            assertTrue(browser.findElements(By.cssSelector("#main .error")).isEmpty(),
                    link + " shows an error: " + browser.findElement(By.id("main")).getText());
            assertFalse(heading.getText().isBlank(), link + " has no heading");
        }
    }

    @Test
    void theLivePageCountsTheArticlesItShowsAndTheirEntities() throws Exception {
        browser.get(pipeline.query.url("/#/live"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("live-status"), "en attente"));
        String title = "En direct " + UUID.randomUUID();
        HttpResponse<String> accepted = pipeline.post("/api/v1/articles", "application/json",
                Pipeline.JSON.createObjectNode().put("title", title).put("language", "fr")
                        .put("body", "« Nous y arriverons », a assuré Paul Durand, maire de Lille.").toString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ol[contains(@class,'results')]/li[.//a[text()='" + title + "']]")));
        // An article of an earlier test may still have been on its way when the page opened.
        int shown = browser.findElements(By.cssSelector("ol.results > li")).size();
        assertEquals("Connecté : " + shown + (shown == 1 ? " article reçu" : " articles reçus")
                + " depuis l'ouverture de la page.", browser.findElement(By.className("live-status")).getText());
        // French plurals: "1 entité", "2 entités" (less than two is singular).
        Matcher entities = Pattern.compile("(\\d+) (entités?)").matcher(item.findElement(By.className("meta")).getText());
        assertTrue(entities.find(), item.getText());
        assertEquals(Integer.parseInt(entities.group(1)) < 2 ? "entité" : "entités", entities.group(2), item.getText());
    }

    /** Posts through ingest and waits until query-service serves the analysed article. */
    private static String postAndAwait(JsonNode article) throws Exception {
        HttpResponse<String> accepted = pipeline.post("/api/v1/articles", "application/json", article.toString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = Pipeline.JSON.readTree(accepted.body()).get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (pipeline.get(pipeline.query.url("/api/v1/articles/" + id)).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("article " + id + " was not analysed within 60 s");
            }
            Thread.sleep(200);
        }
        return id;
    }
}
