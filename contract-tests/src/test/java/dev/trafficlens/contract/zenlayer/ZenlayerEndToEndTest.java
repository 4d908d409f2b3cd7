package dev.trafficlens.contract.zenlayer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.zenlayer.ZenlayerConfig;
import dev.trafficlens.adapters.zenlayer.ZenlayerTrafficSource;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.TrafficError;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorFigure;
import dev.trafficlens.domain.model.VendorSummary;
import dev.trafficlens.domain.model.ZenlayerCloudRouterDcPair;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.VendorSandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Zenlayer adapter, through the domain's query service, against the sandbox over HTTP: a 30-day window is
 * planned into 30 one-day calls per resource, each signed by the adapter and verified by the sandbox, and the stitched
 * series are exactly the sandbox's TrafficModel, gaps included.
 */
class ZenlayerEndToEndTest {

    /** Two minutes before the window's end: the whole window is within 30 days and nothing lies in the future. */
    private static final Instant NOW = Instant.parse("2026-02-28T23:58:00Z");
    private static final Instant FROM = Instant.parse("2026-01-30T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RateLimit FAST = RateLimit.assumedPerSecond(50);

    private static VendorSandbox sandbox;
    private static TrafficQueryService service;

    @BeforeAll
    static void start() {
        sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withClock(CLOCK));
        service = serviceSigningWith(sandbox.credentials().accessKeySecret());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.calls().reset();
        sandbox.faults().clear();
    }

    @Test
    void thirty_days_of_a_private_connect_are_thirty_calls_and_exactly_the_model() {
        ZenlayerPrivateConnect link = new ZenlayerPrivateConnect("pc-e2e");

        TrafficResult result = success(run(service, link));

        assertThat(sandbox.calls().of("DescribePrivateConnectTraffic")).isEqualTo(30);
        assertSeriesAreTheModel(result, "pc-e2e");
        assertVendorSummariesAreNearestRankOfEachDay(result, "pc-e2e");
    }

    @Test
    void thirty_days_of_a_cloud_router_pair_are_thirty_calls_and_exactly_the_model() {
        ZenlayerCloudRouterDcPair pair = new ZenlayerCloudRouterDcPair("cr-e2e", "dc-a", "dc-z");

        TrafficResult result = success(run(service, pair));

        assertThat(sandbox.calls().of("DescribeCloudRouterDCToDCTraffic")).isEqualTo(30);
        assertSeriesAreTheModel(result, "cr-e2e:dc-a:dc-z");
    }

    @Test
    void an_unknown_private_connect_is_not_found_with_the_vendor_code_and_request_id() {
        SourceFailure failure = failure(run(service, new ZenlayerPrivateConnect("missing-pc")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure.vendorCode()).hasValue("INVALID_PRIVATE_CONNECT_NOT_FOUND");
        assertThat(failure.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("T"));
    }

    @Test
    void an_unknown_data_centre_is_not_found() {
        SourceFailure failure = failure(run(service, new ZenlayerCloudRouterDcPair("cr-e2e", "missing-dc", "dc-z")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure.vendorCode()).hasValue("INVALID_DATACENTER_NOT_FOUND");
    }

    @Test
    void a_wrong_password_is_unauthenticated_without_retries() {
        TrafficQueryService wrongKeys = serviceSigningWith("not-the-sandbox-password");

        SourceFailure failure = failure(run(wrongKeys, new ZenlayerPrivateConnect("pc-e2e")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
        assertThat(failure.vendorCode()).hasValue("AUTHFAILURE_SIGNATURE_FAILURE");
        assertThat(sandbox.calls().of("DescribePrivateConnectTraffic"))
                .as("at most one call per planned day: a refused signature is not retried")
                .isBetween(1L, 30L);
    }

    private static void assertSeriesAreTheModel(TrafficResult result, String resourceId) {
        TrafficModel model = sandbox.traffic();
        assertSeries(result.series(Metric.BITRATE_IN).orElseThrow(), model, resourceId, TrafficModel.Direction.IN);
        assertSeries(result.series(Metric.BITRATE_OUT).orElseThrow(), model, resourceId, TrafficModel.Direction.OUT);
    }

    private static void assertSeries(TrafficSeries series, TrafficModel model, String resourceId,
            TrafficModel.Direction direction) {
        double[] expected = new double[(int) (Duration.between(FROM, TO).getSeconds() / TrafficModel.SLOT_SECONDS)];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = model.bitsPerSecond(resourceId, direction, FROM.getEpochSecond() + i * TrafficModel.SLOT_SECONDS);
        }
        assertThat(series.start()).isEqualTo(FROM);
        assertThat(series.end()).isEqualTo(TO);
        assertThat(series.values()).containsExactly(expected);
        assertThat(series.size() - series.presentCount())
                .as("gaps reported as missing samples")
                .isPositive()
                .isEqualTo((int) Arrays.stream(expected).filter(Double::isNaN).count());
    }

    /** Zenlayer's own in95 of each day: nearest rank over the day's present samples, which the sandbox computed. */
    private static void assertVendorSummariesAreNearestRankOfEachDay(TrafficResult result, String resourceId) {
        assertThat(result.vendorSummaries()).hasSize(30);
        for (VendorSummary summary : result.vendorSummaries()) {
            List<Double> present = new ArrayList<>();
            for (long time = summary.window().from().getEpochSecond(); time < summary.window().to().getEpochSecond();
                    time += TrafficModel.SLOT_SECONDS) {
                double rate = sandbox.traffic().bitsPerSecond(resourceId, TrafficModel.Direction.IN, time);
                if (!Double.isNaN(rate)) {
                    present.add(rate);
                }
            }
            present.sort(null);
            double expected95 = present.get((int) Math.ceil(0.95 * present.size() - 1e-9) - 1);
            assertThat(summary.figures()).filteredOn(figure -> figure.name().equals("in95"))
                    .extracting(VendorFigure::value)
                    .containsExactly(expected95);
        }
    }

    private static TrafficQueryService serviceSigningWith(String password) {
        ZenlayerTrafficSource adapter = new ZenlayerTrafficSource(ZenlayerConfig.builder()
                .endpoint(sandbox.baseUrl())
                .accessKeyId(sandbox.credentials().accessKeyId())
                .accessKeyPassword(password)
                .rateLimit(FAST)
                .clock(CLOCK)
                .build());
        QuerySettings settings = QuerySettings.DEFAULTS
                .withRateLimit(Source.ZENLAYER_PRIVATE_CONNECT, FAST)
                .withRateLimit(Source.ZENLAYER_CLOUD_ROUTER, FAST);
        return new TrafficQueryService(List.of(adapter), CLOCK, settings);
    }

    private static QueryOutcome run(TrafficQueryService traffic, ResourceRef resource) {
        return traffic.run(List.of(TrafficQuery.of(resource, FROM, TO))).toCompletableFuture().join().get(0);
    }

    private static TrafficResult success(QueryOutcome outcome) {
        assertThat(outcome.errors()).isEmpty();
        return outcome.result().get();
    }

    private static SourceFailure failure(QueryOutcome outcome) {
        assertThat(outcome.isSuccess()).isFalse();
        TrafficError error = outcome.errors().get(0);
        assertThat(error).isInstanceOf(SourceFailure.class);
        return (SourceFailure) error;
    }
}
