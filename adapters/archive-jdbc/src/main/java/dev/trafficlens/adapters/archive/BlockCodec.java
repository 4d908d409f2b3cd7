package dev.trafficlens.adapters.archive;

import java.io.ByteArrayOutputStream;
import dev.trafficlens.domain.port.out.SampleArchive;
import java.util.Arrays;
import java.util.function.DoublePredicate;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The lossless binary form of one day of one series: 288 five-minute slots, each a present value, a remembered gap
 * ({@link SampleArchive#NO_SAMPLE}: the vendor had no sample) or nothing (NaN). Every present double comes back bit
 * for bit (-0.0, subnormals, infinities and huge values included); any other NaN means nothing is stored.
 *
 * <p>Layout: one header byte (bits 0-1 the value mode, bit 6 set when the block holds remembered gaps, bit 7 set when
 * what follows is deflated), then the slots' presence as alternating run lengths (missing first, varints, until 288
 * slots are covered), then, with bit 6 only, the remembered gaps as alternating run lengths the same way (blocks
 * written before gaps were remembered have bit 6 clear and decode as before), then the present values only:
 * <ul>
 * <li>{@code DECIMAL}: when every present value is some integer m ÷ 10^scale (vendors report whole bits per second
 * or a few decimals), the scale, the first m, then each m's difference from the one before, zigzagged and
 * bit-packed in chunks of two hours, each at the width that makes it smallest (6 bits say which; 0 for a flat line), wider
 * differences (bursts) escaped: a smooth curve costs the bits of its noise, about 3 bytes a sample for the
 * sandbox's ±15%;</li>
 * <li>{@code XOR}: otherwise each value's IEEE bits XOR the previous value's, bit-reversed so the shared sign,
 * exponent and leading mantissa become high zeros, as a varint (Gorilla's idea without its bit packing).</li>
 * </ul>
 * An XOR block is deflated when that makes it smaller (packed differences are noise deflate cannot shrink, and
 * trying costs more than the rest of the encoding).
 */
final class BlockCodec {

    static final int SLOTS = 288;

    private static final int DECIMAL = 0;
    private static final int XOR = 1;
    private static final int MODE_MASK = 0x03;
    private static final int NO_SAMPLES = 0x40;
    private static final int DEFLATED = 0x80;
    private static final int MAX_SCALE = 9;
    /** Differences packed at one width: two hours, so quiet nights pack narrower than busy afternoons. */
    private static final int CHUNK = 24;
    private static final long MAX_EXACT = 1L << 53;
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private BlockCodec() {
    }

    /** Encodes {@code slots} (exactly 288, NaN for missing, {@link SampleArchive#NO_SAMPLE} for a remembered gap). */
    static byte[] encode(double[] slots) {
        if (slots.length != SLOTS) {
            throw new IllegalArgumentException("slots: expected " + SLOTS + " values, got " + slots.length);
        }
        Bytes body = new Bytes();
        writeRuns(slots, body, value -> !Double.isNaN(value));
        boolean noSamples = Arrays.stream(slots).anyMatch(SampleArchive::isNoSample);
        if (noSamples) {
            writeRuns(slots, body, SampleArchive::isNoSample);
        }
        int scale = decimalScale(slots);
        int mode = scale >= 0 ? DECIMAL : XOR;
        if (mode == DECIMAL) {
            writeDecimals(slots, scale, body);
        } else {
            long previous = 0;
            for (double value : slots) {
                if (!Double.isNaN(value)) {
                    long bits = Double.doubleToRawLongBits(value);
                    body.varint(Long.reverse(bits ^ previous));
                    previous = bits;
                }
            }
        }
        byte[] plain = body.toArray();
        byte[] deflated = mode == XOR ? deflate(plain) : plain;
        boolean useDeflated = deflated.length < plain.length;
        byte[] payload = useDeflated ? deflated : plain;
        byte[] block = new byte[payload.length + 1];
        block[0] = (byte) (mode | (noSamples ? NO_SAMPLES : 0) | (useDeflated ? DEFLATED : 0));
        System.arraycopy(payload, 0, block, 1, payload.length);
        return block;
    }

    /** The 288 slots of a block, {@link SampleArchive#NO_SAMPLE} where remembered as a gap, NaN where missing. */
    static double[] decode(byte[] block) {
        int header = block[0] & 0xFF;
        byte[] payload = Arrays.copyOfRange(block, 1, block.length);
        Reader in = new Reader((header & DEFLATED) != 0 ? inflate(payload) : payload);
        boolean[] present = readRuns(in);
        double[] slots = new double[SLOTS];
        Arrays.fill(slots, Double.NaN);
        if ((header & NO_SAMPLES) != 0) {
            boolean[] noSample = readRuns(in);
            for (int slot = 0; slot < SLOTS; slot++) {
                if (noSample[slot]) {
                    slots[slot] = SampleArchive.NO_SAMPLE;
                }
            }
        }
        if ((header & MODE_MASK) == DECIMAL) {
            readDecimals(in, present, slots);
        } else {
            long bits = 0;
            for (int slot = 0; slot < SLOTS; slot++) {
                if (present[slot]) {
                    bits ^= Long.reverse(in.varint());
                    slots[slot] = Double.longBitsToDouble(bits);
                }
            }
        }
        return slots;
    }

    /**
     * The scale, the first mantissa, then every following mantissa's difference from the one before, zigzagged and
     * bit-packed at one width per block; a difference too wide for it (a burst) is written as the all-ones escape,
     * its bit length in 6 bits and its bits. The width is the one that makes the block smallest.
     */
    private static void writeDecimals(double[] slots, int scale, Bytes out) {
        long[] differences = new long[SLOTS];
        int count = 0;
        long previous = 0;
        for (double value : slots) {
            if (!Double.isNaN(value)) {
                long mantissa = (long) Math.rint(value * POWERS_OF_TEN[scale]);
                differences[count++] = zigzag(mantissa - previous);
                previous = mantissa;
            }
        }
        out.varint(scale);
        if (count == 0) {
            return;
        }
        out.varint(differences[0]);
        int width = 0;
        long escape = 0;
        for (int i = 1; i < count; i++) {
            if ((i - 1) % CHUNK == 0) {
                width = bestWidth(differences, i, Math.min(count, i + CHUNK));
                escape = (1L << width) - 1;
                out.bits(width, 6);
            }
            long difference = differences[i];
            if (width == 0) {
                continue;
            }
            if (Long.compareUnsigned(difference, escape) >= 0) {
                int length = bitLength(difference);
                out.bits(escape, width);
                out.bits(length - 1, 6);
                out.bits(difference, length);
            } else {
                out.bits(difference, width);
            }
        }
        out.flushBits();
    }

    private static void readDecimals(Reader in, boolean[] present, double[] slots) {
        double divisor = POWERS_OF_TEN[(int) in.varint()];
        int slot = 0;
        while (slot < SLOTS && !present[slot]) {
            slot++;
        }
        if (slot == SLOTS) {
            return;
        }
        long mantissa = unzigzag(in.varint());
        slots[slot++] = mantissa / divisor;
        int width = 0;
        long escape = 0;
        for (int read = 0; slot < SLOTS; slot++) {
            if (!present[slot]) {
                continue;
            }
            if (read++ % CHUNK == 0) {
                width = (int) in.bits(6);
                escape = (1L << width) - 1;
            }
            long difference = in.bits(width);
            if (width > 0 && difference == escape) {
                difference = in.bits((int) in.bits(6) + 1);
            }
            mantissa += unzigzag(difference);
            slots[slot] = mantissa / divisor;
        }
    }

    /**
     * The packing width that writes {@code differences[from, to)} in the fewest bits: 0 when all are 0 (a flat line),
     * else 1 to 63 (a mantissa below 2^53 never needs more, and an escape covers the rest).
     */
    private static int bestWidth(long[] differences, int from, int to) {
        int[] lengths = new int[65];
        int longest = 1;
        for (int i = from; i < to; i++) {
            int length = bitLength(differences[i]);
            lengths[length]++;
            longest = Math.max(longest, length);
        }
        if (Arrays.stream(differences, from, to).allMatch(difference -> difference == 0)) {
            return 0;
        }
        int best = 63;
        long bestCost = Long.MAX_VALUE;
        for (int width = 1; width <= Math.min(63, longest + 1); width++) {
            long cost = 0;
            for (int length = 1; length <= longest; length++) {
                // A value of exactly width bits may be the escape itself; counted as escaped, to stay safe.
                boolean fits = length < width;
                cost += (long) lengths[length] * (fits ? width : width + 6 + length);
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = width;
            }
        }
        return best;
    }

    private static int bitLength(long value) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(value));
    }

    static int presentCount(double[] slots) {
        int present = 0;
        for (double value : slots) {
            if (!Double.isNaN(value)) {
                present++;
            }
        }
        return present;
    }

    /**
     * The smallest scale at which every present value is an exact integer ÷ 10^scale with the integer below 2^53, or
     * -1. Both the vendor's decimal text and m ÷ 10^scale round the same real number, so they give the same double;
     * the bit comparison still guards every value (it also sends -0.0 and infinities to XOR).
     */
    private static int decimalScale(double[] slots) {
        int scale = 0;
        for (double value : slots) {
            if (Double.isNaN(value)) {
                continue;
            }
            while (scale <= MAX_SCALE && !exactAt(value, scale)) {
                scale++;
            }
            if (scale > MAX_SCALE) {
                return -1;
            }
        }
        for (double value : slots) {
            if (!Double.isNaN(value) && !exactAt(value, scale)) {
                return -1;
            }
        }
        return scale;
    }

    private static boolean exactAt(double value, int scale) {
        double scaled = Math.rint(value * POWERS_OF_TEN[scale]);
        return Math.abs(scaled) < MAX_EXACT
                && Double.doubleToRawLongBits(scaled / POWERS_OF_TEN[scale]) == Double.doubleToRawLongBits(value);
    }

    /** The slots where {@code holds} is true, as alternating run lengths, starting with a run (maybe 0) of false. */
    private static void writeRuns(double[] slots, Bytes out, DoublePredicate holds) {
        boolean present = false;
        int slot = 0;
        while (slot < SLOTS) {
            int start = slot;
            while (slot < SLOTS && holds.test(slots[slot]) == present) {
                slot++;
            }
            out.varint(slot - start);
            present = !present;
        }
    }

    private static boolean[] readRuns(Reader in) {
        boolean[] present = new boolean[SLOTS];
        boolean run = false;
        int slot = 0;
        while (slot < SLOTS) {
            int length = (int) in.varint();
            if (length < 0 || slot + length > SLOTS) {
                throw new IllegalArgumentException("block: presence runs exceed " + SLOTS + " slots");
            }
            Arrays.fill(present, slot, slot + length, run);
            slot += length;
            run = !run;
        }
        return present;
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(plain);
            deflater.finish();
            byte[] buffer = new byte[plain.length + 64];
            int length = deflater.deflate(buffer);
            return deflater.finished() ? Arrays.copyOf(buffer, length) : plain;
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 3);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int length = inflater.inflate(buffer);
                if (length == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("block: truncated deflate stream");
                }
                out.write(buffer, 0, length);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("block: corrupt deflate stream", e);
        } finally {
            inflater.end();
        }
    }

    private static final class Bytes {
        private byte[] bytes = new byte[512];
        private int length;
        private int pending;
        private int pendingBits;

        /** Appends the low {@code count} bits of {@code value}, most significant first. */
        void bits(long value, int count) {
            for (int bit = count - 1; bit >= 0; bit--) {
                pending = (pending << 1) | (int) ((value >>> bit) & 1);
                if (++pendingBits == 8) {
                    add((byte) pending);
                    pending = 0;
                    pendingBits = 0;
                }
            }
        }

        void flushBits() {
            if (pendingBits > 0) {
                add((byte) (pending << (8 - pendingBits)));
                pending = 0;
                pendingBits = 0;
            }
        }

        void varint(long value) {
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                add((byte) ((rest & 0x7F) | 0x80));
                rest >>>= 7;
            }
            add((byte) rest);
        }

        private void add(byte b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, length * 2);
            }
            bytes[length++] = b;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, length);
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private int position;
        private int bitInByte = 8;

        long bits(int count) {
            long value = 0;
            for (int i = 0; i < count; i++) {
                if (bitInByte == 8) {
                    if (position >= bytes.length) {
                        throw new IllegalArgumentException("block: truncated");
                    }
                    position++;
                    bitInByte = 0;
                }
                value = (value << 1) | ((bytes[position - 1] >>> (7 - bitInByte)) & 1);
                bitInByte++;
            }
            return value;
        }

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= bytes.length) {
                    throw new IllegalArgumentException("block: truncated");
                }
                byte b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("block: varint longer than 64 bits");
        }
    }
}
