package dev.trafficlens.sandbox.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The compressed form, on hand-made samples: every gap form the vendor documents, always chosen the same way. */
class CompressedSeriesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long T = 1_767_225_600L; // 2026-01-01T00:00:00Z

    @Test
    void a_full_series_is_t0_then_bare_pairs() {
        String data = encode(300, pair(1, 2), pair(3, 4), pair(5, 6));

        assertThat(data).isEqualTo("[[1767225600,[1,2]],[3,4],[5,6]]");
    }

    @Test
    void a_series_starting_in_a_gap_starts_at_the_first_sample() {
        String data = encode(300, null, null, pair(1, 2), pair(3, 4));

        assertThat(data).isEqualTo("[[1767226200,[1,2]],[3,4]]");
    }

    @Test
    void a_single_missing_slot_is_NA() {
        String data = encode(300, pair(1, 2), null, pair(3, 4));

        assertThat(data).isEqualTo("[[1767225600,[1,2]],\"NA\",[3,4]]");
    }

    @Test
    void two_or_more_missing_slots_become_an_offset_to_the_next_sample() {
        String data = encode(900, pair(1, 2), null, null, pair(3, 4), null, null, null, pair(5, 6), pair(7, 8));

        assertThat(data).isEqualTo("[[1767225600,[1,2]],[2700,[3,4]],[3600,[5,6]],[7,8]]");
    }

    @Test
    void missing_slots_at_the_end_are_NA() {
        String data = encode(300, pair(1, 2), pair(3, 4), null, null);

        assertThat(data).isEqualTo("[[1767225600,[1,2]],[3,4],\"NA\",\"NA\"]");
    }

    @Test
    void a_window_without_any_sample_has_no_data() {
        assertThat(encode(300, null, null)).isEqualTo("[]");
        assertThat(encode(300)).isEqualTo("[]");
    }

    @Test
    void whole_numbers_print_as_integers_and_fractions_exactly() {
        String data = encode(300, pair(125_000.625, 3e9));

        assertThat(data).isEqualTo("[[1767225600,[125000.625,3000000000]]]");
    }

    private static double[] pair(double in, double out) {
        return new double[] {in, out};
    }

    private static String encode(long step, double[]... samples) {
        return CompressedSeries.encode(JSON, T, step, Arrays.asList(samples)).toString();
    }
}
