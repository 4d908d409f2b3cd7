package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.trafficlens.adapters.support.SettableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * More than 20 failed authentications from one address within a minute: the 21st and every request after it from that
 * address, a valid token's included, get HTTP 429 with Retry-After until the minute since the first failure has
 * passed. The service's clock stands still, and the test moves it on instead of waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailedAttemptsTest {

    private static final TestTokens TOKENS = TestTokens.mint();
    private static final String SOURCES = "{ sources { id } }";

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    @TestConfiguration
    static class StandingTime {

        @Bean
        @Primary
        SettableClock movableClock() {
            return new SettableClock(Instant.now());
        }
    }

    @RegisterExtension
    final NoSecretInTheLogs logs = TOKENS.watchedBy(new NoSecretInTheLogs());

    @Autowired
    SettableClock clock;

    private final ServiceClient probe;
    private final ServiceClient guesser;
    private final ServiceClient viewer;

    FailedAttemptsTest(@LocalServerPort int port) {
        this.probe = new ServiceClient(port);
        this.guesser = probe.withToken(TestTokens.mint().viewer);
        this.viewer = probe.withToken(TOKENS.viewer);
    }

    @Test
    void the_21st_failure_in_a_minute_blocks_the_address_until_the_minute_has_passed() throws Exception {
        for (int i = 1; i <= 20; i++) {
            assertThat(guesser.post(SOURCES, Map.of()).statusCode()).as("failure %d", i).isEqualTo(401);
            clock.moveOn(Duration.ofSeconds(2));
        }
        HttpResponse<String> blocked = guesser.post(SOURCES, Map.of());
        HttpResponse<String> validTokenBlocked = viewer.post(SOURCES, Map.of());
        HttpResponse<String> probeBlocked = probe.get("/actuator/health");

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(JsonPath.<String>read(blocked.body(), "$.error")).isEqualTo("too_many_failed_attempts");
        assertThat(JsonPath.<String>read(blocked.body(), "$.message")).contains("More than 20 failed");
        // 40 s of the minute since the first failure have passed.
        assertThat(blocked.headers().firstValue("Retry-After")).hasValue("20");
        assertThat(JsonPath.<Integer>read(blocked.body(), "$.retryAfterSeconds")).isEqualTo(20);
        assertThat(validTokenBlocked.statusCode()).isEqualTo(429);
        assertThat(probeBlocked.statusCode()).isEqualTo(429);

        clock.moveOn(Duration.ofSeconds(19));
        assertThat(viewer.post(SOURCES, Map.of()).statusCode()).as("a second before the minute ends").isEqualTo(429);

        clock.moveOn(Duration.ofSeconds(1));
        assertThat(viewer.post(SOURCES, Map.of()).statusCode()).as("once the minute has passed").isEqualTo(200);
        assertThat(guesser.post(SOURCES, Map.of()).statusCode()).isEqualTo(401);
    }
}
