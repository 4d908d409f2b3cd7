package dev.trafficlens.contract.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.trafficlens.graphql.TrafficlensApplication;
import dev.trafficlens.graphql.security.ApiTokens;
import dev.trafficlens.graphql.security.NewTokenCommand;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard's pact (consumer trafficlens-dashboard, written by {@link DashboardPactTest} in the same build)
 * replayed against the real GraphQL service, started as it ships: {@link TrafficlensApplication} on a random port, on
 * its built-in vendor sandbox, with a viewer token configured (so every request needs one). Provider states hand the pact a fresh window, the last 30 days, for its injected
 * {@code from} and {@code to}: a fixed window would fall out of the vendors' 30-day retention within a month.
 */
@Provider("trafficlens-graphql")
@PactFolder("${pact.rootDir}")
@SpringBootTest(classes = TrafficlensApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardPactVerificationTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    /**
     * The viewer token this service is configured with (minted now, never printed), sent instead of the pact's
     * example token: the dashboard authenticates like any client.
     */
    private static final String TOKEN = NewTokenCommand.mint(new SecureRandom());

    @DynamicPropertySource
    static void viewerToken(DynamicPropertyRegistry registry) {
        registry.add("trafficlens.security.tokens[0].name", () -> "dashboard-pact");
        registry.add("trafficlens.security.tokens[0].sha256", () -> ApiTokens.sha256Hex(TOKEN));
        registry.add("trafficlens.security.tokens[0].role", () -> "VIEWER");
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("localhost", port));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void the_service_answers_as_the_dashboard_expects(PactVerificationContext context, HttpRequest request) {
        assertThat(request.getFirstHeader(HttpHeaders.AUTHORIZATION).getValue())
                .as("the pact's request carries a token").startsWith("Bearer ");
        request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN);
        context.verifyInteraction();
    }

    @State("every source is served by the vendor sandbox")
    void the_service_runs_on_its_sandbox() {
        // Nothing to set: the service starts on its in-process sandbox with every source configured.
    }

    @State({"every source is served by the vendor sandbox, and from and to bound the last 30 days",
            "private connect missing-pc does not exist, and from and to bound the last 30 days"})
    Map<String, Object> the_last_30_days() {
        // The sandbox knows no resource whose id starts with "missing", so missing-pc needs nothing more.
        return lastThirtyDays(Instant.now());
    }

    /**
     * Thirty days on the five-minute grid, ending five to ten minutes ahead: the start stays inside the vendors'
     * 30-day retention for the request that follows within five minutes, and the slots still in the future come back
     * as missing.
     */
    private static Map<String, Object> lastThirtyDays(Instant now) {
        long step = FIVE_MINUTES.toSeconds();
        Instant to = Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), step))
                .plus(FIVE_MINUTES.multipliedBy(2));
        return Map.of("from", to.minus(Duration.ofDays(30)).toString(), "to", to.toString());
    }
}
