package dev.trafficlens.adapters.zenlayer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorFigure;
import dev.trafficlens.domain.model.ZenlayerCloudRouterDcPair;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zenlayer's answer quirks, each shown by a fixture under src/test/resources/fixtures/zenlayer and read by the real adapter. */
class ZenlayerResponseParsingTest {

    private static final double NAN = Double.NaN;
    private static final TimeWindow JAN_1 = TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
    private static final Set<Metric> BOTH = Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT);

    private StubVendor vendor;
    private ZenlayerTrafficSource adapter;

    @BeforeEach
    void start() {
        vendor = StubVendor.start();
        adapter = new ZenlayerTrafficSource(ZenlayerConfig.builder()
                .endpoint(vendor.endpoint())
                .accessKeyId("parse-key")
                .accessKeyPassword("parse-password")
                .retryPolicy(RetryPolicy.noRetries(Duration.ofSeconds(10)))
                .build());
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private Either<SourceFailure, SourceAnswer> answer(String fixture, PlannedCall call) {
        vendor.then(StubVendor.Reply.json(200, ZenlayerReplies.fixture(fixture)));
        return adapter.fetch(call).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
    }

    private static PlannedCall call(ResourceRef resource, TimeWindow window, Set<Metric> metrics) {
        return new PlannedCall(resource, window, Step.FIVE_MINUTES, metrics);
    }

    private static PlannedCall privateConnectDay(String id) {
        return call(new ZenlayerPrivateConnect(id), JAN_1, BOTH);
    }

    /** The first {@code values.length} slots of {@code series}, the rest asserted missing. */
    private static void assertStartsWith(TrafficSeries series, double... values) {
        assertThat(series.values()).startsWith(values);
        for (int i = values.length; i < series.size(); i++) {
            assertThat(series.isPresent(i)).as("slot %d of %s", i, series).isFalse();
        }
    }

    private static SourceAnswer success(Either<SourceFailure, SourceAnswer> answer) {
        assertThat(answer.isRight()).as("%s", answer).isTrue();
        return answer.get();
    }

    @Test
    void reads_the_seed_002_private_connect_example_in_the_in_out_spelling() {
        PlannedCall call = call(new ZenlayerPrivateConnect("your-private-connect-id"),
                TimeWindow.of("2023-01-01T00:00:00Z", "2023-01-02T00:00:00Z"), BOTH);

        SourceAnswer answer = success(answer("private-connect-documented-example-in-out-spelling.json", call));

        TrafficSeries in = answer.series(Metric.BITRATE_IN).orElseThrow();
        assertThat(in.start()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(in.size()).isEqualTo(288);
        assertThat(in.unit()).isEqualTo("bps");
        assertStartsWith(in, 873034, 873034, 635218);
        assertStartsWith(answer.series(Metric.BITRATE_OUT).orElseThrow(), 11971, 11971, 9028);
        assertThat(answer.vendorFigures()).containsExactly(
                new VendorFigure("in95", Metric.BITRATE_IN, 873034, "bps"),
                new VendorFigure("inAvg", Metric.BITRATE_IN, 793762, "bps"),
                new VendorFigure("inMax", Metric.BITRATE_IN, 873034, "bps"),
                new VendorFigure("inMin", Metric.BITRATE_IN, 635218, "bps"),
                new VendorFigure("out95", Metric.BITRATE_OUT, 11971, "bps"),
                new VendorFigure("outAvg", Metric.BITRATE_OUT, 10990, "bps"),
                new VendorFigure("outMax", Metric.BITRATE_OUT, 11971, "bps"),
                new VendorFigure("outMin", Metric.BITRATE_OUT, 9028, "bps"));
    }

    @Test
    void reads_the_seed_004_cloud_router_example_in_the_internet_rx_tx_spelling() {
        PlannedCall call = call(new ZenlayerCloudRouterDcPair("your-cloudrouter-id", "source-dc-id",
                "destination-dc-id"), JAN_1, BOTH);

        SourceAnswer answer = success(answer("cloud-router-documented-example-internet-rx-tx-spelling.json", call));

        assertStartsWith(answer.series(Metric.BITRATE_IN).orElseThrow(), 873034, 873034, 635218);
        assertStartsWith(answer.series(Metric.BITRATE_OUT).orElseThrow(), 11971, 11971, 9028);
        assertThat(answer.vendorFigures()).hasSize(8)
                .contains(new VendorFigure("outAvg", Metric.BITRATE_OUT, 10990, "bps"));
    }

    @Test
    void numbers_may_be_text_and_may_exceed_the_int_range() {
        SourceAnswer answer = success(answer("numbers-as-strings-and-beyond-int-range.json", privateConnectDay("pc-1")));

        assertStartsWith(answer.series(Metric.BITRATE_IN).orElseThrow(), 873034, 5_000_000_000d, 635218.5);
        assertStartsWith(answer.series(Metric.BITRATE_OUT).orElseThrow(), 11971, 12_000_000_000d, 9028);
        assertThat(answer.vendorFigures())
                .contains(new VendorFigure("in95", Metric.BITRATE_IN, 5_000_000_000d, "bps"),
                        new VendorFigure("outAvg", Metric.BITRATE_OUT, 4_000_006_999d, "bps"));
    }

    @Test
    void a_null_value_or_an_omitted_point_is_a_missing_sample() {
        SourceAnswer answer = success(answer("null-values-and-omitted-points-are-gaps.json", privateConnectDay("pc-1")));

        assertStartsWith(answer.series(Metric.BITRATE_IN).orElseThrow(), 1000, NAN, 3000, NAN, NAN, 6000);
        assertStartsWith(answer.series(Metric.BITRATE_OUT).orElseThrow(), 10, 20, NAN, NAN, NAN, 60);
    }

    @Test
    void a_negative_rate_is_no_measurement_and_stays_missing() {
        SourceAnswer answer = success(answer("negative-value-is-missing.json", privateConnectDay("pc-1")));

        assertStartsWith(answer.series(Metric.BITRATE_IN).orElseThrow(), NAN, 2000);
        assertStartsWith(answer.series(Metric.BITRATE_OUT).orElseThrow(), 100, NAN);
    }

    @Test
    void totals_are_kept_as_byte_volumes_when_the_vendor_sends_them() {
        SourceAnswer answer = success(answer("totals-present-go-sdk-shape.json", privateConnectDay("pc-1")));

        assertThat(answer.vendorFigures()).contains(
                new VendorFigure("inTotal", Metric.VOLUME_IN, 300000, "B"),
                new VendorFigure("outTotal", Metric.VOLUME_OUT, 30000, "B"),
                new VendorFigure("in95", Metric.BITRATE_IN, 8000, "bps"));
        assertThat(answer.vendorFigures()).hasSize(10);
    }

    @Test
    void samples_off_the_window_are_dropped_and_an_off_grid_time_labels_its_interval() {
        SourceAnswer answer = success(answer("points-off-the-window-and-off-the-grid.json", privateConnectDay("pc-1")));

        TrafficSeries in = answer.series(Metric.BITRATE_IN).orElseThrow();
        assertThat(in.presentCount()).isEqualTo(3);
        assertThat(in.valueAt(0)).isEqualTo(1000);
        assertThat(in.valueAt(1)).as("00:07:30 lies in the 00:05 interval").isEqualTo(2000);
        assertThat(in.valueAt(287)).isEqualTo(9000);
        assertThat(in.values()).doesNotContain(111, 222);
    }

    @Test
    void the_sdk_spelling_wins_when_a_point_carries_both_and_the_doc_spelling_fills_a_null() {
        SourceAnswer answer = success(answer("both-spellings-in-one-point.json", privateConnectDay("pc-1")));

        assertStartsWith(answer.series(Metric.BITRATE_IN).orElseThrow(), 1000, 2000);
        assertStartsWith(answer.series(Metric.BITRATE_OUT).orElseThrow(), 100, 200);
    }

    @Test
    void a_larger_bandwidth_unit_is_scaled_to_bits_per_second() {
        SourceAnswer answer = success(answer("unit-in-mbps.json", privateConnectDay("pc-1")));

        assertStartsWith(answer.series(Metric.BITRATE_IN).orElseThrow(), 1_500_000);
        assertStartsWith(answer.series(Metric.BITRATE_OUT).orElseThrow(), 250_000);
        assertThat(answer.vendorFigures()).containsExactly(
                new VendorFigure("in95", Metric.BITRATE_IN, 1_500_000, "bps"),
                new VendorFigure("out95", Metric.BITRATE_OUT, 250_000, "bps"));
    }

    @Test
    void an_empty_day_is_a_day_of_missing_samples_not_an_error() {
        SourceAnswer answer = success(answer("empty-day.json", privateConnectDay("pc-1")));

        assertThat(answer.series()).hasSize(2).allSatisfy(series -> {
            assertThat(series.size()).isEqualTo(288);
            assertThat(series.presentCount()).isZero();
        });
        assertThat(answer.vendorFigures()).isEmpty();
    }

    @Test
    void only_the_requested_metric_comes_back_with_only_its_figures() {
        PlannedCall inOnly = call(new ZenlayerPrivateConnect("pc-1"), JAN_1, Set.of(Metric.BITRATE_IN));

        SourceAnswer answer = success(answer("totals-present-go-sdk-shape.json", inOnly));

        assertThat(answer.series()).extracting(TrafficSeries::metric).containsExactly(Metric.BITRATE_IN);
        assertThat(answer.vendorFigures()).extracting(VendorFigure::name)
                .containsExactly("in95", "inAvg", "inMax", "inMin", "inTotal");
    }

    @Test
    void a_window_shorter_than_a_day_gets_series_of_exactly_that_window() {
        PlannedCall hour = call(new ZenlayerPrivateConnect("pc-1"),
                TimeWindow.of("2026-01-01T00:05:00Z", "2026-01-01T00:15:00Z"), BOTH);

        SourceAnswer answer = success(answer("null-values-and-omitted-points-are-gaps.json", hour));

        TrafficSeries in = answer.series(Metric.BITRATE_IN).orElseThrow();
        assertThat(in.window()).isEqualTo(hour.window());
        assertThat(in.values()).containsExactly(NAN, 3000);
        assertThat(answer.series(Metric.BITRATE_OUT).orElseThrow().values()).containsExactly(20, NAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "malformed-unreadable-time.json",
        "malformed-value-not-a-number.json",
        "malformed-unknown-unit.json",
        "malformed-data-list-not-a-list.json"})
    void data_that_would_come_out_wrong_is_a_malformed_response_with_the_request_id(String fixture) {
        SourceFailure failure = answer(fixture, privateConnectDay("pc-1")).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(failure.requestId()).isPresent();
        assertThat(failure.message()).startsWith("zenlayer.private-connect answered something unreadable");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"requestId\":\"T1\"}",
        "{\"requestId\":\"T1\",\"response\":[]}",
        "{\"requestId\":\"T1\",\"response\":\"ok\"}",
        "{\"requestId\":\"T1\",\"response\":{\"dataList\":[1,2,3]}}",
        "[{\"response\":{}}]",
        "\"response\"",
        "{\"requestId\":\"T1\",\"response\":{\"dataList\":[{\"internetRX\":1}]}}"})
    void bodies_of_the_wrong_shape_are_malformed_responses(String body) {
        vendor.then(StubVendor.Reply.json(200, body));

        SourceFailure failure = adapter.fetch(privateConnectDay("pc-1")).toCompletableFuture().join().getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
    }

    @Test
    void an_error_envelope_under_http_200_is_read_as_the_error_it_names() {
        SourceFailure failure = answer("error-envelope-under-http-200.json", privateConnectDay("pc-gone")).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure.vendorCode()).hasValue("INVALID_PRIVATE_CONNECT_NOT_FOUND");
        assertThat(failure.requestId()).hasValue("T-error-200");
        assertThat(failure.message()).contains("private connect pc-gone");
    }
}
