package dev.ser.core.audio;

import java.util.Random;

/**
 * Random integer PCM content for round-trip fixtures: per-channel integer codes and the doubles the
 * decoder must produce from them (soundfile scaling).
 */
record PcmFixture(int bits, boolean unsigned, long[][] codes) {

    /** Random codes covering the full range of {@code bits}, including both extremes. */
    static PcmFixture random(int bits, boolean unsigned, int channels, int frames, long seed) {
        Random rnd = new Random(seed);
        long[][] codes = new long[channels][frames];
        long min = unsigned ? 0 : -(1L << (bits - 1));
        long span = 1L << bits;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                codes[c][i] = min + Math.floorMod(rnd.nextLong(), span);
            }
            if (frames > 1) {
                codes[c][0] = min;
                codes[c][1] = min + span - 1;
            }
        }
        return new PcmFixture(bits, unsigned, codes);
    }

    int channels() {
        return codes.length;
    }

    int frames() {
        return codes[0].length;
    }

    /** The value soundfile reads for a code. */
    double expected(int c, int i) {
        long v = codes[c][i];
        if (unsigned) {
            v -= 1L << (bits - 1);
        }
        return v / Math.scalb(1.0, bits - 1);
    }

    /** Interleaved sample bytes, {@code width} bytes per sample. */
    byte[] interleaved(int width, boolean bigEndian) {
        Bytes b = new Bytes();
        for (int i = 0; i < frames(); i++) {
            for (int c = 0; c < channels(); c++) {
                if (bigEndian) {
                    b.be(codes[c][i], width);
                } else {
                    b.le(codes[c][i], width);
                }
            }
        }
        return b.toArray();
    }
}
