package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.adapters.support.SettableClock;
import dev.trafficlens.graphql.config.TrafficMetrics;
import dev.trafficlens.graphql.generated.client.TrafficProjectionRoot;
import dev.trafficlens.graphql.generated.types.QingcloudWanInput;
import dev.trafficlens.graphql.generated.types.ResourceInput;
import dev.trafficlens.graphql.generated.types.TrafficQuery;
import dev.trafficlens.graphql.generated.types.ZenlayerPrivateConnectInput;
import dev.trafficlens.sandbox.FaultRule;
import dev.trafficlens.sandbox.VendorSandbox;
import graphql.ExecutionResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A vendor failing every call is paused after a few calls rather than asked thirty times, the other sources are
 * untouched, health and metrics say which source is paused, and it is called again once it recovers.
 */
@ExtendWith(NoSecretInTheLogs.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "trafficlens.retry.max-attempts=1",
        "trafficlens.circuit-breaker.minimum-calls=4",
        "trafficlens.circuit-breaker.window-calls=4",
        "trafficlens.circuit-breaker.open-for=4s",
        "trafficlens.circuit-breaker.trial-calls=1",
        "trafficlens.limits.max-concurrent-calls-per-source=1"})
class VendorCircuitTest {

    private static final String QINGCLOUD = "qingcloud.wan-access";

    @Autowired
    DgsQueryExecutor dgs;

    @Autowired
    VendorSandbox sandbox;

    @Autowired
    MeterRegistry registry;

    @Autowired
    SettableClock clock;

    @LocalServerPort
    int port;

    /** The service's clock, breakers included, stands still unless the test moves it. */
    @TestConfiguration
    static class StandingTime {

        @Bean
        @Primary
        SettableClock movableClock() {
            return new SettableClock(Instant.now());
        }
    }

    @Test
    void a_vendor_down_is_paused_then_called_again_when_it_recovers() throws Exception {
        sandbox.faults().add(FaultRule.forResources("down-.*", FaultRule.Kind.SERVER_ERROR));
        long before = sandbox.calls().of("GetWanMonitor");

        ExecutionResult down = dgs.execute(twoLinks("down-1"));

        List<Object> traffic = down.<Map<String, List<Object>>>getData().get("traffic");
        assertThat(traffic.get(0)).isNull();
        assertThat(traffic.get(1)).isNotNull();
        assertThat(down.getErrors()).allSatisfy(error -> assertThat(error.getExtensions())
                .containsEntry("code", "VENDOR_UNAVAILABLE").containsEntry("source", QINGCLOUD));
        assertThat(down.getErrors()).anySatisfy(error -> assertThat(error.getMessage()).contains("circuit open"));
        // 29 one-day calls planned; the breaker opens after 4 failures (one call in flight at a time here) and, its clock
        // standing still, stays open however long the rest of them take to pass the service's 10 calls/s gate.
        assertThat(sandbox.calls().of("GetWanMonitor") - before).isEqualTo(4);
        assertThat(circuitHealth()).isEqualTo("OPEN");
        assertThat(registry.get(TrafficMetrics.VENDOR_CIRCUIT).tag("source", QINGCLOUD).gauge().value()).isEqualTo(2);

        sandbox.faults().clear();
        clock.moveOn(Duration.ofSeconds(4).plusMillis(1));
        ExecutionResult recovered = dgs.execute(twoLinks("up-1"));

        assertThat(recovered.getErrors()).isEmpty();
        assertThat(circuitHealth()).isEqualTo("CLOSED");
        assertThat(registry.get(TrafficMetrics.VENDOR_CIRCUIT).tag("source", QINGCLOUD).gauge().value()).isZero();
    }

    private String circuitHealth() throws Exception {
        HttpResponse<String> health = new ServiceClient(port).get("/actuator/health");
        assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("UP");
        return JsonPath.read(health.body(), "$.components.vendorCircuits.details['" + QINGCLOUD + "']");
    }

    /** A QingCloud WAN access and a Zenlayer private connect over the last 29 whole days. */
    private static String twoLinks(String wanAccess) {
        Instant to = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant from = to.minus(Duration.ofDays(29));
        ResourceInput wan = ResourceInput.newBuilder().qingcloudWan(QingcloudWanInput.newBuilder()
                .zone("pek3").resource(wanAccess).accessType("cpe").build()).build();
        ResourceInput privateConnect = ResourceInput.newBuilder().zenlayerPrivateConnect(ZenlayerPrivateConnectInput
                .newBuilder().privateConnectId("pc-circuit-" + wanAccess).build()).build();
        return TrafficQueries.traffic(List.of(
                        TrafficQuery.newBuilder().from(from).to(to).resource(wan).build(),
                        TrafficQuery.newBuilder().from(from).to(to).resource(privateConnect).build()),
                new TrafficProjectionRoot<>().source());
    }
}
