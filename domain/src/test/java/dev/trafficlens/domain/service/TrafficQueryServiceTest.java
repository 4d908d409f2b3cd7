package dev.trafficlens.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.TrafficError;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorFigure;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import dev.trafficlens.domain.stats.BillingRule;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrafficQueryServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-25T17:07:13Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final QuerySettings FAST = QuerySettings.DEFAULTS
            .withRateLimit(Source.QINGCLOUD_WAN, RateLimit.assumedPerSecond(10_000))
            .withRateLimit(Source.ZENLAYER_PRIVATE_CONNECT, RateLimit.assumedPerSecond(10_000))
            .withRateLimit(Source.TENCENT_VPN_CONNECTION, RateLimit.assumedPerSecond(10_000));

    private final QingCloudWanAccess wan = QingCloudWanAccess.of("pek3", "waif-6bm6mt85", "vpc");
    private final ZenlayerPrivateConnect link = new ZenlayerPrivateConnect("pc-1");

    @Test
    void fans_calls_out_in_parallel_up_to_the_bound_and_never_above() {
        FakeTrafficSource qingcloud = new FakeTrafficSource(40, Source.QINGCLOUD_WAN);
        TrafficQueryService service = new TrafficQueryService(List.of(qingcloud), CLOCK,
                FAST.withMaxConcurrentCallsPerSource(4));

        List<QueryOutcome> outcomes = run(service, TrafficQuery.of(wan, NOV_1, NOV_1.plus(Duration.ofDays(20))));

        assertThat(qingcloud.calls()).hasSize(20);
        assertThat(qingcloud.maxInFlight()).isEqualTo(4);
        assertThat(outcomes.get(0).isSuccess()).isTrue();
    }

    @Test
    void each_source_has_its_own_bound() {
        FakeTrafficSource qingcloud = new FakeTrafficSource(40, Source.QINGCLOUD_WAN);
        FakeTrafficSource zenlayer = new FakeTrafficSource(40, Source.ZENLAYER_PRIVATE_CONNECT);
        TrafficQueryService service = new TrafficQueryService(List.of(qingcloud, zenlayer), CLOCK,
                FAST.withMaxConcurrentCallsPerSource(3));

        run(service, TrafficQuery.of(wan, NOV_1, NOV_1.plus(Duration.ofDays(12))),
                TrafficQuery.of(link, NOV_1, NOV_1.plus(Duration.ofDays(12))));

        assertThat(qingcloud.maxInFlight()).isEqualTo(3);
        assertThat(zenlayer.maxInFlight()).isEqualTo(3);
    }

    @Test
    void a_source_with_its_own_bound_keeps_to_it_while_the_others_keep_the_common_one() {
        FakeTrafficSource qingcloud = new FakeTrafficSource(40, Source.QINGCLOUD_WAN);
        FakeTrafficSource zenlayer = new FakeTrafficSource(40, Source.ZENLAYER_PRIVATE_CONNECT);
        TrafficQueryService service = new TrafficQueryService(List.of(qingcloud, zenlayer), CLOCK,
                FAST.withMaxConcurrentCallsPerSource(3).withMaxConcurrentCalls(Source.ZENLAYER_PRIVATE_CONNECT, 6));

        run(service, TrafficQuery.of(wan, NOV_1, NOV_1.plus(Duration.ofDays(12))),
                TrafficQuery.of(link, NOV_1, NOV_1.plus(Duration.ofDays(12))));

        assertThat(qingcloud.maxInFlight()).isEqualTo(3);
        assertThat(zenlayer.maxInFlight()).isEqualTo(6);
    }

    @Test
    void a_window_past_the_retention_edge_is_answered_with_its_oldest_slots_missing_and_a_warning() {
        FakeTrafficSource zenlayer = new FakeTrafficSource(0, Source.ZENLAYER_PRIVATE_CONNECT);
        TrafficQueryService service = new TrafficQueryService(List.of(zenlayer), CLOCK, FAST);
        Instant anHourAgo = NOW.minus(Duration.ofHours(1));

        TrafficResult result = run(service, TrafficQuery.of(link, anHourAgo.minus(Duration.ofDays(30)), anHourAgo))
                .get(0).result().get();

        assertThat(result.warnings()).extracting(warning -> warning.kind().name())
                .containsExactly("PARTIAL_RETENTION");
        TrafficSeries in = result.series(Metric.BITRATE_IN).orElseThrow();
        int lost = result.warnings().get(0).slots().sampleCount(Step.FIVE_MINUTES);
        assertThat(lost).isEqualTo(13);
        for (int i = 0; i < in.size(); i++) {
            boolean vendorHasIt = !Double.isNaN(FakeTrafficSource.valueAt(Metric.BITRATE_IN, in.timeAt(i), 300));
            assertThat(in.isPresent(i)).as("slot %d", i).isEqualTo(i >= lost && vendorHasIt);
        }
    }

    @Test
    void stitches_a_month_of_calls_into_one_series_with_the_vendors_gaps() {
        FakeTrafficSource zenlayer = new FakeTrafficSource(0, Source.ZENLAYER_PRIVATE_CONNECT);
        TrafficQueryService service = new TrafficQueryService(List.of(zenlayer), CLOCK, FAST);
        Instant from = Instant.parse("2026-10-27T00:00:00Z");
        Instant to = Instant.parse("2026-11-25T00:00:00Z");

        TrafficResult result = run(service, TrafficQuery.of(link, from, to).withKey("pc-1 november"))
                .get(0).result().get();

        assertThat(zenlayer.calls()).hasSize(29);
        assertThat(result.key()).hasValue("pc-1 november");
        assertThat(result.source()).isEqualTo(Source.ZENLAYER_PRIVATE_CONNECT);
        TrafficSeries in = result.series(Metric.BITRATE_IN).orElseThrow();
        assertThat(in.size()).isEqualTo(29 * 288);
        for (int i = 0; i < in.size(); i++) {
            double expected = FakeTrafficSource.valueAt(Metric.BITRATE_IN, in.timeAt(i), 300);
            // Boxed, so that a gap (NaN) equals a gap.
            assertThat(Double.valueOf(in.valueAt(i))).as("slot %s", i).isEqualTo(Double.valueOf(expected));
        }
        assertThat(in.presentCount()).isLessThan(in.size());
        assertThat(result.billing95(BillingRule.HIGHER_DIRECTION)).isPresent();
    }

    @Test
    void resamples_to_the_requested_step() {
        FakeTrafficSource zenlayer = new FakeTrafficSource(0, Source.ZENLAYER_PRIVATE_CONNECT);
        TrafficQueryService service = new TrafficQueryService(List.of(zenlayer), CLOCK, FAST);

        TrafficResult result = run(service, TrafficQuery.of(link, NOV_1, NOV_1.plus(Duration.ofDays(1)))
                .withStep(Step.ONE_HOUR).withMetrics(Metric.BITRATE_OUT)).get(0).result().get();

        assertThat(zenlayer.calls()).singleElement().satisfies(call -> {
            assertThat(call.step()).isEqualTo(Step.FIVE_MINUTES);
            assertThat(call.metrics()).containsExactly(Metric.BITRATE_OUT);
        });
        assertThat(result.series()).singleElement().satisfies(series -> {
            assertThat(series.step()).isEqualTo(Step.ONE_HOUR);
            assertThat(series.size()).isEqualTo(24);
        });
    }

    @Test
    void one_failing_query_does_not_fail_another_and_its_errors_are_reported_once() {
        FakeTrafficSource zenlayer = new FakeTrafficSource(5, Source.ZENLAYER_PRIVATE_CONNECT).answering(call ->
                ((ZenlayerPrivateConnect) call.resource()).privateConnectId().equals("pc-gone")
                        ? Either.left(SourceFailure.of(ErrorKind.NOT_FOUND, Source.ZENLAYER_PRIVATE_CONNECT,
                                "no private connect pc-gone").withVendorCode("INVALID_PRIVATE_CONNECT_NOT_FOUND")
                                .withRequestId("T-1"))
                        : FakeTrafficSource.answer(call));
        TrafficQueryService service = new TrafficQueryService(List.of(zenlayer), CLOCK, FAST);

        List<QueryOutcome> outcomes = run(service,
                TrafficQuery.of(new ZenlayerPrivateConnect("pc-gone"), NOV_1, NOV_1.plus(Duration.ofDays(3))),
                TrafficQuery.of(link, NOV_1, NOV_1.plus(Duration.ofDays(3))));

        assertThat(outcomes.get(0).errors()).singleElement().satisfies(error -> {
            SourceFailure failure = (SourceFailure) error;
            assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
            assertThat(failure.vendorCode()).hasValue("INVALID_PRIVATE_CONNECT_NOT_FOUND");
            assertThat(failure.requestId()).hasValue("T-1");
        });
        assertThat(outcomes.get(1).isSuccess()).isTrue();
    }

    @Test
    void an_adapter_that_throws_fails_only_its_own_query_as_vendor_unavailable() {
        FakeTrafficSource broken = new FakeTrafficSource(0, Source.TENCENT_VPN_CONNECTION).answering(call -> {
            throw new IllegalStateException("connection reset");
        });
        FakeTrafficSource zenlayer = new FakeTrafficSource(0, Source.ZENLAYER_PRIVATE_CONNECT);
        TrafficQueryService service = new TrafficQueryService(List.of(broken, zenlayer), CLOCK, FAST);
        TencentVpnConnection tunnel = new TencentVpnConnection("ap-guangzhou", "vpc-1", "vpngw-1", "vpnx-1");

        List<QueryOutcome> outcomes = run(service,
                TrafficQuery.of(tunnel, NOV_1, NOV_1.plus(Duration.ofDays(1))),
                TrafficQuery.of(link, NOV_1, NOV_1.plus(Duration.ofDays(1))));

        assertThat(outcomes.get(0).errors()).singleElement()
                .satisfies(error -> {
                    assertThat(error.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
                    assertThat(error.message()).contains("tencent.vpn-connection", "IllegalStateException");
                });
        assertThat(outcomes.get(1).isSuccess()).isTrue();
    }

    @Test
    void a_source_without_an_adapter_is_reported_as_not_configured() {
        TrafficQueryService service = new TrafficQueryService(List.of(), CLOCK, FAST);

        List<TrafficError> errors = run(service, TrafficQuery.of(wan, NOV_1, NOV_1.plus(Duration.ofHours(1))))
                .get(0).errors();

        assertThat(service.isConfigured(Source.QINGCLOUD_WAN)).isFalse();
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
            assertThat(error.message()).contains("qingcloud.wan-access is not configured");
        });
    }

    @Test
    void reports_every_problem_of_a_query_at_once_naming_the_fields() {
        TrafficQueryService service = new TrafficQueryService(
                List.of(new FakeTrafficSource(0, Source.ZENLAYER_PRIVATE_CONNECT)), CLOCK, FAST);

        List<TrafficError> errors = run(service, TrafficQuery.of(link,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"))
                .withStep(Step.ONE_MINUTE)).get(0).errors();

        assertThat(errors).map(error -> ((QueryProblem) error).field()).containsExactly("step", "from");
        assertThat(errors).map(TrafficError::kind)
                .containsExactly(ErrorKind.INVALID_QUERY, ErrorKind.OUT_OF_RETENTION);
    }

    @Test
    void identical_calls_of_one_run_go_to_the_vendor_once() {
        FakeTrafficSource qingcloud = new FakeTrafficSource(10, Source.QINGCLOUD_WAN);
        TrafficQueryService service = new TrafficQueryService(List.of(qingcloud), CLOCK, FAST);
        TrafficQuery twoDays = TrafficQuery.of(wan, NOV_1, NOV_1.plus(Duration.ofDays(2)));

        List<QueryOutcome> outcomes = run(service, twoDays.withKey("a"), twoDays.withKey("b"));

        assertThat(qingcloud.calls()).hasSize(2);
        assertThat(outcomes.get(0).result().get().series())
                .isEqualTo(outcomes.get(1).result().get().series());
    }

    @Test
    void an_answer_at_the_wrong_step_is_a_malformed_response() {
        FakeTrafficSource sloppy = new FakeTrafficSource(0, Source.ZENLAYER_PRIVATE_CONNECT).answering(call ->
                Either.right(SourceAnswer.of(TrafficSeries.of(Metric.BITRATE_IN, call.window().from(), Step.ONE_HOUR, 1))));
        TrafficQueryService service = new TrafficQueryService(List.of(sloppy), CLOCK, FAST);

        List<TrafficError> errors = run(service, TrafficQuery.of(link, NOV_1, NOV_1.plus(Duration.ofDays(1))))
                .get(0).errors();

        assertThat(errors).singleElement().extracting(TrafficError::kind).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
    }

    @Test
    void keeps_the_vendors_own_figures_per_call() {
        VendorFigure in95 = new VendorFigure("in95", Metric.BITRATE_IN, 873034, "bps");
        FakeTrafficSource zenlayer = new FakeTrafficSource(0, Source.ZENLAYER_PRIVATE_CONNECT).answering(call ->
                FakeTrafficSource.answer(call).map(answer -> new SourceAnswer(answer.series(), List.of(in95))));
        TrafficQueryService service = new TrafficQueryService(List.of(zenlayer), CLOCK, FAST);

        TrafficResult result = run(service, TrafficQuery.of(link, NOV_1, NOV_1.plus(Duration.ofDays(2))))
                .get(0).result().get();

        assertThat(result.vendorSummaries()).hasSize(2);
        assertThat(result.vendorSummaries().get(1).window().from()).isEqualTo(NOV_1.plus(Duration.ofDays(1)));
        assertThat(result.vendorSummaries().get(1).figures()).containsExactly(in95);
    }

    @Test
    void limits_queries_calls_and_points_with_clear_errors() {
        FakeTrafficSource qingcloud = new FakeTrafficSource(0, Source.QINGCLOUD_WAN);
        TrafficQuery day = TrafficQuery.of(wan, NOV_1, NOV_1.plus(Duration.ofDays(1)));

        TrafficQueryService fewQueries = new TrafficQueryService(List.of(qingcloud), CLOCK, FAST.withMaxQueriesPerRun(2));
        assertThat(run(fewQueries, day, day, day)).allSatisfy(outcome ->
                assertThat(outcome.errors()).singleElement().extracting(TrafficError::message).asString()
                        .contains("at most 2 queries, got 3"));

        TrafficQueryService fewCalls = new TrafficQueryService(List.of(qingcloud), CLOCK, FAST.withMaxCallsPerRun(5));
        assertThat(run(fewCalls, TrafficQuery.of(wan, NOV_1, NOV_1.plus(Duration.ofDays(6)))).get(0).errors())
                .singleElement().extracting(TrafficError::message).asString().contains("needs 6 vendor calls; at most 5");

        TrafficQueryService fewPoints = new TrafficQueryService(List.of(qingcloud), CLOCK, FAST.withMaxPointsPerSeries(100));
        assertThat(run(fewPoints, day).get(0).errors()).singleElement().satisfies(error -> {
            assertThat(((QueryProblem) error).field()).isEqualTo("step");
            assertThat(error.message()).contains("288 samples at 5m; at most 100");
        });
        assertThat(qingcloud.calls()).isEmpty();
    }

    @Test
    void many_queries_over_many_sources_all_complete_and_keep_their_order() {
        FakeTrafficSource qingcloud = new FakeTrafficSource(1, Source.QINGCLOUD_WAN);
        FakeTrafficSource zenlayer = new FakeTrafficSource(1, Source.ZENLAYER_PRIVATE_CONNECT);
        TrafficQueryService service = new TrafficQueryService(List.of(qingcloud, zenlayer), CLOCK, FAST);

        TrafficQuery[] queries = IntStream.range(0, 60).mapToObj(i -> TrafficQuery.of(
                        i % 2 == 0 ? wan : new ZenlayerPrivateConnect("pc-" + i),
                        NOV_1.plus(Duration.ofHours(i)), NOV_1.plus(Duration.ofHours(i + 30)))
                .withKey("q" + i)).toArray(TrafficQuery[]::new);
        List<QueryOutcome> outcomes = run(service, queries);

        assertThat(outcomes).hasSize(60);
        for (int i = 0; i < 60; i++) {
            assertThat(outcomes.get(i).result().get().key()).hasValue("q" + i);
        }
    }

    @Test
    void answers_a_source_already_holds_do_not_wait_for_its_rate_limit_or_concurrency() {
        FakeTrafficSource vendor = new FakeTrafficSource(0, Source.ZENLAYER_PRIVATE_CONNECT);
        ZenlayerPrivateConnect held = new ZenlayerPrivateConnect("pc-held");
        TrafficSource remembering = new TrafficSource() {
            @Override
            public Set<Source> sources() {
                return vendor.sources();
            }

            @Override
            public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
                return vendor.fetch(call);
            }

            @Override
            public Optional<CompletionStage<Either<SourceFailure, SourceAnswer>>> answered(PlannedCall call) {
                return call.resource().equals(held)
                        ? Optional.of(CompletableFuture.completedFuture(FakeTrafficSource.answer(call)))
                        : Optional.empty();
            }
        };
        // One call an hour, one at a time: twenty calls through the gate would take most of a day.
        TrafficQueryService service = new TrafficQueryService(List.of(remembering), CLOCK, QuerySettings.DEFAULTS
                .withRateLimit(Source.ZENLAYER_PRIVATE_CONNECT, new RateLimit(1, Duration.ofHours(1), false))
                .withMaxConcurrentCallsPerSource(1));

        List<QueryOutcome> outcomes = run(service, TrafficQuery.of(held, NOV_1, NOV_1.plus(Duration.ofDays(20))));

        assertThat(outcomes.get(0).isSuccess()).isTrue();
        assertThat(vendor.calls()).isEmpty();
    }

    private static List<QueryOutcome> run(TrafficQueryService service, TrafficQuery... queries) {
        CompletableFuture<List<QueryOutcome>> outcomes = service.run(List.of(queries)).toCompletableFuture();
        return outcomes.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }
}
