package dev.trafficlens.adapters.archive;

import java.util.Random;

/**
 * Realistic days of samples, shaped like the sandbox's TrafficModel: a diurnal curve around a link's level, ±15%
 * uniform noise per slot, the occasional burst, rounded to whole bits per second as vendors report them.
 */
public final class SampleDays {

    private SampleDays() {
    }

    /** One UTC day's 288 five-minute bit rates around {@code level} bits per second. */
    public static double[] diurnalBitRates(Random random, double level) {
        double[] slots = new double[288];
        for (int slot = 0; slot < slots.length; slot++) {
            double hourOfDay = slot / 12.0;
            double daily = 0.55 + 0.45 * Math.sin(2 * Math.PI * (hourOfDay - 14) / 24);
            double burst = random.nextDouble() < 0.02 ? 2.5 : 1.0;
            double noise = 0.85 + 0.3 * random.nextDouble();
            slots[slot] = Math.rint(level * daily * burst * noise);
        }
        return slots;
    }
}
