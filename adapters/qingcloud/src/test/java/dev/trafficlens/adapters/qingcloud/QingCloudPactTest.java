package dev.trafficlens.adapters.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslJsonArray;
import au.com.dius.pact.consumer.dsl.LambdaDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The GetWanMonitor contract trafficlens relies on, driven through the real adapter against Pact's mock server. The
 * query is pinned exactly except {@code time_stamp} and {@code signature}, whose format is pinned; their examples are
 * a genuinely signed request (the documentation's example key pair, at {@link #NOW}), so a provider that checks
 * signatures can verify the replayed request. Measurement values are matched by type, envelopes and gap markers
 * exactly.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "qingcloud-iaas", pactVersion = PactSpecVersion.V3)
class QingCloudPactTest {

    private static final String ACCESS_KEY_ID = "QYACCESSKEYIDEXAMPLE";
    private static final String UNKNOWN_ACCESS_KEY_ID = "QYUNKNOWNKEYID";
    private static final String SECRET = "SECRETACCESSKEY";
    private static final String NOW = "2026-01-02T00:00:10Z";
    private static final String TIME_STAMP_FORMAT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
    private static final String SIGNATURE_FORMAT = "[A-Za-z0-9+/]{43}=";
    private static final long JAN_1 = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    private static final double NA = Double.NaN;

    // ---- what the adapter asks ------------------------------------------------------------------------------

    private static PlannedCall dayOf(String resource, Step step) {
        return new PlannedCall(QingCloudWanAccess.of("pek3", resource, "vpc"),
                TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"), step,
                Source.QINGCLOUD_WAN.limits().metrics());
    }

    private static PlannedCall documentedExample() {
        return new PlannedCall(QingCloudWanAccess.of("pek3a", "waif-6bm6mt85", "vpc"),
                TimeWindow.of("2020-05-09T05:15:00Z", "2020-05-09T05:40:00Z"), Step.FIVE_MINUTES,
                Source.QINGCLOUD_WAN.limits().metrics());
    }

    /** A GetWanMonitor request for every meter, as the contract states it (written out, not taken from the adapter). */
    private static PactDslRequestWithPath getWanMonitor(PactDslWithProvider builder, String state, String description,
            String accessKeyId, String zone, String resource, String step, String start, String end) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("access_key_id", accessKeyId);
        query.put("access_type", "vpc");
        query.put("action", "GetWanMonitor");
        query.put("end_time", end);
        query.put("meters.1", "traffic");
        query.put("meters.2", "flow");
        query.put("meters.3", "pps");
        query.put("resource", resource);
        query.put("signature_method", "HmacSHA256");
        query.put("signature_version", "1");
        query.put("start_time", start);
        query.put("step", step);
        query.put("version", "1");
        query.put("zone", zone);
        StringBuilder exact = new StringBuilder();
        query.forEach((name, value) -> exact.append(exact.length() == 0 ? "" : "&").append(name).append('=').append(value));

        Map<String, String> signed = new LinkedHashMap<>(query);
        signed.put("time_stamp", NOW);
        String exampleSignature = new QingCloudSigner(Secret.of(SECRET))
                .signature(QingCloudSigner.stringToSign("/iaas/", QingCloudSigner.canonicalQuery(signed)));

        return builder.given(state)
                .uponReceiving(description)
                .method("GET")
                .path("/iaas/")
                .query(exact.toString())
                .matchQuery("time_stamp", TIME_STAMP_FORMAT, NOW)
                .matchQuery("signature", SIGNATURE_FORMAT, exampleSignature);
    }

    private static PactDslRequestWithPath dayRequest(PactDslWithProvider builder, String state, String description,
            String accessKeyId, String resource) {
        return getWanMonitor(builder, state, description, accessKeyId, "pek3", resource, "1h",
                "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
    }

    private static Either<SourceFailure, SourceAnswer> fetch(MockServer server, String accessKeyId, PlannedCall call) {
        QingCloudTrafficSource source = new QingCloudTrafficSource(QingCloudConfig.builder()
                .endpoint(server.getUrl())
                .accessKeyId(accessKeyId)
                .secretAccessKey(SECRET)
                .clock(Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC))
                .retryPolicy(RetryPolicy.noRetries(Duration.ofSeconds(10)))
                .rateLimit(RateLimit.assumedPerSecond(1000))
                .build());
        return source.fetch(call).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
    }

    private static double[] values(SourceAnswer answer, Metric metric) {
        return answer.series(metric).orElseThrow().values();
    }

    // ---- what the vendor answers ----------------------------------------------------------------------------

    private static PactDslResponse json(PactDslRequestWithPath request, Consumer<LambdaDslJsonBody> body) {
        return request.willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json(;\\s*charset=.*)?", "application/json")
                .body(LambdaDsl.newJsonBody(body).build());
    }

    private static RequestResponsePact answer(PactDslRequestWithPath request, String resource,
            Consumer<LambdaDslJsonArray> traffic, Consumer<LambdaDslJsonArray> flow, Consumer<LambdaDslJsonArray> pps) {
        return json(request, body -> body
                .stringValue("action", "GetWanMonitorResponse")
                .array("meter_set", meters -> meters
                        .object(meter -> meter.array("data", traffic).stringValue("meter_id", "traffic"))
                        .object(meter -> meter.array("data", flow).stringValue("meter_id", "flow"))
                        .object(meter -> meter.array("data", pps).stringValue("meter_id", "pps")))
                .numberValue("ret_code", 0)
                .stringValue("resource_id", resource))
                .toPact();
    }

    private static RequestResponsePact error(PactDslRequestWithPath request, int retCode, String message) {
        return json(request, body -> body.numberValue("ret_code", retCode).stringType("message", message)).toPact();
    }

    /** {@code [t0, [in, out]]}: t0 and the values by type. */
    private static void first(LambdaDslJsonArray data, long t0, Number in, Number out) {
        data.array(element -> element.integerType(t0).array(pair -> pair.numberType(in).numberType(out)));
    }

    private static void bare(LambdaDslJsonArray data, Number in, Number out) {
        data.array(pair -> pair.numberType(in).numberType(out));
    }

    private static void gap(LambdaDslJsonArray data, long offset, Number in, Number out) {
        data.array(element -> element.integerType(offset).array(pair -> pair.numberType(in).numberType(out)));
    }

    /** A whole day at 1h: meter value at hour h is {@code base + slope·h} in, twice that out. */
    private static Consumer<LambdaDslJsonArray> hourly(long base, long slope) {
        return data -> {
            first(data, JAN_1, base, 2 * base);
            for (int hour = 1; hour < 24; hour++) {
                bare(data, base + slope * hour, 2 * (base + slope * hour));
            }
        };
    }

    // ---- a normal day -----------------------------------------------------------------------------------------

    @Pact(consumer = "trafficlens")
    RequestResponsePact normalDay(PactDslWithProvider builder) {
        return answer(dayRequest(builder, "wan access point waif-1 in pek3 has traffic on 2026-01-01",
                        "traffic, flow and pps of waif-1 for 2026-01-01 hourly", ACCESS_KEY_ID, "waif-1"),
                "waif-1", hourly(125_000, 1_000), hourly(450_000_000, 3_600_000), hourly(900, 10));
    }

    @Test
    @PactTestFor(pactMethod = "normalDay")
    void reads_a_normal_day_of_traffic_flow_and_packets(MockServer server) {
        SourceAnswer answer = fetch(server, ACCESS_KEY_ID, dayOf("waif-1", Step.ONE_HOUR)).get();

        for (int hour = 0; hour < 24; hour++) {
            assertThat(values(answer, Metric.BITRATE_IN)[hour]).isEqualTo((125_000 + 1_000 * hour) * 8.0);
            assertThat(values(answer, Metric.BITRATE_OUT)[hour]).isEqualTo(2 * (125_000 + 1_000 * hour) * 8.0);
            assertThat(values(answer, Metric.VOLUME_IN)[hour]).isEqualTo(450_000_000 + 3_600_000.0 * hour);
            assertThat(values(answer, Metric.VOLUME_OUT)[hour]).isEqualTo(2 * (450_000_000 + 3_600_000.0 * hour));
            assertThat(values(answer, Metric.PACKET_RATE_IN)[hour]).isEqualTo(900 + 10.0 * hour);
            assertThat(values(answer, Metric.PACKET_RATE_OUT)[hour]).isEqualTo(2 * (900 + 10.0 * hour));
        }
        assertThat(answer.series()).allSatisfy(series -> assertThat(series.presentCount()).isEqualTo(24));
    }

    // ---- gaps: a late first sample, NA in its spellings, offsets, and an early end -----------------------------

    /**
     * The documented gap forms only: the first sample at 01:00 (none at 00:00), "NA" for a single missing hour
     * (02:00, 07:00, 09:00), an offset after several (04:00 and 05:00 missing, 06:00 three hours after 03:00), and
     * "NA" for each missing hour at the end (12:00 to 23:00). Readings of other spellings (a pair holding "NA", null)
     * are the decoder's unit tests' business, not the provider's contract.
     */
    private static Consumer<LambdaDslJsonArray> withGaps(long base) {
        return data -> {
            first(data, JAN_1 + 3_600, base, base + 100);
            data.stringValue("NA");
            bare(data, base + 10, base + 110);
            gap(data, 10_800, base + 20, base + 120);
            data.stringValue("NA");
            bare(data, base + 30, base + 130);
            data.stringValue("NA");
            bare(data, base + 40, base + 140);
            bare(data, base + 50, base + 150);
            for (int hour = 12; hour < 24; hour++) {
                data.stringValue("NA");
            }
        };
    }

    private static double[] expectedWithGaps(double base, double factor) {
        double[] expected = new double[24];
        Arrays.fill(expected, NA);
        double[] present = {base, base + 10, base + 20, base + 30, base + 40, base + 50};
        int[] hours = {1, 3, 6, 8, 10, 11};
        for (int i = 0; i < hours.length; i++) {
            expected[hours[i]] = present[i] * factor;
        }
        return expected;
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact dayWithGaps(PactDslWithProvider builder) {
        return answer(dayRequest(builder, "wan access point waif-2 in pek3 has traffic with gaps on 2026-01-01",
                        "traffic, flow and pps of waif-2 for 2026-01-01 hourly, with gaps", ACCESS_KEY_ID, "waif-2"),
                "waif-2",
                withGaps(500),
                withGaps(1_800_000),
                withGaps(7));
    }

    @Test
    @PactTestFor(pactMethod = "dayWithGaps")
    void reads_na_slots_offset_gaps_and_a_late_start_as_missing_samples(MockServer server) {
        SourceAnswer answer = fetch(server, ACCESS_KEY_ID, dayOf("waif-2", Step.ONE_HOUR)).get();

        assertThat(values(answer, Metric.BITRATE_IN)).containsExactly(expectedWithGaps(500, 8));
        assertThat(values(answer, Metric.BITRATE_OUT)).containsExactly(expectedWithGaps(600, 8));
        assertThat(values(answer, Metric.VOLUME_IN)).containsExactly(expectedWithGaps(1_800_000, 1));
        assertThat(values(answer, Metric.PACKET_RATE_OUT)).containsExactly(expectedWithGaps(107, 1));
    }

    // ---- the API documentation's own example (cleaned of its "......") ---------------------------------------

    @Pact(consumer = "trafficlens")
    RequestResponsePact documentedExample(PactDslWithProvider builder) {
        PactDslRequestWithPath request = getWanMonitor(builder,
                "wan access point waif-6bm6mt85 in pek3a has the traffic of the API documentation's example",
                "traffic, flow and pps of waif-6bm6mt85 for 2020-05-09 05:15 to 05:40", ACCESS_KEY_ID, "pek3a",
                "waif-6bm6mt85", "5m", "2020-05-09T05:15:00Z", "2020-05-09T05:40:00Z");
        return answer(request, "waif-6bm6mt85",
                data -> {
                    first(data, 1589001300, 300, 291);
                    bare(data, 125, 147);
                    bare(data, 161, 151);
                    bare(data, 178, 189);
                    bare(data, 155, 154);
                },
                data -> {
                    first(data, 1589001300, 90324, 87444);
                    bare(data, 37748, 44228);
                    bare(data, 48718, 45511);
                    bare(data, 53709, 56850);
                },
                data -> {
                    first(data, 1589001300, 5, 5);
                    bare(data, 2, 2);
                    bare(data, 2, 2);
                    bare(data, 3, 3);
                });
    }

    @Test
    @PactTestFor(pactMethod = "documentedExample")
    void reads_the_documentations_example_with_traffic_in_bits_per_second(MockServer server) {
        SourceAnswer answer = fetch(server, ACCESS_KEY_ID, documentedExample()).get();

        assertThat(values(answer, Metric.BITRATE_IN)).containsExactly(2400, 1000, 1288, 1424, 1240);
        assertThat(values(answer, Metric.VOLUME_OUT)).containsExactly(87444, 44228, 45511, 56850, NA);
        assertThat(values(answer, Metric.PACKET_RATE_IN)).containsExactly(5, 2, 2, 3, NA);
    }

    // ---- the documented errors --------------------------------------------------------------------------------

    @Pact(consumer = "trafficlens")
    RequestResponsePact notFound(PactDslWithProvider builder) {
        return error(dayRequest(builder, "no wan access point waif-404 exists in pek3",
                "traffic of an unknown access point", ACCESS_KEY_ID, "waif-404"),
                2100, "ResourceNotFound, resource [waif-404] not found");
    }

    @Test
    @PactTestFor(pactMethod = "notFound")
    void an_unknown_access_point_is_not_found(MockServer server) {
        SourceFailure failure = fetch(server, ACCESS_KEY_ID, dayOf("waif-404", Step.ONE_HOUR)).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure.vendorCode()).hasValue("2100");
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact unknownAccessKey(PactDslWithProvider builder) {
        return error(dayRequest(builder, "access key QYUNKNOWNKEYID is not registered",
                "traffic requested with an unknown access key", UNKNOWN_ACCESS_KEY_ID, "waif-1"),
                1200, "AuthFailure, access key [QYUNKNOWNKEYID] not found");
    }

    @Test
    @PactTestFor(pactMethod = "unknownAccessKey")
    void an_unknown_access_key_is_unauthenticated(MockServer server) {
        SourceFailure failure = fetch(server, UNKNOWN_ACCESS_KEY_ID, dayOf("waif-1", Step.ONE_HOUR)).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
        assertThat(failure.vendorCode()).hasValue("1200");
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact expiredTimeStamp(PactDslWithProvider builder) {
        return error(dayRequest(builder, "the API's clock is more than 60 s past 2026-01-02T00:00:10Z",
                "traffic requested with an expired time_stamp", ACCESS_KEY_ID, "waif-1"),
                1300, "RequestExpired, the request has been expired");
    }

    @Test
    @PactTestFor(pactMethod = "expiredTimeStamp")
    void an_expired_time_stamp_is_unauthenticated(MockServer server) {
        SourceFailure failure = fetch(server, ACCESS_KEY_ID, dayOf("waif-1", Step.ONE_HOUR)).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
        assertThat(failure.vendorCode()).hasValue("1300");
        assertThat(failure.message()).contains("clock");
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact permissionDenied(PactDslWithProvider builder) {
        return error(dayRequest(builder, "wan access point waif-7 in pek3 belongs to another account",
                "traffic of another account's access point", ACCESS_KEY_ID, "waif-7"),
                1400, "PermissionDenied, resource [waif-7] does not belong to you");
    }

    @Test
    @PactTestFor(pactMethod = "permissionDenied")
    void another_accounts_access_point_is_unauthenticated(MockServer server) {
        SourceFailure failure = fetch(server, ACCESS_KEY_ID, dayOf("waif-7", Step.ONE_HOUR)).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
        assertThat(failure.vendorCode()).hasValue("1400");
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact dailyQuotaUsedUp(PactDslWithProvider builder) {
        return error(dayRequest(builder, "access key QYACCESSKEYIDEXAMPLE has used up its daily API request quota",
                "traffic requested beyond the daily API request quota", ACCESS_KEY_ID, "waif-1"),
                2500, "QuotaExceeded, you have reached the daily quota of API requests");
    }

    @Test
    @PactTestFor(pactMethod = "dailyQuotaUsedUp")
    void a_used_up_daily_quota_is_rate_limited(MockServer server) {
        SourceFailure failure = fetch(server, ACCESS_KEY_ID, dayOf("waif-1", Step.ONE_HOUR)).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(failure.vendorCode()).hasValue("2500");
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact throttled(PactDslWithProvider builder) {
        return dayRequest(builder, "the API is throttling access key QYACCESSKEYIDEXAMPLE",
                "traffic requested while throttled", ACCESS_KEY_ID, "waif-1")
                .willRespondWith()
                .status(429)
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "throttled")
    void http_throttling_is_rate_limited(MockServer server) {
        SourceFailure failure = fetch(server, ACCESS_KEY_ID, dayOf("waif-1", Step.ONE_HOUR)).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact internalError(PactDslWithProvider builder) {
        return error(dayRequest(builder, "GetWanMonitor fails with an internal error",
                "traffic requested while the API fails internally", ACCESS_KEY_ID, "waif-1"),
                5000, "InternalError, please try again later");
    }

    @Test
    @PactTestFor(pactMethod = "internalError")
    void an_internal_error_is_vendor_unavailable(MockServer server) {
        SourceFailure failure = fetch(server, ACCESS_KEY_ID, dayOf("waif-1", Step.ONE_HOUR)).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(failure.vendorCode()).hasValue("5000");
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact serverBusy(PactDslWithProvider builder) {
        return error(dayRequest(builder, "GetWanMonitor is too busy to answer",
                "traffic requested while the API is busy", ACCESS_KEY_ID, "waif-1"),
                5100, "ServerBusy, the server is busy, please try again later");
    }

    @Test
    @PactTestFor(pactMethod = "serverBusy")
    void a_busy_server_is_vendor_unavailable(MockServer server) {
        SourceFailure failure = fetch(server, ACCESS_KEY_ID, dayOf("waif-1", Step.ONE_HOUR)).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(failure.vendorCode()).hasValue("5100");
    }
}
