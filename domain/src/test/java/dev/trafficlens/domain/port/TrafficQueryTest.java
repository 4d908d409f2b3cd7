package dev.trafficlens.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.in.TrafficQuery;
import java.time.Instant;
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

        assertThat(query.effectiveMetrics()).containsExactly(Metric.VOLUME_IN, Metric.VOLUME_OUT, Metric.VOLUME_TOTAL);
        assertThat(query.withMetrics(Metric.VOLUME_TOTAL, Metric.VOLUME_IN).effectiveMetrics())
                .containsExactly(Metric.VOLUME_IN, Metric.VOLUME_TOTAL);
    }

    @Test
    void the_constructor_refuses_what_validation_reports() {
        assertThatThrownBy(() -> TrafficQuery.of(new ZenlayerPrivateConnect("pc-1"), FROM, FROM.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to: expected a time after from");
    }
}
