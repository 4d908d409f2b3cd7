package dev.trafficlens.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.sandbox.TrafficModel.Direction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrafficModelTest {

    private final TrafficModel traffic = new TrafficModel();
    private final long newYear = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    @Test
    void the_same_question_always_gets_the_same_answer() {
        TrafficModel another = new TrafficModel();
        for (long slot = newYear; slot < newYear + 86_400; slot += 300) {
            assertThat(Double.valueOf(another.bitsPerSecond("pc-1", Direction.IN, slot)))
                    .isEqualTo(Double.valueOf(traffic.bitsPerSecond("pc-1", Direction.IN, slot)));
        }
    }

    @Test
    void about_one_slot_in_a_hundred_is_a_gap_and_gaps_have_no_rate() {
        int gaps = 0;
        int slots = 30 * 288;
        for (int i = 0; i < slots; i++) {
            long slot = newYear + 300L * i;
            boolean gap = traffic.isGap("pc-1", slot);
            gaps += gap ? 1 : 0;
            assertThat(Double.isNaN(traffic.bitsPerSecond("pc-1", Direction.OUT, slot))).isEqualTo(gap);
        }
        assertThat(gaps).isBetween(40, 140);
    }

    @Test
    void rates_are_whole_bit_rates_between_kilobits_and_tens_of_gigabits_and_outbound_is_lower() {
        for (String resource : new String[] {"pc-1", "pc-2", "waif-6bm6mt85", "vpnx-ol6bcqp0", "cr-1:dc-a:dc-z"}) {
            double inSum = 0;
            double outSum = 0;
            for (int i = 0; i < 288; i++) {
                long slot = newYear + 300L * i;
                double in = traffic.bitsPerSecond(resource, Direction.IN, slot);
                double out = traffic.bitsPerSecond(resource, Direction.OUT, slot);
                if (Double.isNaN(in)) {
                    continue;
                }
                assertThat(in).isEqualTo(Math.rint(in)).isBetween(1e5, 2e10);
                inSum += in;
                outSum += out;
            }
            assertThat(outSum).isLessThan(inSum);
        }
    }

    @Test
    void different_resources_carry_different_traffic() {
        assertThat(traffic.bitsPerSecond("pc-1", Direction.IN, newYear + 3600))
                .isNotEqualTo(traffic.bitsPerSecond("pc-2", Direction.IN, newYear + 3600));
    }

    @Test
    void a_slot_moves_its_rate_times_300_seconds_in_bytes() {
        long slot = newYear + 7 * 300;
        double rate = traffic.bitsPerSecond("pc-1", Direction.IN, slot);
        double expected = Double.isNaN(rate) ? 0 : rate * 300 / 8;
        assertThat(traffic.bytesInSlot("pc-1", Direction.IN, slot)).isEqualTo(expected);
    }
}
