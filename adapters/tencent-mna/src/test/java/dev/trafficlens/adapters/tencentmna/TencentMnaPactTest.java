package dev.trafficlens.adapters.tencentmna;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.matchingrules.MinTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.NumberTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import dev.trafficlens.adapters.support.Fixtures;
import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorFigure;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The consumer side of trafficlens' contract with Tencent Cloud mna GetFlowStatisticByRegion: the real adapter
 * against Pact's mock provider. Requests are pinned exactly (the body is deterministic for a past window), except
 * the per-attempt timestamp and signature, whose format is pinned. Answers pin the envelopes and the types of values.
 * The contract-tests module verifies the sandbox's simulator against the pact file these tests write.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "tencent-mna", pactVersion = PactSpecVersion.V3)
class TencentMnaPactTest {

    private static final String SECRET_ID = "AKIDtrafficlensPact";
    private static final Secret SECRET_KEY = Secret.of("pact-secret-key-never-in-the-pact");
    /** After every window asked about here, so no EndTime is clamped to "now" and bodies stay as pinned. */
    private static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");
    private static final String EXAMPLE_HOST = "mna.intl.tencentcloudapi.com";
    private static final String AUTHORIZATION_FORMAT = "^TC3-HMAC-SHA256 Credential=[^/ ]+/[0-9]{4}-[0-9]{2}-[0-9]{2}"
            + "/mna/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$";
    private static final Map<String, String> FIXED_HEADERS = Map.of(
            "Content-Type", "application/json",
            "X-TC-Action", "GetFlowStatisticByRegion",
            "X-TC-Version", "2021-01-19");
    private static final String TIMESTAMP_FORMAT = "^[0-9]{10}$";
    private static final String REQUEST_ID_FORMAT =
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private static final TimeWindow JAN_1 = TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
    private static final TimeWindow JAN_2 = TimeWindow.of("2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z");
    private static final TencentMnaRegion GATEWAY_0_MAINLAND = new TencentMnaRegion(0, Optional.of("MC"));

    // ---- a day of hourly data, each Type ----

    @Pact(consumer = "trafficlens")
    RequestResponsePact aDayOfEachType(PactDslWithProvider builder) {
        String state = "mna gateway type 0 region MC has traffic on 2026-01-01";
        Map<String, Object> params = stateParams(0, "MC", "2026-01-01");
        PactDslResponse pact = null;
        for (TrafficType type : TrafficType.values()) {
            FlowStatisticRequest request = hourly(JAN_1, GATEWAY_0_MAINLAND, type);
            String requestId = "2b9c7c0e-1f0a-4d8e-9a51-0c6f3b2d7e1" + type.code();
            pact = signed((pact == null ? builder.given(state, params) : pact.given(state, params))
                    .uponReceiving(describe(type, request))
                    .method("POST").path("/"), request)
                    .willRespondWith().status(200)
                    .body(flowAnswer(hoursOf(JAN_1, type.code() * 1_000_000L, -1), requestId));
        }
        return pact.toPact();
    }

    @Test
    @PactTestFor(pactMethod = "aDayOfEachType")
    void reads_a_day_of_each_direction_at_once(MockServer vendor) {
        SourceAnswer answer = fetch(vendor, new PlannedCall(GATEWAY_0_MAINLAND, JAN_1, Step.ONE_HOUR,
                Set.of(Metric.VOLUME_OUT, Metric.VOLUME_IN, Metric.VOLUME_TOTAL))).get();

        for (TrafficType type : TrafficType.values()) {
            TrafficSeries series = answer.series(type.metric()).orElseThrow();
            assertThat(series.window()).isEqualTo(JAN_1);
            assertThat(series.presentCount()).isEqualTo(24);
            assertThat(series.valueAt(0)).isEqualTo(type.code() * 1_000_000.0);
            assertThat(series.valueAt(23)).isEqualTo(type.code() * 1_000_000.0 + 23 * 1_000);
        }
        assertThat(answer.vendorFigures()).contains(
                new VendorFigure("TotalValue", Metric.VOLUME_TOTAL, 24 * 3_000_000.0 + 276_000, "B"),
                new VendorFigure("MaxValue", Metric.VOLUME_OUT, 1_023_000, "B"));
    }

    // ---- a day with missing hours, all regions ----

    @Pact(consumer = "trafficlens")
    RequestResponsePact aDayWithGaps(PactDslWithProvider builder) {
        FlowStatisticRequest request = hourly(JAN_2, TencentMnaRegion.allRegions(1), TrafficType.SUM);
        return signed(builder
                .given("mna gateway type 1 in all regions has traffic on 2026-01-02 except from 03:00 to 06:00 UTC",
                        stateParams(1, "", "2026-01-02"))
                .uponReceiving("hourly total volume of gateway type 1 in all regions on 2026-01-02")
                .method("POST").path("/"), request)
                .willRespondWith().status(200)
                .body(flowAnswer(hoursOf(JAN_2, 5_000_000L, 3), "8f14e45f-ceea-4e7a-9b8d-2c1a0f6e3d52"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "aDayWithGaps")
    void missing_hours_stay_missing(MockServer vendor) {
        SourceAnswer answer = fetch(vendor, new PlannedCall(TencentMnaRegion.allRegions(1), JAN_2, Step.ONE_HOUR,
                Set.of(Metric.VOLUME_TOTAL))).get();

        TrafficSeries series = answer.series(Metric.VOLUME_TOTAL).orElseThrow();
        assertThat(series.presentCount()).isEqualTo(21);
        assertThat(series.isPresent(2)).isTrue();
        assertThat(series.isPresent(3)).isFalse();
        assertThat(series.isPresent(4)).isFalse();
        assertThat(series.isPresent(5)).isFalse();
        assertThat(series.valueAt(6)).isEqualTo(5_000_000.0 + 6_000);
    }

    // ---- the API document's own example answer ----

    @Pact(consumer = "trafficlens")
    RequestResponsePact theSeedExample(PactDslWithProvider builder) {
        FlowStatisticRequest request = seedExampleRequest();
        return signed(builder
                .given("mna gateway type 0 region MC carried 0 bytes in the 5 minutes from 2024-12-27T00:30:00Z, "
                        + "as the API document's example shows", stateParams(0, "MC", "2024-12-27"))
                .uponReceiving("5-minute total volume of gateway type 0 region MC on 2024-12-27 from 00:00 to 01:00 UTC")
                .method("POST").path("/"), request)
                .willRespondWith().status(200)
                .body(seedExampleAnswer())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "theSeedExample")
    void reads_the_api_documents_example(MockServer vendor) {
        assertThat(JsonBodies.MAPPER.readTree(seedExampleAnswer().getBody().toString()))
                .as("the interaction answers with the API page's example")
                .isEqualTo(JsonBodies.MAPPER.readTree(Fixtures.bytes("tencentmna", "documented-example-response.json")));

        SourceAnswer answer = fetch(vendor, new PlannedCall(GATEWAY_0_MAINLAND,
                TimeWindow.of("2024-12-27T00:00:00Z", "2024-12-27T01:00:00Z"), Step.FIVE_MINUTES,
                Set.of(Metric.VOLUME_TOTAL))).get();

        TrafficSeries series = answer.series(Metric.VOLUME_TOTAL).orElseThrow();
        assertThat(series.presentCount()).isEqualTo(1);
        assertThat(series.valueAt(6)).isZero();
        assertThat(answer.vendorFigures()).extracting(VendorFigure::value).containsExactly(0.0, 0.0, 0.0);
    }

    // ---- each documented error ----

    @Pact(consumer = "trafficlens")
    RequestResponsePact aRejectedSignature(PactDslWithProvider builder) {
        return errorPact(builder, "the SecretKey of SecretId " + SECRET_ID + " does not match the request's signature",
                "a request signed with the wrong SecretKey", day("2026-01-03"), new TencentMnaRegion(0, Optional.of("AP")),
                "AuthFailure.SignatureFailure");
    }

    @Test
    @PactTestFor(pactMethod = "aRejectedSignature")
    void a_rejected_signature_is_unauthenticated(MockServer vendor) {
        SourceFailure failure = fetchError(vendor, day("2026-01-03"), new TencentMnaRegion(0, Optional.of("AP")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
        assertThat(failure.vendorCode()).hasValue("AuthFailure.SignatureFailure");
        assertThat(failure.requestId()).isPresent();
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact throttled(PactDslWithProvider builder) {
        return errorPact(builder, "SecretId " + SECRET_ID + " has used its 20 GetFlowStatisticByRegion requests "
                        + "this second", "a request over the rate limit", day("2026-01-04"),
                new TencentMnaRegion(0, Optional.of("EU")), "RequestLimitExceeded");
    }

    @Test
    @PactTestFor(pactMethod = "throttled")
    void throttling_is_rate_limited(MockServer vendor) {
        SourceFailure failure = fetchError(vendor, day("2026-01-04"), new TencentMnaRegion(0, Optional.of("EU")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(failure.vendorCode()).hasValue("RequestLimitExceeded");
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact tooEarly(PactDslWithProvider builder) {
        return errorPact(builder, "mna keeps 30 days of flow statistics and 2025-06-01 is older",
                "a request for a day older than the retention", day("2025-06-01"), GATEWAY_0_MAINLAND,
                "InvalidParameterValue.TimeTooEarly");
    }

    @Test
    @PactTestFor(pactMethod = "tooEarly")
    void a_day_past_retention_is_out_of_retention(MockServer vendor) {
        SourceFailure failure = fetchError(vendor, day("2025-06-01"), GATEWAY_0_MAINLAND);

        assertThat(failure.kind()).isEqualTo(ErrorKind.OUT_OF_RETENTION);
        assertThat(failure.vendorCode()).hasValue("InvalidParameterValue.TimeTooEarly");
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact notFound(PactDslWithProvider builder) {
        return errorPact(builder, "mna has no gateway type 1 in region AM", "a request for an unknown gateway",
                day("2026-01-05"), new TencentMnaRegion(1, Optional.of("AM")), "ResourceNotFound");
    }

    @Test
    @PactTestFor(pactMethod = "notFound")
    void an_unknown_gateway_is_not_found(MockServer vendor) {
        SourceFailure failure = fetchError(vendor, day("2026-01-05"), new TencentMnaRegion(1, Optional.of("AM")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure.vendorCode()).hasValue("ResourceNotFound");
    }

    @Pact(consumer = "trafficlens")
    RequestResponsePact internalError(PactDslWithProvider builder) {
        return errorPact(builder, "mna's monitoring data service is failing", "a request the vendor fails",
                day("2026-01-06"), GATEWAY_0_MAINLAND, "InternalError");
    }

    @Test
    @PactTestFor(pactMethod = "internalError")
    void an_internal_error_is_vendor_unavailable(MockServer vendor) {
        SourceFailure failure = fetchError(vendor, day("2026-01-06"), GATEWAY_0_MAINLAND);

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(failure.vendorCode()).hasValue("InternalError");
    }

    // ---- building interactions ----

    private static RequestResponsePact errorPact(PactDslWithProvider builder, String state, String description,
            TimeWindow window, TencentMnaRegion region, String code) {
        FlowStatisticRequest request = hourly(window, region, TrafficType.SUM);
        PactDslJsonBody answer = new PactDslJsonBody();
        PactDslJsonBody response = answer.object("Response");
        response.object("Error")
                .stringValue("Code", code)
                .stringType("Message", "Words for people about " + code + ".")
                .closeObject();
        response.stringMatcher("RequestId", REQUEST_ID_FORMAT, "e7b1f3a2-9c4d-4e5f-8a6b-7c8d9e0f1a2b");
        response.closeObject();
        return signed(builder
                .given(state, stateParams(region.gatewayType(), region.accessRegion().orElse(""),
                        window.from().toString().substring(0, 10)))
                .uponReceiving(description + ", answered " + code)
                .method("POST").path("/"), request)
                .willRespondWith().status(200)
                .body(answer)
                .toPact();
    }

    /** The headers every request carries, with the per-attempt ones pinned by format only. */
    private static PactDslRequestWithPath signed(PactDslRequestWithPath request, FlowStatisticRequest body) {
        return request.headers(FIXED_HEADERS)
                .matchHeader("X-TC-Timestamp", TIMESTAMP_FORMAT, exampleTimestamp())
                .matchHeader("Authorization", AUTHORIZATION_FORMAT, exampleAuthorization(body))
                .body(json(body), "application/json");
    }

    /**
     * A success answer holding {@code hours} (Time as a string, Current a number): any non-empty list of such
     * entries satisfies the contract, and each entry's Time must be Unix seconds.
     */
    private static PactDslJsonBody flowAnswer(Map<Instant, Long> hours, String requestId) {
        PactDslJsonBody answer = new PactDslJsonBody();
        PactDslJsonBody response = answer.object("Response");
        PactDslJsonArray details = response.array("NetDetails");
        long max = 0;
        long total = 0;
        for (Map.Entry<Instant, Long> hour : hours.entrySet()) {
            details.object()
                    .numberValue("Current", hour.getValue())
                    .stringValue("Time", Long.toString(hour.getKey().getEpochSecond()))
                    .closeObject();
            max = Math.max(max, hour.getValue());
            total += hour.getValue();
        }
        details.closeArray();
        response.numberType("MaxValue", max)
                .numberType("AvgValue", (double) total / hours.size())
                .numberType("TotalValue", total)
                .stringMatcher("RequestId", REQUEST_ID_FORMAT, requestId);
        response.closeObject();
        answer.getMatchers().addRule("$.Response.NetDetails", new MinTypeMatcher(1));
        answer.getMatchers().addRule("$.Response.NetDetails[*].Current",
                new NumberTypeMatcher(NumberTypeMatcher.NumberType.NUMBER));
        answer.getMatchers().addRule("$.Response.NetDetails[*].Time", new RegexMatcher(TIMESTAMP_FORMAT));
        return answer;
    }

    /** The API page's example answer, value for value, with the same matchers as any other answer. */
    private static PactDslJsonBody seedExampleAnswer() {
        PactDslJsonBody answer = new PactDslJsonBody();
        PactDslJsonBody response = answer.object("Response");
        response.array("NetDetails")
                .object().numberValue("Current", 0).stringValue("Time", "1735259400").closeObject()
                .closeArray();
        response.numberType("MaxValue", 0)
                .numberType("AvgValue", 0)
                .numberType("TotalValue", 0)
                .stringMatcher("RequestId", REQUEST_ID_FORMAT, "bd89e515-20b4-445b-a88d-7355e76f8d22");
        response.closeObject();
        answer.getMatchers().addRule("$.Response.NetDetails", new MinTypeMatcher(1));
        answer.getMatchers().addRule("$.Response.NetDetails[*].Current",
                new NumberTypeMatcher(NumberTypeMatcher.NumberType.NUMBER));
        answer.getMatchers().addRule("$.Response.NetDetails[*].Time", new RegexMatcher(TIMESTAMP_FORMAT));
        return answer;
    }

    private static FlowStatisticRequest seedExampleRequest() {
        return FlowStatisticRequest.of(GATEWAY_0_MAINLAND,
                TimeWindow.of("2024-12-27T00:00:00Z", "2024-12-27T01:00:00Z"), Step.FIVE_MINUTES, TrafficType.SUM, NOW);
    }

    /** Every hour of {@code day} at {@code base} + hour × 1,000 bytes, without three hours from {@code gapFrom}. */
    private static Map<Instant, Long> hoursOf(TimeWindow day, long base, int gapFrom) {
        Map<Instant, Long> hours = new LinkedHashMap<>();
        for (int hour = 0; hour < 24; hour++) {
            if (gapFrom >= 0 && hour >= gapFrom && hour < gapFrom + 3) {
                continue;
            }
            hours.put(day.from().plus(Duration.ofHours(hour)), base + hour * 1_000L);
        }
        return hours;
    }

    private static FlowStatisticRequest hourly(TimeWindow window, TencentMnaRegion region, TrafficType type) {
        return FlowStatisticRequest.of(region, window, Step.ONE_HOUR, type, NOW);
    }

    private static String describe(TrafficType type, FlowStatisticRequest request) {
        String direction = switch (type) {
            case UPLINK -> "uplink";
            case DOWNLINK -> "downlink";
            case SUM -> "total";
        };
        return "hourly " + direction + " volume (Type " + type.code() + ") of gateway type " + request.gatewayType()
                + " region " + request.accessRegion().orElse("(all)") + " on 2026-01-01";
    }

    private static Map<String, Object> stateParams(int gatewayType, String accessRegion, String date) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("gatewayType", gatewayType);
        params.put("accessRegion", accessRegion);
        params.put("date", date);
        return params;
    }

    private static String json(FlowStatisticRequest request) {
        return new String(request.toJson(), StandardCharsets.UTF_8);
    }

    private static String exampleTimestamp() {
        return Long.toString(NOW.getEpochSecond());
    }

    /** A real signature of the body, as the public host would see it: an example, since the mock's host differs. */
    private static String exampleAuthorization(FlowStatisticRequest request) {
        return new TencentMnaSigner(SECRET_ID, SECRET_KEY, "mna")
                .authorization(EXAMPLE_HOST, "application/json", request.toJson(), NOW.getEpochSecond());
    }

    private static TimeWindow day(String date) {
        Instant from = Instant.parse(date + "T00:00:00Z");
        return TimeWindow.of(from, from.plus(Duration.ofDays(1)));
    }

    // ---- driving the real adapter ----

    private static Either<SourceFailure, SourceAnswer> fetch(MockServer vendor, PlannedCall call) {
        TencentMnaTrafficSource source = new TencentMnaTrafficSource(TencentMnaConfig.builder()
                .endpoint(vendor.getUrl())
                .secretId(SECRET_ID)
                .secretKey(SECRET_KEY)
                .retryPolicy(RetryPolicy.noRetries(Duration.ofSeconds(10))) // each interaction is hit exactly once
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build());
        return source.fetch(call).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
    }

    private static SourceFailure fetchError(MockServer vendor, TimeWindow window, TencentMnaRegion region) {
        Either<SourceFailure, SourceAnswer> answer =
                fetch(vendor, new PlannedCall(region, window, Step.ONE_HOUR, Set.of(Metric.VOLUME_TOTAL)));
        assertThat(answer.isLeft()).as("%s", answer).isTrue();
        SourceFailure failure = answer.getLeft();
        assertThat(failure.requestId()).hasValue("e7b1f3a2-9c4d-4e5f-8a6b-7c8d9e0f1a2b");
        assertThat(failure.message()).doesNotContain(SECRET_KEY.reveal());
        return failure;
    }
}
