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
import dev.trafficlens.domain.model.ZenlayerCloudRouterDcPair;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The adapter's contract with Zenlayer's DescribeCloudRouterDCToDCTraffic. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = SdnPacts.PROVIDER, pactVersion = PactSpecVersion.V3)
class ZenlayerCloudRouterPactTest {

    private static final String ACTION = "DescribeCloudRouterDCToDCTraffic";
    private static final String DAY_START = "2026-01-01T00:00:00Z";
    private static final String DAY_LAST_SECOND = "2026-01-01T23:59:59Z";
    private static final Set<Metric> BOTH = Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT);

    private static PlannedCall call(String router, String sourceDc, String destinationDc, String from, String to) {
        return new PlannedCall(new ZenlayerCloudRouterDcPair(router, sourceDc, destinationDc),
                TimeWindow.of(from, to), Step.FIVE_MINUTES, BOTH);
    }

    private static PlannedCall jan1(String sourceDc) {
        return call("cr-1", sourceDc, "dc-z", DAY_START, "2026-01-02T00:00:00Z");
    }

    private static String jan1Body(String sourceDc) {
        return SdnPacts.cloudRouterBody("cr-1", sourceDc, "dc-z", DAY_START, DAY_LAST_SECOND);
    }

    // --- a normal day ---

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact aDay(PactDslWithProvider builder) {
        List<Point> day = SdnPacts.aDayOfPoints();
        return SdnPacts.respondWithTraffic(
                SdnPacts.signedPost(builder, "cloud router cr-1 has traffic from dc-a to dc-z on 2026-01-01",
                        "a request for the traffic of cloud router cr-1 from dc-a to dc-z on 2026-01-01", ACTION,
                        jan1Body("dc-a")),
                SdnPacts.anyPoints(day, Spelling.SDK, SdnPacts.summaryOf(day))).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "aDay")
    void reads_a_day_of_data_centre_to_data_centre_bit_rates(MockServer server) {
        SourceAnswer answer = SdnPacts.fetch(server, jan1("dc-a")).get();

        List<Point> day = SdnPacts.aDayOfPoints();
        TrafficSeries in = answer.series(Metric.BITRATE_IN).orElseThrow();
        TrafficSeries out = answer.series(Metric.BITRATE_OUT).orElseThrow();
        for (int i = 0; i < 288; i++) {
            assertThat(in.valueAt(i)).isEqualTo(day.get(i).in());
            assertThat(out.valueAt(i)).isEqualTo(day.get(i).out());
        }
        assertThat(answer.vendorFigures()).extracting(VendorFigure::name)
                .containsExactly("in95", "inAvg", "inMax", "inMin", "out95", "outAvg", "outMax", "outMin");
    }

    // --- gaps ---

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact anHourWithAGap(PactDslWithProvider builder) {
        return SdnPacts.respondWithTraffic(
                SdnPacts.signedPost(builder,
                        "cloud router cr-1 has traffic from dc-a to dc-z on 2026-01-01 except from 10:10 to 10:35",
                        "a request for the traffic of cloud router cr-1 from dc-a to dc-z from 10:00 to 11:00 on "
                                + "2026-01-01", ACTION,
                        SdnPacts.cloudRouterBody("cr-1", "dc-a", "dc-z", "2026-01-01T10:00:00Z",
                                "2026-01-01T10:59:59Z")),
                SdnPacts.exactlyThesePoints(ZenlayerPrivateConnectPactTest.hourWithGap(), Spelling.SDK, Map.of()))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "anHourWithAGap")
    void omitted_points_are_missing_samples(MockServer server) {
        SourceAnswer answer = SdnPacts.fetch(server,
                call("cr-1", "dc-a", "dc-z", "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z")).get();

        TrafficSeries in = answer.series(Metric.BITRATE_IN).orElseThrow();
        assertThat(in.size()).isEqualTo(12);
        assertThat(in.presentCount()).isEqualTo(7);
        for (int slot = 2; slot <= 6; slot++) {
            assertThat(in.isPresent(slot)).as("slot %d", slot).isFalse();
        }
        assertThat(in.valueAt(7)).isEqualTo(950_000);
    }

    // --- the vendor's documented example of DescribeCloudRouterDCToDCTraffic, internetRX/internetTX spelling ---

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact theDocumentedExample(PactDslWithProvider builder) {
        List<Point> example = List.of(
                new Point("2026-01-01T00:00:00Z", 873034, 11971),
                new Point("2026-01-01T00:05:00Z", 873034, 11971),
                new Point("2026-01-01T00:10:00Z", 635218, 9028));
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
                SdnPacts.signedPost(builder, "cloud router your-cloudrouter-id has the documented example traffic "
                                + "from source-dc-id to destination-dc-id on 2026-01-01",
                        "the documented example request for cloud router your-cloudrouter-id", ACTION,
                        SdnPacts.cloudRouterBody("your-cloudrouter-id", "source-dc-id", "destination-dc-id",
                                DAY_START, DAY_LAST_SECOND)),
                SdnPacts.exactlyThesePoints(example, Spelling.SDK, summary)).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "theDocumentedExample")
    void reads_the_documented_example(MockServer server) {
        SourceAnswer answer = SdnPacts.fetch(server, call("your-cloudrouter-id", "source-dc-id",
                "destination-dc-id", DAY_START, "2026-01-02T00:00:00Z")).get();

        assertThat(answer.series(Metric.BITRATE_IN).orElseThrow().values()).startsWith(873034, 873034, 635218);
        assertThat(answer.series(Metric.BITRATE_OUT).orElseThrow().values()).startsWith(11971, 11971, 9028);
        assertThat(answer.series(Metric.BITRATE_OUT).orElseThrow().presentCount()).isEqualTo(3);
        assertThat(answer.vendorFigures()).contains(new VendorFigure("out95", Metric.BITRATE_OUT, 11971, "bps"));
    }

    // --- errors ---

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact anUnknownDataCentre(PactDslWithProvider builder) {
        return SdnPacts.respondWithError(SdnPacts.signedPost(builder, "cloud router cr-1 has no data centre dc-missing",
                "a request for the traffic of cloud router cr-1 from dc-missing to dc-z on 2026-01-01", ACTION,
                jan1Body("dc-missing")), 404, "INVALID_DATACENTER_NOT_FOUND").toPact();
    }

    @Test
    @PactTestFor(pactMethod = "anUnknownDataCentre")
    void an_unknown_data_centre_is_not_found(MockServer server) {
        SourceFailure failure = SdnPacts.failure(server, jan1("dc-missing"), ErrorKind.NOT_FOUND,
                "INVALID_DATACENTER_NOT_FOUND");

        assertThat(failure.message()).contains("cloud router cr-1 from data centre dc-missing to dc-z");
    }

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact aDayPastRetention(PactDslWithProvider builder) {
        return SdnPacts.respondWithError(SdnPacts.signedPost(builder,
                "cloud router cr-1 has data centres dc-a and dc-z and today is 2026-03-01",
                "a request for the traffic of cloud router cr-1 from dc-a to dc-z on 2026-01-01, 59 days ago",
                ACTION, jan1Body("dc-a")), 403, "TIME_OUT_OF_RANGE").toPact();
    }

    @Test
    @PactTestFor(pactMethod = "aDayPastRetention")
    void a_day_past_the_30_days_kept_is_out_of_retention(MockServer server) {
        SdnPacts.failure(server, jan1("dc-a"), ErrorKind.OUT_OF_RETENTION, "TIME_OUT_OF_RANGE");
    }

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact twoDaysInOneCall(PactDslWithProvider builder) {
        return SdnPacts.respondWithError(SdnPacts.signedPost(builder,
                "cloud router cr-1 has traffic from dc-a to dc-z on 2026-01-01 and 2026-01-02",
                "a request for two days of traffic of cloud router cr-1 from dc-a to dc-z in one call", ACTION,
                SdnPacts.cloudRouterBody("cr-1", "dc-a", "dc-z", DAY_START, "2026-01-02T23:59:59Z")),
                403, "INVALID_TIME_RANGE").toPact();
    }

    @Test
    @PactTestFor(pactMethod = "twoDaysInOneCall")
    void a_span_over_one_day_is_a_vendor_error_with_its_code(MockServer server) {
        SdnPacts.failure(server, call("cr-1", "dc-a", "dc-z", DAY_START, "2026-01-03T00:00:00Z"),
                ErrorKind.VENDOR_ERROR, "INVALID_TIME_RANGE");
    }

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact startNotBeforeEnd(PactDslWithProvider builder) {
        return SdnPacts.respondWithError(SdnPacts.signedPost(builder,
                "the provider refuses every time range as starting after its end",
                "a request for cloud router cr-1 that the provider reads as starting after its end", ACTION,
                jan1Body("dc-a")), 403, "INVALID_START_TIME_MUST_BEFORE_END_TIME").toPact();
    }

    @Test
    @PactTestFor(pactMethod = "startNotBeforeEnd")
    void a_start_not_before_the_end_is_a_vendor_error_with_its_code(MockServer server) {
        SdnPacts.failure(server, jan1("dc-a"), ErrorKind.VENDOR_ERROR, "INVALID_START_TIME_MUST_BEFORE_END_TIME");
    }

    @Pact(consumer = SdnPacts.CONSUMER)
    public RequestResponsePact badTimeFormat(PactDslWithProvider builder) {
        return SdnPacts.respondWithError(SdnPacts.signedPost(builder,
                "the provider refuses every time as badly formatted",
                "a request for cloud router cr-1 whose times the provider refuses", ACTION,
                jan1Body("dc-a")), 403, "INVALID_TIME_FORMAT").toPact();
    }

    @Test
    @PactTestFor(pactMethod = "badTimeFormat")
    void a_refused_time_format_is_a_vendor_error_with_its_code(MockServer server) {
        SdnPacts.failure(server, jan1("dc-a"), ErrorKind.VENDOR_ERROR, "INVALID_TIME_FORMAT");
    }
}
