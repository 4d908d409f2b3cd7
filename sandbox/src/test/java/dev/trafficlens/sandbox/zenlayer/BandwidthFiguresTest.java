package dev.trafficlens.sandbox.zenlayer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BandwidthFiguresTest {

    @Test
    void reproduces_the_documented_example_summary() {
        BandwidthFigures in = BandwidthFigures.of(new long[] {873034, 873034, 635218});
        BandwidthFigures out = BandwidthFigures.of(new long[] {11971, 11971, 9028});

        assertThat(in).isEqualTo(new BandwidthFigures(873034, 793762, 873034, 635218, 2381286L * 300 / 8));
        assertThat(out.p95()).isEqualTo(11971);
        assertThat(out.avg()).isEqualTo(10990);
        assertThat(out.min()).isEqualTo(9028);
    }

    @Test
    void takes_the_95th_percentile_by_nearest_rank_over_the_points_present() {
        // N = 20: rank ceil(19.0) = 19, not 20 (0.95 · 20 computed in doubles is 19.000000000000004).
        assertThat(BandwidthFigures.of(LongStream.rangeClosed(1, 20).toArray()).p95()).isEqualTo(19);
        // N = 288 (a full day): rank ceil(273.6) = 274.
        assertThat(BandwidthFigures.of(LongStream.rangeClosed(1, 288).toArray()).p95()).isEqualTo(274);
        // N = 1: the only value.
        assertThat(BandwidthFigures.of(new long[] {42}).p95()).isEqualTo(42);
        // Order does not matter.
        assertThat(BandwidthFigures.of(new long[] {5, 1, 4, 2, 3}).p95()).isEqualTo(5);
    }

    @Test
    void rounds_the_mean_half_up_and_the_total_bytes_down() {
        BandwidthFigures figures = BandwidthFigures.of(new long[] {1, 2});

        assertThat(figures.avg()).isEqualTo(2); // 1.5 → 2
        assertThat(figures.totalBytes()).isEqualTo(112); // 3 bit/s · 300 s / 8 = 112.5 bytes
        assertThat(BandwidthFigures.of(new long[] {1, 1, 2}).avg()).isEqualTo(1); // 1.33 → 1
    }

    @Test
    void is_zero_everywhere_without_points() {
        assertThat(BandwidthFigures.of(new long[0])).isEqualTo(new BandwidthFigures(0, 0, 0, 0, 0));
    }
}
