package dev.trafficlens.adapters.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.port.out.SampleArchive;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockCodecTest {

    private static final double[] AWKWARD = {
        -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, 9.007199254740993E15, 0.1, 1.0 / 3, -42.5,
        123_456_789_012.0, 4.9e-324 * 12345,
    };

    @Test
    void every_present_double_round_trips_bit_for_bit_a_remembered_gap_stays_one_and_other_nan_stays_missing() {
        Random random = new Random(288L);
        for (int run = 0; run < 5_000; run++) {
            double[] slots = randomBlock(random, run);

            double[] decoded = BlockCodec.decode(BlockCodec.encode(slots));

            for (int slot = 0; slot < BlockCodec.SLOTS; slot++) {
                if (SampleArchive.isNoSample(slots[slot])) {
                    assertThat(SampleArchive.isNoSample(decoded[slot])).as("run %d slot %d", run, slot).isTrue();
                } else if (Double.isNaN(slots[slot])) {
                    assertThat(decoded[slot]).as("run %d slot %d", run, slot).isNaN();
                    assertThat(SampleArchive.isNoSample(decoded[slot])).as("run %d slot %d", run, slot).isFalse();
                } else {
                    assertThat(Double.doubleToRawLongBits(decoded[slot])).as("run %d slot %d: %s", run, slot, slots[slot])
                            .isEqualTo(Double.doubleToRawLongBits(slots[slot]));
                }
            }
        }
    }

    @Test
    void a_day_of_integer_bit_rates_with_noise_costs_at_most_four_bytes_a_sample() {
        double[] slots = SampleDays.diurnalBitRates(new Random(7), 3e8);

        assertThat(BlockCodec.encode(slots).length).isLessThanOrEqualTo(4 * BlockCodec.SLOTS);
    }

    @Test
    void an_empty_day_and_a_constant_day_are_a_few_bytes() {
        double[] missing = new double[BlockCodec.SLOTS];
        java.util.Arrays.fill(missing, Double.NaN);
        double[] constant = new double[BlockCodec.SLOTS];
        java.util.Arrays.fill(constant, 1_000_000.0);

        assertThat(BlockCodec.encode(missing).length).isLessThan(8);
        assertThat(BlockCodec.encode(constant).length).isLessThan(32);
    }

    @Test
    void a_block_without_remembered_gaps_keeps_the_layout_blocks_had_before_them() {
        // Written by the codec before remembered gaps existed: DECIMAL, runs 0 missing + 288 present, scale 0, first
        // mantissa 5 (zigzag 10), then twelve chunks of width 0 (a flat line) in 72 bits.
        byte[] legacy = {0x00, 0x00, (byte) 0xA0, 0x02, 0x00, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        double[] fives = new double[BlockCodec.SLOTS];
        java.util.Arrays.fill(fives, 5.0);

        assertThat(BlockCodec.decode(legacy)).containsExactly(fives);
        assertThat(BlockCodec.encode(fives)).containsExactly(legacy);
    }

    @Test
    void a_day_of_bit_rates_with_a_few_remembered_gaps_costs_a_few_bytes_more() {
        double[] slots = SampleDays.diurnalBitRates(new Random(7), 3e8);
        int without = BlockCodec.encode(slots).length;
        slots[40] = SampleArchive.NO_SAMPLE;
        slots[41] = SampleArchive.NO_SAMPLE;
        slots[200] = SampleArchive.NO_SAMPLE;

        byte[] block = BlockCodec.encode(slots);

        assertThat(block.length).isLessThanOrEqualTo(without + 8);
        assertThat(BlockCodec.decode(block)).satisfies(decoded -> {
            assertThat(SampleArchive.isNoSample(decoded[41])).isTrue();
            assertThat(decoded[42]).isEqualTo(slots[42]);
        });
    }

    private static double[] randomBlock(Random random, int run) {
        double[] slots = new double[BlockCodec.SLOTS];
        int kind = run % 5;
        double nanShare = random.nextDouble() * random.nextDouble();
        double noSampleShare = run % 3 == 0 ? 0 : random.nextDouble() * random.nextDouble();
        for (int slot = 0; slot < slots.length; slot++) {
            slots[slot] = switch (kind) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> AWKWARD[random.nextInt(AWKWARD.length)];
                case 2 -> Math.rint(random.nextDouble() * 1e9);
                case 3 -> Math.rint(random.nextGaussian() * 1e6) / 100;
                default -> random.nextBoolean() ? AWKWARD[random.nextInt(AWKWARD.length)] : random.nextInt(1000) / 8.0;
            };
            if (random.nextDouble() < nanShare) {
                slots[slot] = random.nextBoolean() ? Double.NaN : Double.longBitsToDouble(0x7ff8_0000_0000_0001L + random.nextInt(1000));
            }
            if (random.nextDouble() < noSampleShare) {
                slots[slot] = SampleArchive.NO_SAMPLE;
            }
        }
        return slots;
    }
}
