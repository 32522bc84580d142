package dev.ser.core.audio;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Random;

/**
 * A deliberately unoptimised FLAC encoder for tests. It makes random but valid coding choices, so that
 * round trips reach every decoder path that the reference encoder rarely or never takes: escape-coded
 * partitions, both Rice parameter widths, every stereo decorrelation, constant and verbatim subframes,
 * wasted bits, LPC orders up to 32, every block size and sample rate field, variable block sizes, any
 * depth from 4 to 32 bits. Its CRCs are computed bit by bit, independently of the decoder's tables.
 */
final class FlacTestEncoder {
    private final Random rnd;
    private final int bps;
    private final int rate;

    FlacTestEncoder(long seed, int bps, int rate) {
        this.rnd = new Random(seed);
        this.bps = bps;
        this.rate = rate;
    }

    /** Encodes per-channel integer samples (each within {@code bps} bits). */
    byte[] encode(long[][] samples, boolean withMd5) throws Exception {
        int channels = samples.length;
        int frames = samples[0].length;
        boolean variable = rnd.nextBoolean();
        int fixedSize = 16 + rnd.nextInt(4081);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'f', 'L', 'a', 'C'});
        BitWriter si = new BitWriter();
        si.bits(0x80, 8).bits(34, 24); // last block, STREAMINFO, length 34
        si.bits(16, 16).bits(65535, 16).bits(0, 24).bits(0, 24);
        si.bits(rate, 20).bits(channels - 1, 3).bits(bps - 1, 5).bits(frames, 36);
        byte[] md5 = withMd5 ? md5(samples) : new byte[16];
        for (byte b : md5) {
            si.bits(b & 0xFF, 8);
        }
        out.writeBytes(si.toBytes());
        int frameNumber = 0;
        for (int start = 0; start < frames; frameNumber++) {
            int size = variable ? 1 + rnd.nextInt(Math.min(6000, 2 * fixedSize)) : fixedSize;
            size = Math.min(size, frames - start);
            out.writeBytes(frame(samples, start, size, variable ? start : frameNumber, variable));
            start += size;
        }
        return out.toByteArray();
    }

    private byte[] md5(long[][] samples) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        int bytes = (bps + 7) / 8;
        for (int i = 0; i < samples[0].length; i++) {
            for (long[] ch : samples) {
                for (int k = 0; k < bytes; k++) {
                    md.update((byte) (ch[i] >> (8 * k)));
                }
            }
        }
        return md.digest();
    }

    private byte[] frame(long[][] samples, int start, int n, long number, boolean variable) {
        int channels = samples.length;
        long[][] block = new long[channels][];
        for (int c = 0; c < channels; c++) {
            block[c] = java.util.Arrays.copyOfRange(samples[c], start, start + n);
        }
        int assignment = channels - 1;
        if (channels == 2 && rnd.nextInt(4) > 0) {
            assignment = 8 + rnd.nextInt(3);
        }
        long[][] coded = decorrelate(block, assignment);
        BitWriter w = new BitWriter();
        w.bits(0x3FFE, 14).bits(0, 1).bits(variable ? 1 : 0, 1);
        int sizeCode = blockSizeCode(n);
        int rateCode = rateCode();
        int depthCode = depthCode();
        w.bits(sizeCode, 4).bits(rateCode, 4).bits(assignment, 4).bits(depthCode, 3).bits(0, 1);
        codedNumber(w, number);
        if (sizeCode == 6) {
            w.bits(n - 1, 8);
        } else if (sizeCode == 7) {
            w.bits(n - 1, 16);
        }
        if (rateCode == 12) {
            w.bits(rate / 1000, 8);
        } else if (rateCode == 13) {
            w.bits(rate, 16);
        } else if (rateCode == 14) {
            w.bits(rate / 10, 16);
        }
        w.bits(crc8(w.toBytes()), 8);
        for (int c = 0; c < channels; c++) {
            int width = bps + (isSide(assignment, c) ? 1 : 0);
            subframe(w, coded[c], width);
        }
        byte[] body = w.toBytes(); // zero-padded to a byte boundary
        return new Bytes().raw(body).be(crc16(body), 2).toArray();
    }

    private static boolean isSide(int assignment, int channel) {
        return (assignment == 8 || assignment == 10) && channel == 1 || assignment == 9 && channel == 0;
    }

    private static long[][] decorrelate(long[][] b, int assignment) {
        if (assignment < 8) {
            return b;
        }
        int n = b[0].length;
        long[] x = new long[n];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            long l = b[0][i];
            long r = b[1][i];
            switch (assignment) {
                case 8 -> {
                    x[i] = l;
                    y[i] = l - r;
                }
                case 9 -> {
                    x[i] = l - r;
                    y[i] = r;
                }
                default -> {
                    x[i] = (l + r) >> 1;
                    y[i] = l - r;
                }
            }
        }
        return new long[][] {x, y};
    }

    private int blockSizeCode(int n) {
        int[] table = {0, 192, 576, 1152, 2304, 4608, -1, -1, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768};
        for (int code = 1; code < table.length; code++) {
            if (table[code] == n && rnd.nextBoolean()) {
                return code;
            }
        }
        return n <= 256 && rnd.nextBoolean() ? 6 : 7;
    }

    private int rateCode() {
        int[] table = {0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000};
        int choice = rnd.nextInt(4);
        for (int code = 1; code < table.length && choice == 0; code++) {
            if (table[code] == rate) {
                return code;
            }
        }
        if (choice == 1 && rate % 1000 == 0 && rate / 1000 < 256) {
            return 12;
        }
        if (choice == 2 && rate < 65536) {
            return 13;
        }
        if (choice == 3 && rate % 10 == 0 && rate / 10 < 65536) {
            return 14;
        }
        return 0;
    }

    private int depthCode() {
        int[] table = {0, 8, 12, -1, 16, 20, 24, 32};
        for (int code = 1; code < table.length; code++) {
            if (table[code] == bps && rnd.nextBoolean()) {
                return code;
            }
        }
        return 0;
    }

    private static void codedNumber(BitWriter w, long v) {
        if (v < 0x80) {
            w.bits(v, 8);
            return;
        }
        int extra = 1;
        while (v >= 1L << (6 + 5 * extra)) { // 2 bytes hold 11 bits, 3 hold 16, ... 7 hold 36
            extra++;
        }
        int firstBits = 6 - extra;
        long lead = (0xFF00 >> (extra + 1)) & 0xFF;
        w.bits(lead | (v >>> (6 * extra)), 8);
        for (int k = extra - 1; k >= 0; k--) {
            w.bits(0x80 | ((v >>> (6 * k)) & 0x3F), 8);
        }
        assert firstBits >= 0;
    }

    // ------------------------------------------------------------ subframes

    private void subframe(BitWriter w, long[] s, int width) {
        int n = s.length;
        int wasted = 0;
        long or = 0;
        for (long v : s) {
            or |= v;
        }
        int tz = or == 0 ? 0 : Long.numberOfTrailingZeros(or);
        if (tz > 0 && rnd.nextBoolean()) {
            wasted = 1 + rnd.nextInt(Math.min(tz, width - 1));
        }
        long[] x = s;
        if (wasted > 0) {
            x = new long[n];
            for (int i = 0; i < n; i++) {
                x[i] = s[i] >> wasted;
            }
        }
        int w2 = width - wasted;
        boolean constant = true;
        for (long v : x) {
            constant &= v == x[0];
        }
        int kind = constant && rnd.nextBoolean() ? 0 : rnd.nextInt(4) + 1;
        int typeBits = switch (kind) {
            case 0 -> 0;
            case 1 -> 1;
            default -> -1;
        };
        if (kind >= 2) {
            if (kind == 2) {
                int order = rnd.nextInt(Math.min(4, n) + 1);
                header(w, 8 + order, wasted);
                warmup(w, x, order, w2);
                residual(w, fixedResidual(x, order), order, n);
            } else {
                lpc(w, x, w2, wasted);
            }
            return;
        }
        header(w, typeBits, wasted);
        if (kind == 0) {
            w.signed(x[0], w2);
        } else {
            for (long v : x) {
                w.signed(v, w2);
            }
        }
    }

    private static void header(BitWriter w, int type, int wasted) {
        w.bits(0, 1).bits(type, 6);
        if (wasted == 0) {
            w.bits(0, 1);
        } else {
            w.bits(1, 1).unary(wasted - 1);
        }
    }

    private static void warmup(BitWriter w, long[] x, int order, int width) {
        for (int i = 0; i < order; i++) {
            w.signed(x[i], width);
        }
    }

    private static long[] fixedResidual(long[] x, int order) {
        long[] r = new long[x.length];
        for (int i = order; i < x.length; i++) {
            long p = switch (order) {
                case 0 -> 0;
                case 1 -> x[i - 1];
                case 2 -> 2 * x[i - 1] - x[i - 2];
                case 3 -> 3 * x[i - 1] - 3 * x[i - 2] + x[i - 3];
                default -> 4 * x[i - 1] - 6 * x[i - 2] + 4 * x[i - 3] - x[i - 4];
            };
            r[i] = x[i] - p;
        }
        return r;
    }

    private void lpc(BitWriter w, long[] x, int width, int wasted) {
        int n = x.length;
        int order = 1 + rnd.nextInt(Math.min(32, n));
        int precision = 1 + rnd.nextInt(15);
        int shift = rnd.nextInt(16);
        long[] c = new long[order];
        // A first-order predictor (coefficient ~ 1) plus small random taps keeps residuals bounded.
        long one = 1L << shift;
        long limit = (1L << (precision - 1)) - 1;
        c[0] = Math.max(-limit - 1, Math.min(limit, one));
        for (int j = 1; j < order; j++) {
            c[j] = Math.max(-limit - 1, Math.min(limit, rnd.nextInt(3) - 1)); // must fit the precision
        }
        header(w, 31 + order, wasted);
        warmup(w, x, order, width);
        w.bits(precision - 1, 4).signed(shift, 5);
        for (long v : c) {
            w.signed(v, precision);
        }
        long[] r = new long[n];
        for (int i = order; i < n; i++) {
            long sum = 0;
            for (int j = 0; j < order; j++) {
                sum += c[j] * x[i - 1 - j];
            }
            r[i] = x[i] - (sum >> shift);
        }
        residual(w, r, order, n);
    }

    private void residual(BitWriter w, long[] r, int order, int n) {
        boolean wide = rnd.nextBoolean() || needsWide(r, order);
        w.bits(wide ? 1 : 0, 2);
        int maxOrder = 0;
        while (maxOrder < 15 && (n >> (maxOrder + 1)) << (maxOrder + 1) == n && (n >> (maxOrder + 1)) >= order) {
            maxOrder++;
        }
        int partitionOrder = rnd.nextInt(maxOrder + 1);
        w.bits(partitionOrder, 4);
        int size = n >> partitionOrder;
        int i = order;
        for (int p = 0; p < 1 << partitionOrder; p++) {
            int count = p == 0 ? size - order : size;
            long maxZigzag = 0;
            int rawBits = 0;
            for (int k = i; k < i + count; k++) {
                maxZigzag = Math.max(maxZigzag, zigzag(r[k]));
                rawBits = Math.max(rawBits, signedBits(r[k]));
            }
            int escape = wide ? 31 : 15;
            if (rawBits <= 31 && rnd.nextInt(4) == 0) {
                w.bits(escape, wide ? 5 : 4).bits(rawBits, 5);
                for (int k = i; k < i + count; k++) {
                    w.signed(r[k], rawBits);
                }
            } else {
                int param = Math.max(0, 64 - Long.numberOfLeadingZeros(maxZigzag) - 2);
                param = Math.min(param, wide ? 30 : 14);
                w.bits(param, wide ? 5 : 4);
                for (int k = i; k < i + count; k++) {
                    long u = zigzag(r[k]);
                    w.unary(u >>> param);
                    w.bits(u & ((1L << param) - 1), param);
                }
            }
            i += count;
        }
    }

    private static boolean needsWide(long[] r, int order) {
        long max = 0;
        for (int i = order; i < r.length; i++) {
            max = Math.max(max, zigzag(r[i]));
        }
        return (max >>> 14) > 4096; // quotients would get long with a 4-bit parameter
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static int signedBits(long v) {
        return v == 0 ? 0 : 65 - Long.numberOfLeadingZeros(v < 0 ? ~v : v);
    }

    // ------------------------------------------------------------ CRCs, bit by bit

    static int crc8(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return crc;
    }

    static int crc16(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 8;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return crc;
    }

    /** An MSB-first bit writer. */
    static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long acc;
        private int count;

        BitWriter bits(long v, int n) {
            for (int i = n - 1; i >= 0; i--) {
                acc = acc << 1 | ((v >>> i) & 1);
                if (++count == 8) {
                    out.write((int) acc);
                    acc = 0;
                    count = 0;
                }
            }
            return this;
        }

        BitWriter signed(long v, int n) {
            return bits(v, n);
        }

        BitWriter unary(long zeros) {
            for (long i = 0; i < zeros; i++) {
                bits(0, 1);
            }
            return bits(1, 1);
        }

        /** The bytes so far, the last one zero-padded (does not change the writer). */
        byte[] toBytes() {
            byte[] b = out.toByteArray();
            if (count == 0) {
                return b;
            }
            byte[] padded = java.util.Arrays.copyOf(b, b.length + 1);
            padded[b.length] = (byte) (acc << (8 - count));
            return padded;
        }
    }
}
