package dev.trafficlens.adapters.archive;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The lossless binary form of one day of one series: 288 five-minute slots, NaN where no sample is stored. Every
 * present double comes back bit for bit (-0.0, subnormals, infinities and huge values included); any NaN means
 * missing.
 *
 * <p>Layout: one header byte (bits 0-1 the value mode, bit 7 set when what follows is deflated), then the slots'
 * presence as alternating run lengths (missing first, varints, until 288 slots are covered), then the present values
 * only:
 * <ul>
 * <li>{@code DECIMAL}: when every present value is some integer m ÷ 10^scale (vendors report whole bits per second
 * or a few decimals), the scale, the first m and then each m's difference from the one before as zigzag varints:
 * a smooth curve costs the digits of its noise, typically 2 to 4 bytes a sample;</li>
 * <li>{@code XOR}: otherwise each value's IEEE bits XOR the previous value's, bit-reversed so the shared sign,
 * exponent and leading mantissa become high zeros, as a varint (Gorilla's idea without its bit packing).</li>
 * </ul>
 * Deflate is kept only when it makes the block smaller.
 */
final class BlockCodec {

    static final int SLOTS = 288;

    private static final int DECIMAL = 0;
    private static final int XOR = 1;
    private static final int MODE_MASK = 0x03;
    private static final int DEFLATED = 0x80;
    private static final int MAX_SCALE = 9;
    private static final long MAX_EXACT = 1L << 53;
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private BlockCodec() {
    }

    /** Encodes {@code slots} (exactly 288, NaN for missing). */
    static byte[] encode(double[] slots) {
        if (slots.length != SLOTS) {
            throw new IllegalArgumentException("slots: expected " + SLOTS + " values, got " + slots.length);
        }
        Bytes body = new Bytes();
        writeRuns(slots, body);
        int scale = decimalScale(slots);
        int mode = scale >= 0 ? DECIMAL : XOR;
        if (mode == DECIMAL) {
            body.varint(scale);
            long previous = 0;
            for (double value : slots) {
                if (!Double.isNaN(value)) {
                    long mantissa = (long) Math.rint(value * POWERS_OF_TEN[scale]);
                    body.varint(zigzag(mantissa - previous));
                    previous = mantissa;
                }
            }
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
        byte[] deflated = deflate(plain);
        boolean useDeflated = deflated.length < plain.length;
        byte[] payload = useDeflated ? deflated : plain;
        byte[] block = new byte[payload.length + 1];
        block[0] = (byte) (mode | (useDeflated ? DEFLATED : 0));
        System.arraycopy(payload, 0, block, 1, payload.length);
        return block;
    }

    /** The 288 slots of a block, NaN where missing. */
    static double[] decode(byte[] block) {
        int header = block[0] & 0xFF;
        byte[] payload = Arrays.copyOfRange(block, 1, block.length);
        Reader in = new Reader((header & DEFLATED) != 0 ? inflate(payload) : payload);
        boolean[] present = readRuns(in);
        double[] slots = new double[SLOTS];
        Arrays.fill(slots, Double.NaN);
        if ((header & MODE_MASK) == DECIMAL) {
            double divisor = POWERS_OF_TEN[(int) in.varint()];
            long mantissa = 0;
            for (int slot = 0; slot < SLOTS; slot++) {
                if (present[slot]) {
                    mantissa += unzigzag(in.varint());
                    slots[slot] = mantissa / divisor;
                }
            }
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

    private static void writeRuns(double[] slots, Bytes out) {
        boolean present = false;
        int slot = 0;
        while (slot < SLOTS) {
            int start = slot;
            while (slot < SLOTS && !Double.isNaN(slots[slot]) == present) {
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
