package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * GraphiQL in a real headless Chromium against a service that needs tokens: the page asks for one when the schema's
 * introspection is refused, keeps it in the tab's sessionStorage only, sends it with introspection and queries, asks
 * again when it is refused, and forgets it on request. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraphiqlTokenBrowserTest {

    private static final TestTokens TOKENS = TestTokens.mint();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final HeadlessChromium CHROMIUM = new HeadlessChromium();

    @RegisterExtension
    final NoSecretInTheLogs logs = TOKENS.watchedBy(new NoSecretInTheLogs());

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    @LocalServerPort
    int port;

    private ChromeDriver open() {
        ChromeDriver browser = CHROMIUM.driver();
        browser.get("http://127.0.0.1:" + port + "/graphiql");
        return browser;
    }

    private static WebElement dialog(ChromeDriver browser) {
        return new WebDriverWait(browser, PATIENCE).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#token-dialog[open]")));
    }

    private static Object session(ChromeDriver browser, String storage) {
        return browser.executeScript("return " + storage + ".getItem('trafficlens.token')");
    }

    /** Runs the page's example query (five sources, 30 days) and waits for its answer in the result pane. */
    private static String execute(ChromeDriver browser) {
        new WebDriverWait(browser, PATIENCE).until(
                ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button"))).click();
        new WebDriverWait(browser, PATIENCE).until(driver ->
                HeadlessChromium.graphiqlResponse(browser).contains("billing95"));
        return HeadlessChromium.graphiqlResponse(browser);
    }

    @Test
    @Order(1)
    void asks_for_a_token_keeps_it_in_the_tab_and_sends_it_with_introspection_and_queries() {
        ChromeDriver browser = open();
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();

        WebElement asked = dialog(browser);
        assertThat(asked.findElement(By.id("token-reason")).getText()).contains("needs an API token");
        CHROMIUM.screenshot("graphiql-token-prompt");
        asked.findElement(By.id("token-input")).sendKeys(TOKENS.viewer);
        asked.findElement(By.id("token-use")).click();

        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#token-dialog[open]")));
        assertThat(session(browser, "sessionStorage")).isEqualTo(TOKENS.viewer);
        assertThat(session(browser, "localStorage")).as("never kept beyond the tab").isNull();
        assertThat(browser.findElement(By.id("token-state")).getText()).contains("set for this tab");
        String answer = execute(browser);
        assertThat(answer).contains("\"source\": \"zenlayer.private-connect\"").doesNotContain("unauthorized");
        CHROMIUM.screenshot("graphiql-with-token");

        // A reload in the same tab keeps the token: no question, and introspection and queries are answered.
        browser.navigate().refresh();
        assertThat(execute(browser)).contains("billing95");
        assertThat(browser.findElements(By.cssSelector("#token-dialog[open]"))).isEmpty();
    }

    @Test
    @Order(2)
    void asks_again_when_the_token_is_refused_and_forgets_it_on_request() {
        ChromeDriver browser = open();
        browser.executeScript("sessionStorage.setItem('trafficlens.token', 'tl_not-a-token-of-this-service')");
        browser.navigate().refresh();

        WebElement asked = dialog(browser);
        assertThat(asked.findElement(By.id("token-reason")).getText()).contains("refused");
        assertThat(session(browser, "sessionStorage")).as("the refused token is dropped").isNull();
        asked.findElement(By.id("token-input")).sendKeys(TOKENS.editor);
        asked.findElement(By.id("token-use")).click();
        assertThat(execute(browser)).contains("billing95");

        browser.findElement(By.id("token-forget")).click();
        assertThat(session(browser, "sessionStorage")).isNull();
        assertThat(browser.findElement(By.id("token-state")).getText()).contains("none");
    }

    @Test
    @Order(3)
    void a_cancelled_prompt_shows_the_services_answer_saying_how_to_authenticate() {
        ChromeDriver browser = open();
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();

        dialog(browser).findElement(By.id("token-cancel")).click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#token-dialog[open]")));
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".graphiql-execute-button"))).click();

        // Declined once, it does not ask again on its own: the answer says how to authenticate.
        new WebDriverWait(browser, PATIENCE).until(driver ->
                HeadlessChromium.graphiqlResponse(browser).contains("Bearer"));
        assertThat(browser.findElements(By.cssSelector("#token-dialog[open]"))).isEmpty();
        assertThat(HeadlessChromium.graphiqlResponse(browser)).contains("unauthorized");
        CHROMIUM.screenshot("graphiql-token-cancelled");
    }
}
