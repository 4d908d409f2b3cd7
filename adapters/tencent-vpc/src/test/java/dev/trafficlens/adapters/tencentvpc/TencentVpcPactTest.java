package dev.trafficlens.adapters.tencentvpc;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What trafficlens expects of DescribeVpnConnMonitor, driven through the real adapter against Pact's mock server.
 * The pact (target/pacts/trafficlens-tencent-vpc.json) is verified against the sandbox by contract-tests. Action,
 * ids, metric names and Beijing times are pinned exactly; Timestamp, Nonce and Signature change with every request,
 * so only their format is.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "tencent-vpc", pactVersion = PactSpecVersion.V3)
class TencentVpcPactTest {

    private static final String SECRET_ID = "AKIDtrafficlensPact";
    private static final String UNKNOWN_SECRET_ID = "AKIDunknownToTencent";
    private static final String SECRET_KEY = "pact-secret-Gu5t9xGARNpq86cd98joQYCN3";
    private static final Instant NOW = Instant.parse("2026-01-02T00:10:00Z");
    private static final int SLOTS_A_DAY = 288;

    private static final TencentVpnConnection TUNNEL =
            new TencentVpnConnection("ap-guangzhou", "vpc-1", "vpngw-1", "vpnx-1");
    private static final TencentVpnConnection MISSING_TUNNEL =
            new TencentVpnConnection("ap-guangzhou", "vpc-1", "vpngw-1", "vpnx-missing");
    private static final TimeWindow NEW_YEARS_DAY = TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
    private static final TimeWindow FIRST_HALF_HOUR = TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-01T00:30:00Z");
    /** The same instants as the vendor reads them, in Beijing time. */
    private static final String DAY_START = "2026-01-01 08:00:00";
    private static final String DAY_END = "2026-01-02 08:00:00";
    private static final String HALF_HOUR_END = "2026-01-01 08:30:00";

    private static final String HAS_TRAFFIC = "vpn connection vpnx-1 in ap-guangzhou has traffic on 2026-01-01";
    private static final String HAS_GAPS =
            "vpn connection vpnx-1 in ap-guangzhou has traffic with gaps in the first half hour of 2026-01-01";
    private static final String DOES_NOT_EXIST = "vpn connection vpnx-missing does not exist in ap-guangzhou";
    private static final String UNKNOWN_KEY = "no API key with SecretId " + UNKNOWN_SECRET_ID + " exists";
    private static final String THROTTLED = "API key " + SECRET_ID + " has exceeded its request rate";

    @Pact(consumer = "trafficlens")
    RequestResponsePact aNormalDayInBothDirections(PactDslWithProvider builder) {
        PactDslRequestWithPath in = monitorRequest(builder.given(HAS_TRAFFIC)
                .uponReceiving("inbound traffic of vpnx-1 on 2026-01-01"), SECRET_ID, "vpnx-1", "intraffic",
                DAY_START, DAY_END);
        PactDslRequestWithPath out = monitorRequest(in.willRespondWith().status(200)
                .body(aDayOf(100_000))
                .given(HAS_TRAFFIC)
                .uponReceiving("outbound traffic of vpnx-1 on 2026-01-01"), SECRET_ID, "vpnx-1", "outtraffic",
                DAY_START, DAY_END);
        return out.willRespondWith().status(200).body(aDayOf(900_000)).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "aNormalDayInBothDirections")
    void reads_a_normal_day_of_both_directions(MockServer mockServer) {
        Set<Metric> both = Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT);
        SourceAnswer answer = fetch(mockServer, SECRET_ID,
                new PlannedCall(TUNNEL, NEW_YEARS_DAY, Step.FIVE_MINUTES, both)).get();

        TrafficSeries in = answer.series(Metric.BITRATE_IN).orElseThrow();
        TrafficSeries out = answer.series(Metric.BITRATE_OUT).orElseThrow();
        assertThat(in.presentCount()).isEqualTo(SLOTS_A_DAY);
        assertThat(out.presentCount()).isEqualTo(SLOTS_A_DAY);
        assertThat(in.values()).containsOnly(100_000);
        assertThat(out.values()).containsOnly(900_000);
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact aHalfHourWithGaps(PactDslWithProvider builder) {
        // Exactly three positions: a value, a null (the vendor's gap), a value; the other three slots never come.
        DslPart body = new PactDslJsonBody()
                .numberValue("code", 0)
                .stringType("message", "")
                .array("data").numberType(1221).nullValue().numberType(787).closeArray();
        return monitorRequest(builder.given(HAS_GAPS).uponReceiving("outbound traffic of vpnx-1 with gaps"),
                SECRET_ID, "vpnx-1", "outtraffic", DAY_START, HALF_HOUR_END)
                .willRespondWith().status(200).body(body).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "aHalfHourWithGaps")
    void a_null_and_the_values_never_sent_are_missing_samples(MockServer mockServer) {
        TrafficSeries out = fetch(mockServer, SECRET_ID,
                new PlannedCall(TUNNEL, FIRST_HALF_HOUR, Step.FIVE_MINUTES, Set.of(Metric.BITRATE_OUT)))
                .get().series().get(0);

        assertThat(out.values()).containsExactly(1221, Double.NaN, 787, Double.NaN, Double.NaN, Double.NaN);
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact anUnknownVpnConnection(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody()
                .numberValue("code", 5000)
                .stringType("message", "(InvalidVpnConn.NotFound) the VPN connection does not exist")
                .stringValue("codeDesc", "InvalidVpnConn.NotFound");
        return monitorRequest(builder.given(DOES_NOT_EXIST).uponReceiving("traffic of an unknown vpn connection"),
                SECRET_ID, "vpnx-missing", "intraffic", DAY_START, DAY_END)
                .willRespondWith().status(200).body(body).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "anUnknownVpnConnection")
    void an_unknown_vpn_connection_is_not_found(MockServer mockServer) {
        SourceFailure failure = fetch(mockServer, SECRET_ID,
                new PlannedCall(MISSING_TUNNEL, NEW_YEARS_DAY, Step.FIVE_MINUTES, Set.of(Metric.BITRATE_IN)))
                .getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure.vendorCode()).hasValue("InvalidVpnConn.NotFound");
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact anUnknownSecretId(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody()
                // 4104: the SecretId does not exist (4100 is a bad signature from a known key).
                .numberValue("code", 4104)
                .stringType("message", "secretid not found");
        return monitorRequest(builder.given(UNKNOWN_KEY).uponReceiving("a request signed with an unknown key"),
                UNKNOWN_SECRET_ID, "vpnx-1", "intraffic", DAY_START, DAY_END)
                .willRespondWith().status(200).body(body).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "anUnknownSecretId")
    void a_failed_authentication_is_unauthenticated(MockServer mockServer) {
        SourceFailure failure = fetch(mockServer, UNKNOWN_SECRET_ID,
                new PlannedCall(TUNNEL, NEW_YEARS_DAY, Step.FIVE_MINUTES, Set.of(Metric.BITRATE_IN))).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
        assertThat(failure.vendorCode()).hasValue("4104");
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact throttling(PactDslWithProvider builder) {
        return monitorRequest(builder.given(THROTTLED).uponReceiving("a request over the rate limit"),
                SECRET_ID, "vpnx-1", "intraffic", DAY_START, DAY_END)
                .willRespondWith().status(429).headers(Map.of("Retry-After", "1")).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "throttling")
    void throttling_is_rate_limited_with_the_wait_the_vendor_asked_for(MockServer mockServer) {
        SourceFailure failure = fetch(mockServer, SECRET_ID,
                new PlannedCall(TUNNEL, NEW_YEARS_DAY, Step.FIVE_MINUTES, Set.of(Metric.BITRATE_IN))).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(1));
    }

    /** The GET every interaction expects; only the per-request values are matched by format. */
    private static PactDslRequestWithPath monitorRequest(
            PactDslRequestWithoutPath request, String secretId, String vpnConnId,
            String metricName, String starttime, String endtime) {
        return request.method("GET")
                .path("/v2/index.php")
                .query("Action=DescribeVpnConnMonitor&Region=ap-guangzhou&SecretId=" + secretId
                        + "&SignatureMethod=HmacSHA256&vpcId=vpc-1&vpnGwId=vpngw-1&vpnConnId=" + vpnConnId
                        + "&metricName=" + metricName + "&starttime=" + starttime + "&endtime=" + endtime)
                .matchQuery("Timestamp", "[1-9][0-9]{9}", Long.toString(NOW.getEpochSecond()))
                .matchQuery("Nonce", "[1-9][0-9]{0,9}", "11886")
                .matchQuery("Signature", "[A-Za-z0-9+/]{43}=", "FPxglqp0qNTJCvbMI5IggtvzvZtrJWfHLtKHjNDup5A=");
    }

    /**
     * A day's success envelope: code exactly 0, any message, and at least 288 numbers (one per 5 minutes; the adapter
     * ignores any value past the window, such as one labelled endtime).
     */
    private static PactDslJsonBody aDayOf(long bitsPerSecond) {
        return new PactDslJsonBody()
                .numberValue("code", 0)
                .stringType("message", "")
                .minArrayLike("data", SLOTS_A_DAY, PactDslJsonRootValue.numberType(bitsPerSecond), SLOTS_A_DAY);
    }

    private static Either<SourceFailure, SourceAnswer> fetch(MockServer mockServer, String secretId, PlannedCall call) {
        TencentVpcTrafficSource source = new TencentVpcTrafficSource(TencentVpcConfig.builder()
                .endpoint(mockServer.getUrl())
                .secretId(secretId)
                .secretKey(SECRET_KEY)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .retryPolicy(RetryPolicy.noRetries(Duration.ofSeconds(10)))
                .build());
        return source.fetch(call).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
    }
}
