package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.sandbox.Credentials;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.VendorSandbox;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Live mode pointed at a vendor sandbox of the test's own, with a Zenlayer password the vendor does not know and
 * QingCloud's right keys: the key is refused once for all of Zenlayer's private connects, and QingCloud is unaffected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "trafficlens.sandbox.enabled=false")
class RejectedKeyOverHttpTest {

    private static final VendorSandbox VENDORS = VendorSandbox.start(SandboxOptions.DEFAULTS);
    private static final String WRONG_PASSWORD = "not-the-password-zenlayer-knows";
    private static final TestTokens TOKENS = TestTokens.mint();

    @RegisterExtension
    final NoSecretInTheLogs logs = TOKENS.watchedBy(new NoSecretInTheLogs()
            .alsoSecret(WRONG_PASSWORD).alsoSecret(VENDORS.credentials().accessKeySecret()));

    @DynamicPropertySource
    static void vendors(DynamicPropertyRegistry registry) {
        String url = VENDORS.baseUrl().toString();
        Credentials keys = VENDORS.credentials();
        registry.add("trafficlens.sources.zenlayer.endpoint", () -> url);
        registry.add("trafficlens.sources.zenlayer.access-key-id", keys::accessKeyId);
        registry.add("trafficlens.sources.zenlayer.access-key-password", () -> WRONG_PASSWORD);
        registry.add("trafficlens.sources.qingcloud.endpoint", () -> url);
        registry.add("trafficlens.sources.qingcloud.access-key-id", keys::accessKeyId);
        registry.add("trafficlens.sources.qingcloud.secret-access-key", keys::accessKeySecret);
        // Live keys need authentication configured (docs/security.md).
        TOKENS.register(registry);
    }

    @AfterAll
    static void stopVendors() {
        VENDORS.close();
    }

    private final ServiceClient service;

    RejectedKeyOverHttpTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port).withToken(TOKENS.viewer);
    }

    @Test
    void a_refused_key_costs_at_most_the_calls_in_flight_for_all_of_its_sources_queries() throws Exception {
        String query = """
                query Month($from: DateTime!, $to: DateTime!) {
                  traffic(queries: [
                    {from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: "pc-key-1"}}}
                    {from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: "pc-key-2"}}}
                    {from: $from, to: $to, resource: {qingcloudWan: {zone: "pek3", resource: "wacc-key", accessType: "cpe"}}}
                  ]) { source series { values } }
                }""";
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant from = to.minus(Duration.ofDays(30));

        HttpResponse<String> response = service.post(query, Map.of("from", from.toString(), "to", to.toString()));

        long zenlayerCalls = VENDORS.calls().of("DescribePrivateConnectTraffic");
        // QingCloud's window is planned as Zenlayer's, a call a day: what each private connect would have cost.
        long callsPerLink = VENDORS.calls().of("GetWanMonitor");
        String body = response.body();
        assertThat(callsPerLink).isBetween(29L, 31L);
        assertThat(zenlayerCalls).as("Zenlayer calls for two links of a month")
                .isBetween(1L, (long) QuerySettings.DEFAULTS.maxConcurrentCallsPerSource());
        assertThat(JsonPath.<List<Object>>read(body, "$.data.traffic[0:2]")).containsExactly(null, null);
        assertThat(JsonPath.<List<Object>>read(body, "$.data.traffic[2].series[*].values")).isNotEmpty()
                .allSatisfy(values -> assertThat((List<?>) values).hasSize(30 * 288));
        List<Map<String, Object>> errors = JsonPath.read(body, "$.errors[*].extensions");
        assertThat(errors).hasSize(2).allSatisfy(extensions -> assertThat(extensions)
                .containsEntry("code", "UNAUTHENTICATED").containsEntry("errorType", "UNAUTHENTICATED")
                .containsEntry("source", "zenlayer.private-connect"));
        int cancelled = errors.stream().mapToInt(extensions -> (int) extensions.get("cancelledCalls")).sum();
        assertThat(cancelled).as("calls of both links not sent").isEqualTo(2 * callsPerLink - zenlayerCalls);
        assertThat(JsonPath.<List<List<Object>>>read(body, "$.errors[*].path"))
                .containsExactlyInAnyOrder(List.of("traffic", 0), List.of("traffic", 1));
        assertThat(body).doesNotContain(WRONG_PASSWORD, VENDORS.credentials().accessKeySecret(), "Exception",
                TOKENS.viewer);
    }
}
