package dev.trafficlens.adapters.zenlayer;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.trafficlens.adapters.zenlayer.SdnPacts.Point;
import dev.trafficlens.adapters.zenlayer.SdnPacts.Spelling;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorFigure;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The adapter's contract with Zenlayer's DescribePrivateConnectTraffic, and the sdn errors common to both APIs. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = SdnPacts.PROVIDER, pactVersion = PactSpecVersion.V3)
class ZenlayerPrivateConnectPactTest {

    private static final String ACTION = "DescribePrivateConnectTraffic";
    private static final String DAY_START = "2026-01-01T00:00:00Z";
    private static final String DAY_LAST_SECOND = "2026-01-01T23:59:59Z";
    private static final Set<Metric> BOTH = Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT);

    private static PlannedCall call(String id, String from, String to) {
        return new PlannedCall(new ZenlayerPrivateConnect(id), TimeWindow.of(from, to), Step.FIVE_MINUTES, BOTH);
    }

    private static PlannedCall jan1(String id) {
        return call(id, DAY_START, "2026-01-02T00:00:00Z");
    }

    private static String jan1Body(String id) {
        return SdnPacts.privateConnectBody(id, DAY_START, DAY_LAST_SECOND);
    }

    // --- a normal day ---

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact aDay(PactDslWithProvider builder) {
        List<Point> day = SdnPacts.aDayOfPoints();
        return SdnPacts.respondWithTraffic(
                SdnPacts.signedPost(builder, "private connect pc-1 has traffic on 2026-01-01",
                        "a request for the traffic of private connect pc-1 on 2026-01-01", ACTION, jan1Body("pc-1")),
                SdnPacts.anyPoints(day, Spelling.SDK, SdnPacts.summaryOf(day))).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "aDay")
    void reads_a_day_of_five_minute_bit_rates_and_the_vendors_summary(MockServer server) {
        SourceAnswer answer = SdnPacts.fetch(server, jan1("pc-1")).get();

        List<Point> day = SdnPacts.aDayOfPoints();
        TrafficSeries in = answer.series(Metric.BITRATE_IN).orElseThrow();
        TrafficSeries out = answer.series(Metric.BITRATE_OUT).orElseThrow();
        assertThat(in.presentCount()).isEqualTo(288);
        assertThat(out.presentCount()).isEqualTo(288);
        for (int i = 0; i < 288; i++) {
            assertThat(in.valueAt(i)).isEqualTo(day.get(i).in());
            assertThat(out.valueAt(i)).isEqualTo(day.get(i).out());
        }
        assertThat(answer.vendorFigures()).hasSize(8).contains(new VendorFigure("inMax", Metric.BITRATE_IN,
                SdnPacts.summaryOf(day).get("inMax").doubleValue(), "bps"));
    }

    // --- gaps ---

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact anHourWithAGap(PactDslWithProvider builder) {
        return SdnPacts.respondWithTraffic(
                SdnPacts.signedPost(builder, "private connect pc-1 has traffic on 2026-01-01 except from 10:10 to 10:35",
                        "a request for the traffic of private connect pc-1 from 10:00 to 11:00 on 2026-01-01",
                        ACTION, SdnPacts.privateConnectBody("pc-1", "2026-01-01T10:00:00Z", "2026-01-01T10:59:59Z")),
                SdnPacts.exactlyThesePoints(hourWithGap(), Spelling.SDK, Map.of())).toPact();
    }

    static List<Point> hourWithGap() {
        return List.of(
                new Point("2026-01-01T10:00:00Z", 900_000, 12_000),
                new Point("2026-01-01T10:05:00Z", 910_000, 12_100),
                new Point("2026-01-01T10:35:00Z", 950_000, 12_500),
                new Point("2026-01-01T10:40:00Z", 960_000, 12_600),
                new Point("2026-01-01T10:45:00Z", 970_000, 12_700),
                new Point("2026-01-01T10:50:00Z", 980_000, 12_800),
                new Point("2026-01-01T10:55:00Z", 990_000, 12_900));
    }

    @Test
    @PactTestFor(pactMethod = "anHourWithAGap")
    void omitted_points_are_missing_samples(MockServer server) {
        SourceAnswer answer = SdnPacts.fetch(server,
                call("pc-1", "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z")).get();

        double nan = Double.NaN;
        assertThat(answer.series(Metric.BITRATE_IN).orElseThrow().values()).containsExactly(
                900_000, 910_000, nan, nan, nan, nan, nan, 950_000, 960_000, 970_000, 980_000, 990_000);
        assertThat(answer.series(Metric.BITRATE_OUT).orElseThrow().values()).containsExactly(
                12_000, 12_100, nan, nan, nan, nan, nan, 12_500, 12_600, 12_700, 12_800, 12_900);
    }

    // --- the vendor's documented example of DescribePrivateConnectTraffic, in the doc page's in/out spelling ---

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact theDocumentedExample(PactDslWithProvider builder) {
        List<Point> example = List.of(
                new Point("2023-01-01T00:00:00Z", 873034, 11971),
                new Point("2023-01-01T00:05:00Z", 873034, 11971),
                new Point("2023-01-01T00:10:00Z", 635218, 9028));
        Map<String, Number> summary = new LinkedHashMap<>();
        summary.put("in95", 873034);
        summary.put("inAvg", 793762);
        summary.put("inMax", 873034);
        summary.put("inMin", 635218);
        summary.put("out95", 11971);
        summary.put("outAvg", 10990);
        summary.put("outMax", 11971);
        summary.put("outMin", 9028);
        return SdnPacts.respondWithTraffic(
                SdnPacts.signedPost(builder,
                        "private connect your-private-connect-id has the documented example traffic on 2023-01-01",
                        "the documented example request for private connect your-private-connect-id",
                        ACTION, SdnPacts.privateConnectBody("your-private-connect-id", "2023-01-01T00:00:00Z",
                                "2023-01-01T23:59:59Z")),
                SdnPacts.exactlyThesePoints(example, Spelling.DOC, summary)).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "theDocumentedExample")
    void reads_the_documented_example(MockServer server) {
        SourceAnswer answer = SdnPacts.fetch(server,
                call("your-private-connect-id", "2023-01-01T00:00:00Z", "2023-01-02T00:00:00Z")).get();

        TrafficSeries in = answer.series(Metric.BITRATE_IN).orElseThrow();
        assertThat(in.values()).startsWith(873034, 873034, 635218);
        assertThat(in.presentCount()).isEqualTo(3);
        assertThat(answer.series(Metric.BITRATE_OUT).orElseThrow().values()).startsWith(11971, 11971, 9028);
        assertThat(answer.vendorFigures()).contains(new VendorFigure("inAvg", Metric.BITRATE_IN, 793762, "bps"));
    }

    // --- errors ---

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact anUnknownPrivateConnect(PactDslWithProvider builder) {
        return SdnPacts.respondWithError(SdnPacts.signedPost(builder, "private connect pc-missing does not exist",
                "a request for the traffic of private connect pc-missing on 2026-01-01", ACTION,
                jan1Body("pc-missing")), 404, "INVALID_PRIVATE_CONNECT_NOT_FOUND").toPact();
    }

    @Test
    @PactTestFor(pactMethod = "anUnknownPrivateConnect")
    void an_unknown_private_connect_is_not_found(MockServer server) {
        SourceFailure failure = SdnPacts.failure(server, jan1("pc-missing"), ErrorKind.NOT_FOUND,
                "INVALID_PRIVATE_CONNECT_NOT_FOUND");

        assertThat(failure.message()).contains("private connect pc-missing");
    }

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact aDayPastRetention(PactDslWithProvider builder) {
        return SdnPacts.respondWithError(SdnPacts.signedPost(builder,
                "private connect pc-1 exists and today is 2026-03-01",
                "a request for the traffic of private connect pc-1 on 2026-01-01, 59 days ago", ACTION,
                jan1Body("pc-1")), 403, "TIME_OUT_OF_RANGE").toPact();
    }

    @Test
    @PactTestFor(pactMethod = "aDayPastRetention")
    void a_day_past_the_30_days_kept_is_out_of_retention(MockServer server) {
        SdnPacts.failure(server, jan1("pc-1"), ErrorKind.OUT_OF_RETENTION, "TIME_OUT_OF_RANGE");
    }

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact twoDaysInOneCall(PactDslWithProvider builder) {
        return SdnPacts.respondWithError(SdnPacts.signedPost(builder,
                "private connect pc-1 has traffic on 2026-01-01 and 2026-01-02",
                "a request for two days of traffic of private connect pc-1 in one call", ACTION,
                SdnPacts.privateConnectBody("pc-1", DAY_START, "2026-01-02T23:59:59Z")),
                403, "INVALID_TIME_RANGE").toPact();
    }

    @Test
    @PactTestFor(pactMethod = "twoDaysInOneCall")
    void a_span_over_one_day_is_a_vendor_error_with_its_code(MockServer server) {
        SdnPacts.failure(server, call("pc-1", DAY_START, "2026-01-03T00:00:00Z"), ErrorKind.VENDOR_ERROR,
                "INVALID_TIME_RANGE");
    }

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact startNotBeforeEnd(PactDslWithProvider builder) {
        return SdnPacts.respondWithError(SdnPacts.signedPost(builder,
                "the provider refuses every time range as starting after its end",
                "a request for private connect pc-1 that the provider reads as starting after its end", ACTION,
                jan1Body("pc-1")), 403, "INVALID_START_TIME_MUST_BEFORE_END_TIME").toPact();
    }

    @Test
    @PactTestFor(pactMethod = "startNotBeforeEnd")
    void a_start_not_before_the_end_is_a_vendor_error_with_its_code(MockServer server) {
        SdnPacts.failure(server, jan1("pc-1"), ErrorKind.VENDOR_ERROR, "INVALID_START_TIME_MUST_BEFORE_END_TIME");
    }

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact badTimeFormat(PactDslWithProvider builder) {
        return SdnPacts.respondWithError(SdnPacts.signedPost(builder,
                "the provider refuses every time as badly formatted",
                "a request for private connect pc-1 whose times the provider refuses", ACTION,
                jan1Body("pc-1")), 403, "INVALID_TIME_FORMAT").toPact();
    }

    @Test
    @PactTestFor(pactMethod = "badTimeFormat")
    void a_refused_time_format_is_a_vendor_error_with_its_code(MockServer server) {
        SdnPacts.failure(server, jan1("pc-1"), ErrorKind.VENDOR_ERROR, "INVALID_TIME_FORMAT");
    }

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact aRefusedSignature(PactDslWithProvider builder) {
        return SdnPacts.respondWithError(SdnPacts.signedPost(builder,
                "access key pact-access-key is not accepted",
                "a request for private connect pc-1 signed with a key the provider does not accept", ACTION,
                jan1Body("pc-1")), 401, "AUTHFAILURE_SIGNATURE_FAILURE").toPact();
    }

    @Test
    @PactTestFor(pactMethod = "aRefusedSignature")
    void a_refused_signature_is_unauthenticated(MockServer server) {
        SdnPacts.failure(server, jan1("pc-1"), ErrorKind.UNAUTHENTICATED, "AUTHFAILURE_SIGNATURE_FAILURE");
    }

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact throttled(PactDslWithProvider builder) {
        return SdnPacts.respondWithError(SdnPacts.signedPost(builder,
                "access key pact-access-key has used up its request rate",
                "a request for private connect pc-1 over the request rate", ACTION,
                jan1Body("pc-1")), 429, "REQUEST_LIMIT_EXCEEDED").toPact();
    }

    @Test
    @PactTestFor(pactMethod = "throttled")
    void throttling_is_rate_limited(MockServer server) {
        SdnPacts.failure(server, jan1("pc-1"), ErrorKind.RATE_LIMITED, "REQUEST_LIMIT_EXCEEDED");
    }

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact temporarilyUnavailable(PactDslWithProvider builder) {
        return SdnPacts.respondWithError(SdnPacts.signedPost(builder,
                "the provider is temporarily unavailable",
                "a request for private connect pc-1 while the provider is unavailable", ACTION,
                jan1Body("pc-1")), 503, "SERVICE_TEMPORARY_UNAVAILABLE").toPact();
    }

    @Test
    @PactTestFor(pactMethod = "temporarilyUnavailable")
    void a_temporary_outage_is_vendor_unavailable(MockServer server) {
        SdnPacts.failure(server, jan1("pc-1"), ErrorKind.VENDOR_UNAVAILABLE, "SERVICE_TEMPORARY_UNAVAILABLE");
    }
}
