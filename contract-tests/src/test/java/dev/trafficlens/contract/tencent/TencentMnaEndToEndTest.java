package dev.trafficlens.contract.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.tencentmna.TencentMnaConfig;
import dev.trafficlens.adapters.tencentmna.TencentMnaTrafficSource;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TrafficError;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.sandbox.FaultRule;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.VendorSandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real tencent-mna adapter, through the domain's query service, against the sandbox's GetFlowStatisticByRegion. */
class TencentMnaEndToEndTest {

    private static final Instant NOW = Instant.parse("2026-01-31T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long HOUR = 3_600;

    private VendorSandbox sandbox;
    private TrafficQueryService service;

    @BeforeEach
    void start() {
        sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withClock(CLOCK));
        TencentMnaConfig config = TencentMnaConfig.builder()
                .endpoint(sandbox.baseUrl())
                .secretId(sandbox.credentials().accessKeyId())
                .secretKey(sandbox.credentials().accessKeySecret())
                .clock(CLOCK)
                .build();
        service = new TrafficQueryService(List.of(new TencentMnaTrafficSource(config)), CLOCK, QuerySettings.DEFAULTS);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /**
     * The planner starts one hour inside the 30-day retention edge (a vendor checks it a moment later), so the first
     * hour is missing; the rest arrives in five calls of at most 7 days, each asked once per Type.
     */
    @Test
    void thirty_days_of_hourly_volumes_arrive_in_five_calls_per_type_exactly_as_the_model_sums_them() {
        Instant from = NOW.minus(Duration.ofDays(30));

        TrafficResult result = run(TrafficQuery.of(new TencentMnaRegion(0, Optional.of("MC")), from, NOW))
                .result().get();

        assertSeries(result.series(Metric.VOLUME_OUT).orElseThrow(), "mna-0-MC", 1, from);
        assertSeries(result.series(Metric.VOLUME_IN).orElseThrow(), "mna-0-MC", 2, from);
        assertSeries(result.series(Metric.VOLUME_TOTAL).orElseThrow(), "mna-0-MC", 3, from);
        assertThat(sandbox.calls().of("GetFlowStatisticByRegion")).isEqualTo(15);
    }

    @Test
    void five_minute_buckets_show_the_model_s_gaps_as_missing_samples() {
        Instant from = NOW.minus(Duration.ofDays(7));

        TrafficResult result = run(TrafficQuery.of(TencentMnaRegion.allRegions(1), from, NOW)
                .withStep(Step.FIVE_MINUTES).withMetrics(Metric.VOLUME_IN)).result().get();

        TrafficSeries in = result.series(Metric.VOLUME_IN).orElseThrow();
        double[] expected = new double[7 * 288];
        for (int i = 0; i < expected.length; i++) {
            long slot = from.getEpochSecond() + 300L * i;
            expected[i] = sandbox.traffic().isGap("mna-1-ALL", slot) ? Double.NaN
                    : sandbox.traffic().bytesInSlot("mna-1-ALL", TrafficModel.Direction.IN, slot);
        }
        assertThat(in.values()).containsExactly(expected);
        assertThat(in.presentCount()).isLessThan(in.size());
        assertThat(sandbox.calls().of("GetFlowStatisticByRegion")).isEqualTo(1);
    }

    @Test
    void a_five_minute_bit_rate_is_the_model_s_bytes_times_8_over_300_read_from_volume_requests_only() {
        Instant from = NOW.minus(Duration.ofDays(2));

        TrafficResult result = run(TrafficQuery.of(new TencentMnaRegion(0, Optional.of("AP")), from, NOW)
                .withStep(Step.FIVE_MINUTES).withMetrics(Metric.BITRATE_OUT)).result().get();

        TrafficSeries out = result.series(Metric.BITRATE_OUT).orElseThrow();
        assertThat(result.series()).hasSize(1);
        assertThat(result.isDerived(Metric.BITRATE_OUT)).isTrue();
        double[] expected = new double[2 * 288];
        for (int i = 0; i < expected.length; i++) {
            long slot = from.getEpochSecond() + 300L * i;
            expected[i] = sandbox.traffic().isGap("mna-0-AP", slot) ? Double.NaN
                    : sandbox.traffic().bytesInSlot("mna-0-AP", TrafficModel.Direction.OUT, slot) * 8 / 300;
        }
        assertThat(out.values()).containsExactly(expected);
        assertThat(out.presentCount()).isLessThan(out.size());
        // One request, of Type 1 (uplink bytes): the vendor is never asked for a bit rate.
        assertThat(sandbox.calls().of("GetFlowStatisticByRegion")).isEqualTo(1);
    }

    @Test
    void vendor_errors_arrive_as_their_kinds() {
        sandbox.faults().add(FaultRule.forResources("mna-1-EU", FaultRule.Kind.SERVER_ERROR));
        sandbox.faults().add(FaultRule.forResources("mna-1-AP", FaultRule.Kind.THROTTLED));
        Instant from = NOW.minus(Duration.ofHours(2));

        QueryOutcome failing = run(TrafficQuery.of(new TencentMnaRegion(1, Optional.of("EU")), from, NOW)
                .withMetrics(Metric.VOLUME_TOTAL));
        QueryOutcome throttled = run(TrafficQuery.of(new TencentMnaRegion(1, Optional.of("AP")), from, NOW)
                .withMetrics(Metric.VOLUME_TOTAL));

        assertThat(failing.errors()).extracting(TrafficError::kind).containsOnly(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(throttled.errors()).extracting(TrafficError::kind).containsOnly(ErrorKind.RATE_LIMITED);
    }

    private void assertSeries(TrafficSeries series, String resource, int type, Instant from) {
        assertThat(series.start()).isEqualTo(from);
        double[] expected = new double[30 * 24];
        expected[0] = Double.NaN; // the hour at the retention edge is not asked for
        for (int hour = 1; hour < expected.length; hour++) {
            expected[hour] = hourly(resource, type, from.getEpochSecond() + hour * HOUR);
        }
        assertThat(series.values()).as("%s Type %d", resource, type).containsExactly(expected);
    }

    /** Bytes of one hour as the vendor defines them: the slots' bytes summed, NaN when every slot is a gap. */
    private double hourly(String resource, int type, long hour) {
        double bytes = 0;
        boolean sampled = false;
        for (long slot = hour; slot < hour + HOUR; slot += 300) {
            if (!sandbox.traffic().isGap(resource, slot)) {
                sampled = true;
                bytes += (type == 1 ? 0 : sandbox.traffic().bytesInSlot(resource, TrafficModel.Direction.IN, slot))
                        + (type == 2 ? 0 : sandbox.traffic().bytesInSlot(resource, TrafficModel.Direction.OUT, slot));
            }
        }
        return sampled ? bytes : Double.NaN;
    }

    private QueryOutcome run(TrafficQuery query) {
        return service.run(List.of(query)).toCompletableFuture().join().get(0);
    }
}
