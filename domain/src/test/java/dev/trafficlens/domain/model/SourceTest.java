package dev.trafficlens.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceTest {

    @Test
    void carries_each_vendors_documented_limits() {
        assertThat(Source.TENCENT_VPN_CONNECTION.limits().maxSpanPerCall()).isEqualTo(Duration.ofDays(2));
        assertThat(Source.ZENLAYER_PRIVATE_CONNECT.limits().maxSpanPerCall()).isEqualTo(Duration.ofDays(1));
        assertThat(Source.ZENLAYER_CLOUD_ROUTER.limits().retention()).hasValue(Duration.ofDays(30));
        assertThat(Source.TENCENT_MNA_REGION.limits().maxSpanPerCall()).isEqualTo(Duration.ofDays(7));
        assertThat(Source.TENCENT_MNA_REGION.limits().nativeSteps())
                .containsExactly(Step.ONE_MINUTE, Step.FIVE_MINUTES, Step.ONE_HOUR, Step.ONE_DAY);
        assertThat(Source.TENCENT_MNA_REGION.limits().rateLimit()).isEqualTo(RateLimit.documentedPerSecond(20));
        assertThat(Source.QINGCLOUD_WAN.limits().nativeSteps()).hasSize(7).first().isEqualTo(Step.ONE_MINUTE);
    }

    @Test
    void lists_metrics_in_a_stable_order() {
        assertThat(Source.QINGCLOUD_WAN.limits().metrics()).containsExactly(
                Metric.BITRATE_IN, Metric.BITRATE_OUT, Metric.PACKET_RATE_IN, Metric.PACKET_RATE_OUT,
                Metric.VOLUME_IN, Metric.VOLUME_OUT);
    }

    @Test
    void is_found_by_its_public_id() {
        assertThat(Source.byId("zenlayer.private-connect")).hasValue(Source.ZENLAYER_PRIVATE_CONNECT);
        assertThat(Source.byId("zenlayer")).isEmpty();
    }

    @Test
    void limits_refuse_a_span_off_the_step_grid() {
        assertThatThrownBy(() -> new SourceLimits(Set.of(Step.ONE_DAY), Step.ONE_DAY, Duration.ofHours(36),
                Optional.empty(), Set.of(Metric.BITRATE_IN), RateLimit.assumedPerSecond(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSpanPerCall");
    }

    @Test
    void fetches_the_coarsest_native_step_dividing_the_requested_one() {
        SourceLimits mna = Source.TENCENT_MNA_REGION.limits();
        assertThat(mna.fetchStepFor(Step.ofMinutes(10))).hasValue(Step.FIVE_MINUTES);
        assertThat(mna.fetchStepFor(Step.ofMinutes(3))).hasValue(Step.ONE_MINUTE);
        assertThat(Source.ZENLAYER_PRIVATE_CONNECT.limits().fetchStepFor(Step.ofMinutes(3))).isEmpty();
    }

    @Test
    void tencent_mna_derives_its_bit_rates_from_1m_and_5m_buckets_only() {
        SourceLimits mna = Source.TENCENT_MNA_REGION.limits();

        assertThat(mna.metrics()).containsExactly(Metric.VOLUME_IN, Metric.VOLUME_OUT, Metric.VOLUME_TOTAL);
        assertThat(mna.offeredMetrics()).containsExactly(Metric.BITRATE_IN, Metric.BITRATE_OUT, Metric.BITRATE_TOTAL,
                Metric.VOLUME_IN, Metric.VOLUME_OUT, Metric.VOLUME_TOTAL);
        assertThat(mna.derivation(Metric.BITRATE_OUT)).hasValueSatisfying(derived -> {
            assertThat(derived.basis()).isEqualTo(Metric.VOLUME_OUT);
            assertThat(derived.fetchSteps()).containsExactly(Step.ONE_MINUTE, Step.FIVE_MINUTES);
        });
        assertThat(mna.derivation(Metric.VOLUME_OUT)).isEmpty();
        for (Step step : List.of(Step.ONE_MINUTE, Step.ofMinutes(3), Step.FIVE_MINUTES, Step.FIFTEEN_MINUTES,
                Step.THIRTY_MINUTES, Step.ofMinutes(90))) {
            assertThat(mna.metricsAt(step)).as("at %s", step).isEqualTo(mna.offeredMetrics());
            assertThat(mna.derivationRefusal("mna", Metric.BITRATE_IN, step)).as("at %s", step).isEmpty();
        }
        for (Step step : List.of(Step.ONE_HOUR, Step.TWO_HOURS, Step.ofMinutes(180), Step.ONE_DAY)) {
            assertThat(mna.metricsAt(step)).as("at %s", step).isEqualTo(mna.metrics());
            assertThat(mna.derivationRefusal("mna", Metric.BITRATE_IN, step)).as("at %s", step).isPresent();
        }
        assertThat(Source.QINGCLOUD_WAN.limits().metricsAt(Step.ONE_DAY))
                .isEqualTo(Source.QINGCLOUD_WAN.limits().metrics());
    }

    @Test
    void a_refused_bit_rate_says_which_buckets_allow_it_why_and_what_to_ask_for() {
        SourceLimits mna = Source.TENCENT_MNA_REGION.limits();

        assertThat(mna.derivationRefusal("tencent.mna-region", Metric.BITRATE_OUT, Step.TWO_HOURS)).hasValue(
                "tencent.mna-region has no BITRATE_OUT at step 2h: BITRATE_OUT = VOLUME_OUT × 8 ÷ bucket seconds, "
                        + "derived only from 1m or 5m buckets; step 2h is read from 1h buckets, and a percentile of "
                        + "1h averages is not a 5-minute billing figure: ask for step 1m, 5m, 15m or 30m");
        assertThat(mna.derivationRefusal("tencent.mna-region", Metric.BITRATE_IN, Step.ONE_DAY))
                .hasValueSatisfying(message -> assertThat(message).contains("read from 1d buckets"));
        // Only derived metrics are refused this way: volumes are served at every step.
        assertThat(mna.derivationRefusal("tencent.mna-region", Metric.VOLUME_IN, Step.ONE_DAY)).isEmpty();
    }

    @Test
    void the_vendor_is_asked_for_the_basis_of_a_derived_metric() {
        SourceLimits mna = Source.TENCENT_MNA_REGION.limits();

        assertThat(mna.fetchedMetrics(Set.of(Metric.BITRATE_TOTAL, Metric.BITRATE_IN)))
                .containsExactly(Metric.VOLUME_IN, Metric.VOLUME_TOTAL);
        assertThat(mna.fetchedMetrics(mna.offeredMetrics())).isEqualTo(mna.metrics());
        assertThat(Source.ZENLAYER_CLOUD_ROUTER.limits().fetchedMetrics(Set.of(Metric.BITRATE_OUT)))
                .containsExactly(Metric.BITRATE_OUT);
    }
}
