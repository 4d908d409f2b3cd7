package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GraphiQL in a real headless Chromium on the sandbox, which needs no token: the page loads from the jar alone, runs
 * its example query without asking for a token, and logs no error in the console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphiqlBrowserTest {

    @RegisterExtension
    static final HeadlessChromium CHROMIUM = new HeadlessChromium();

    @LocalServerPort
    int port;

    @Test
    void runs_the_example_query_without_a_token_and_without_console_errors() {
        ChromeDriver browser = CHROMIUM.driver();
        browser.get("http://127.0.0.1:" + port + "/graphiql");

        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button"))).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver ->
                HeadlessChromium.graphiqlResponse(browser).contains("billing95"));
        CHROMIUM.screenshot("graphiql-sandbox");

        String answer = HeadlessChromium.graphiqlResponse(browser);
        assertThat(answer).contains("\"key\": \"tunnel\"", "\"key\": \"cr\"").doesNotContain("\"errors\"");
        assertThat(browser.findElements(By.cssSelector("#token-dialog[open]"))).isEmpty();
        assertThat(browser.findElement(By.id("token-state")).getText()).contains("none");
        assertThat(CHROMIUM.consoleErrors()).isEmpty();
    }
}
