package dev.trafficlens.adapters.zenlayer;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.MinTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.NumberTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The sdn provider's side of the pacts, written once for both APIs: the signed POST the adapter sends (signature and
 * timestamp pinned by format, since they change every second), the success envelope with its data list, and the
 * error envelope.
 */
final class SdnPacts {

    static final String PROVIDER = "zenlayer-sdn";
    static final String CONSUMER = "trafficlens";
    static final String ACCESS_KEY_ID = "pact-access-key";
    static final String REQUEST_ID = "T4C35327C-7B13-47B8-A815-5E5213D4A9F9";

    static final String TIMESTAMP_FORMAT = "[0-9]+";
    static final String AUTHORIZATION_FORMAT =
            "ZC2-HMAC-SHA256 Credential=[^,\\s]+, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}";
    static final String TIME_FORMAT = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z";

    private static final String ACCESS_KEY_PASSWORD = "pact-access-key-password";
    /** 2026-01-01T00:00:00Z: the example timestamp the pact files show. */
    private static final long EXAMPLE_TIMESTAMP = 1_767_225_600L;

    private SdnPacts() {
    }

    /** The two ways Zenlayer spells a point's values: the SDKs' and the doc pages'. */
    enum Spelling {
        SDK("internetRX", "internetTX"),
        DOC("in", "out");

        final String in;
        final String out;

        Spelling(String in, String out) {
            this.in = in;
            this.out = out;
        }
    }

    /** One sample pair of a dataList. */
    record Point(String time, long in, long out) {
    }

    /** The real adapter pointed at the mock server, trying each call once so each interaction is hit once. */
    static ZenlayerTrafficSource adapter(MockServer server) {
        return new ZenlayerTrafficSource(ZenlayerConfig.builder()
                .endpoint(server.getUrl())
                .accessKeyId(ACCESS_KEY_ID)
                .accessKeyPassword(ACCESS_KEY_PASSWORD)
                .retryPolicy(RetryPolicy.noRetries(Duration.ofSeconds(10)))
                .build());
    }

    static Either<SourceFailure, SourceAnswer> fetch(MockServer server, PlannedCall call) {
        return adapter(server).fetch(call).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
    }

    static SourceFailure failure(MockServer server, PlannedCall call, ErrorKind kind, String code) {
        Either<SourceFailure, SourceAnswer> answer = fetch(server, call);
        assertThat(answer.isLeft()).as("%s", answer).isTrue();
        SourceFailure failure = answer.getLeft();
        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.vendorCode()).hasValue(code);
        assertThat(failure.requestId()).hasValue(REQUEST_ID);
        return failure;
    }

    /** The signed POST for {@code action} carrying exactly {@code body}, in provider state {@code state}. */
    static PactDslRequestWithPath signedPost(PactDslWithProvider builder, String state, String description,
                                             String action, String body) {
        return builder.given(state)
                .uponReceiving(description)
                .method("POST")
                .path("/api/v2/sdn")
                .headers(Map.of(
                        "Content-Type", ZenlayerTrafficSource.CONTENT_TYPE,
                        "X-ZC-Action", action,
                        "X-ZC-Version", ZenlayerTrafficSource.API_VERSION,
                        "X-ZC-Service", ZenlayerTrafficSource.SERVICE,
                        "X-ZC-Signature-Method", ZenlayerSigner.ALGORITHM))
                .matchHeader("X-ZC-Timestamp", TIMESTAMP_FORMAT, Long.toString(EXAMPLE_TIMESTAMP))
                .matchHeader("Authorization", AUTHORIZATION_FORMAT, exampleAuthorization(body))
                .body(body, ZenlayerTrafficSource.CONTENT_TYPE);
    }

    /**
     * A genuine signature of the example body for host console.zenlayer.com, so the example in the pact file is
     * a well-formed request; a provider verifying the pact must sign the replayed request with its own key anyway.
     */
    private static String exampleAuthorization(String body) {
        return ZenlayerSigner.sign(ZenlayerTrafficSource.CONTENT_TYPE, "console.zenlayer.com",
                body.getBytes(StandardCharsets.UTF_8), EXAMPLE_TIMESTAMP, Secret.of(ACCESS_KEY_PASSWORD))
                .authorization(ACCESS_KEY_ID);
    }

    static String privateConnectBody(String id, String start, String end) {
        return "{\"privateConnectId\":\"" + id + "\",\"startTime\":\"" + start + "\",\"endTime\":\"" + end + "\"}";
    }

    static String cloudRouterBody(String router, String sourceDc, String destinationDc, String start, String end) {
        return "{\"cloudRouterId\":\"" + router + "\",\"sourceDcId\":\"" + sourceDc + "\",\"destinationDcId\":\""
                + destinationDc + "\",\"startTime\":\"" + start + "\",\"endTime\":\"" + end + "\"}";
    }

    static PactDslResponse respondWithError(PactDslRequestWithPath request, int status, String code) {
        PactDslJsonBody body = new PactDslJsonBody()
                .stringType("requestId", REQUEST_ID)
                .stringValue("code", code)
                .stringType("message", "A sentence for people about " + code + ".");
        return request.willRespondWith()
                .status(status)
                .headers(Map.of("Content-Type", "application/json"))
                .body(body);
    }

    static PactDslResponse respondWithTraffic(PactDslRequestWithPath request, PactDslJsonBody body) {
        return request.willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", "application/json"))
                .body(body);
    }

    /**
     * A day's answer whose points may differ in number, times and values: at least one point, each with an
     * ISO-8601 time and numbers, the example holding {@code points}.
     */
    static PactDslJsonBody anyPoints(List<Point> points, Spelling spelling, Map<String, Number> summary) {
        PactDslJsonBody root = envelope(points, spelling, summary, false);
        MatchingRuleCategory rules = root.getMatchers();
        rules.addRule("$.response.dataList", new MinTypeMatcher(1));
        rules.addRule("$.response.dataList[*].time", new RegexMatcher(TIME_FORMAT, points.get(0).time()));
        rules.addRule("$.response.dataList[*]." + spelling.in, new NumberTypeMatcher(NumberTypeMatcher.NumberType.NUMBER));
        rules.addRule("$.response.dataList[*]." + spelling.out, new NumberTypeMatcher(NumberTypeMatcher.NumberType.NUMBER));
        return root;
    }

    /** An answer holding points at exactly these times, no more and no fewer (a gap is part of the contract). */
    static PactDslJsonBody exactlyThesePoints(List<Point> points, Spelling spelling, Map<String, Number> summary) {
        return envelope(points, spelling, summary, true);
    }

    private static PactDslJsonBody envelope(List<Point> points, Spelling spelling, Map<String, Number> summary,
                                            boolean pinTimes) {
        PactDslJsonBody root = new PactDslJsonBody().stringType("requestId", REQUEST_ID);
        PactDslJsonBody response = root.object("response").stringType("requestId", REQUEST_ID);
        PactDslJsonArray list = response.array("dataList");
        for (Point point : points) {
            PactDslJsonBody item = list.object();
            if (pinTimes) {
                item.stringValue("time", point.time())
                        .numberType(spelling.in, point.in())
                        .numberType(spelling.out, point.out());
            } else {
                item.stringValue("time", point.time())
                        .numberValue(spelling.in, point.in())
                        .numberValue(spelling.out, point.out());
            }
            item.closeObject();
        }
        list.closeArray();
        summary.forEach(response::numberType);
        response.stringValue("unit", "bps");
        response.closeObject();
        return root;
    }

    /** 288 five-minute points of 2026-01-01 with a daily shape. */
    static List<Point> aDayOfPoints() {
        List<Point> points = new ArrayList<>();
        Instant midnight = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 288; i++) {
            String time = ZenlayerTrafficRequest.WIRE_TIME.format(midnight.plusSeconds(300L * i));
            points.add(new Point(time, 800_000 + (i * 7_919L) % 100_000, 10_000 + (i * 104_729L) % 5_000));
        }
        return points;
    }

    /** The vendor's summary figures of {@code points}, as Zenlayer names them. */
    static Map<String, Number> summaryOf(List<Point> points) {
        long[] in = points.stream().mapToLong(Point::in).sorted().toArray();
        long[] out = points.stream().mapToLong(Point::out).sorted().toArray();
        Map<String, Number> summary = new LinkedHashMap<>();
        summary.put("in95", in[(int) Math.ceil(0.95 * in.length) - 1]);
        summary.put("inAvg", Math.round(java.util.Arrays.stream(in).average().orElse(0)));
        summary.put("inMax", in[in.length - 1]);
        summary.put("inMin", in[0]);
        summary.put("out95", out[(int) Math.ceil(0.95 * out.length) - 1]);
        summary.put("outAvg", Math.round(java.util.Arrays.stream(out).average().orElse(0)));
        summary.put("outMax", out[out.length - 1]);
        summary.put("outMin", out[0]);
        return summary;
    }
}
