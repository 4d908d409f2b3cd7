package dev.trafficlens.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.in.TrafficQuery;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficQueryTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void validation_reports_a_backwards_window_and_unserved_metrics_together() {
        var problems = TrafficQuery.validate(Optional.empty(), new ZenlayerPrivateConnect("pc-1"), FROM, FROM,
                Optional.empty(), Set.of(Metric.VOLUME_IN), Optional.empty()).getError();

        assertThat(problems).extracting(QueryProblem::field).containsExactly("to", "metrics");
        assertThat(problems.get(0).message()).isEqualTo("expected a time after from (2026-11-01T00:00:00Z), got 2026-11-01T00:00:00Z");
        assertThat(problems.get(1).message()).contains("zenlayer.private-connect serves", "it has no VOLUME_IN");
    }

    @Test
    void no_metrics_means_every_metric_the_source_serves() {
        TrafficQuery query = TrafficQuery.of(TencentMnaRegion.allRegions(0), FROM, FROM.plusSeconds(3600));

        assertThat(query.effectiveMetrics().get())
                .containsExactly(Metric.VOLUME_IN, Metric.VOLUME_OUT, Metric.VOLUME_TOTAL);
        assertThat(query.withMetrics(Metric.VOLUME_TOTAL, Metric.VOLUME_IN).effectiveMetrics().get())
                .containsExactly(Metric.VOLUME_IN, Metric.VOLUME_TOTAL);
    }

    @Test
    void the_constructor_refuses_what_validation_reports() {
        assertThatThrownBy(() -> TrafficQuery.of(new ZenlayerPrivateConnect("pc-1"), FROM, FROM.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to: expected a time after from");
    }

    @Test
    void no_metrics_at_a_step_read_from_5_minute_buckets_includes_tencent_mnas_derived_bit_rates() {
        TrafficQuery query = TrafficQuery.of(TencentMnaRegion.allRegions(0), FROM, FROM.plusSeconds(3600));

        assertThat(query.withStep(Step.FIVE_MINUTES).effectiveMetrics().get()).containsExactly(
                Metric.BITRATE_IN, Metric.BITRATE_OUT, Metric.BITRATE_TOTAL,
                Metric.VOLUME_IN, Metric.VOLUME_OUT, Metric.VOLUME_TOTAL);
        assertThat(query.withStep(Step.FIFTEEN_MINUTES).withMetrics(Metric.BITRATE_OUT).effectiveMetrics().get())
                .containsExactly(Metric.BITRATE_OUT);
        assertThat(query.withStep(Step.ONE_DAY).effectiveMetrics().get())
                .containsExactly(Metric.VOLUME_IN, Metric.VOLUME_OUT, Metric.VOLUME_TOTAL);
    }

    @Test
    void a_derived_bit_rate_asked_for_at_an_hourly_or_daily_step_is_a_problem_of_metrics_saying_why() {
        TrafficQuery hourly = TrafficQuery.of(TencentMnaRegion.allRegions(0), FROM, FROM.plusSeconds(86_400))
                .withMetrics(Metric.BITRATE_IN, Metric.BITRATE_OUT, Metric.VOLUME_IN);

        var problems = hourly.effectiveMetrics().getError();
        var daily = hourly.withStep(Step.ONE_DAY).effectiveMetrics().getError();

        assertThat(problems).extracting(QueryProblem::field).containsExactly("metrics", "metrics");
        assertThat(problems).extracting(QueryProblem::kind).containsOnly(ErrorKind.INVALID_QUERY);
        assertThat(problems.get(0).message()).startsWith("tencent.mna-region has no BITRATE_IN at step 1h: ")
                .contains("VOLUME_IN × 8 ÷ bucket seconds", "only from 1m or 5m buckets",
                        "a percentile of 1h averages is not a 5-minute billing figure", "ask for step 1m, 5m, 15m or 30m");
        assertThat(problems.get(1).message()).startsWith("tencent.mna-region has no BITRATE_OUT at step 1h: ");
        assertThat(daily).hasSize(2).allSatisfy(problem -> assertThat(problem.message()).contains("read from 1d buckets"));
    }

    @Test
    void a_metric_no_step_gives_is_still_refused_when_the_query_is_made() {
        var problems = TrafficQuery.validate(Optional.empty(), TencentMnaRegion.allRegions(0), FROM,
                FROM.plusSeconds(60), Optional.empty(), Set.of(Metric.PACKET_RATE_IN), Optional.empty()).getError();

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("metrics");
            assertThat(problem.message()).contains("it has no PACKET_RATE_IN");
        });
        assertThat(TrafficQuery.validate(Optional.empty(), TencentMnaRegion.allRegions(0), FROM, FROM.plusSeconds(60),
                Optional.empty(), Set.of(Metric.BITRATE_IN), Optional.empty()).isValid()).isTrue();
    }

    @Test
    void validation_reports_every_null_field_as_a_problem_naming_it_instead_of_throwing() {
        var problems = TrafficQuery.validate(null, null, null, null, null, null, null).getError();

        assertThat(problems).extracting(QueryProblem::field)
                .containsExactly("key", "resource", "from", "to", "step", "metrics", "resampleMode");
        assertThat(problems).extracting(QueryProblem::kind).containsOnly(ErrorKind.INVALID_QUERY);
        assertThat(problems.get(0).message()).isEqualTo("expected a value or Optional.empty()");
        assertThat(problems.get(5).message()).isEqualTo("expected a set of metrics, empty for every metric served");
    }

    @Test
    void validation_reports_a_null_metric_among_the_metrics_and_still_checks_the_others() {
        Set<Metric> metrics = new HashSet<>(List.of(Metric.VOLUME_IN));
        metrics.add(null);

        var problems = TrafficQuery.validate(Optional.empty(), new ZenlayerPrivateConnect("pc-1"), FROM,
                FROM.plusSeconds(60), Optional.empty(), metrics, Optional.empty()).getError();

        assertThat(problems).extracting(QueryProblem::field).containsExactly("metrics", "metrics");
        assertThat(problems).extracting(QueryProblem::message).containsExactlyInAnyOrder(
                "expected metrics, got a null among them",
                "zenlayer.private-connect serves " + Source.ZENLAYER_PRIVATE_CONNECT.limits().offeredMetrics()
                        + ": it has no VOLUME_IN");
    }

    @Test
    void the_constructor_refuses_a_null_metric_naming_the_field() {
        Set<Metric> metrics = new HashSet<>();
        metrics.add(null);

        assertThatThrownBy(() -> new TrafficQuery(Optional.empty(), new ZenlayerPrivateConnect("pc-1"), FROM,
                FROM.plusSeconds(60), Optional.empty(), metrics, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TrafficQuery: metrics: expected metrics, got a null among them");
    }
}
