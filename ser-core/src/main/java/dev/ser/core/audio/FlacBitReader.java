package dev.ser.core.audio;

/**
 * An MSB-first bit reader over a byte array with a 64-bit cache, for the FLAC decoder's hot loops.
 *
 * <p>Invariant: the {@code bits} valid bits sit at the top of {@code cache} and every bit below them is
 * zero, so "all remaining cached bits are zero" is simply {@code cache == 0}. Running past the end of
 * the input throws a {@code TRUNCATED} {@link AudioFormatException}; nothing is read beyond {@code end}.
 */
final class FlacBitReader {
    private final ByteInput in;
    private final byte[] buf;
    private final int end;
    /** Next byte to load into the cache. */
    private int pos;
    private long cache;
    private int bits;

    FlacBitReader(ByteInput in, int start) {
        this.in = in;
        this.buf = in.data;
        this.end = in.end;
        this.pos = start;
    }

    /** Moves to a byte position, dropping cached bits. */
    void seek(int bytePos) {
        pos = bytePos;
        cache = 0;
        bits = 0;
    }

    /** The byte position of the next unread bit; only meaningful when byte-aligned. */
    int bytePosition() {
        return pos - (bits >>> 3);
    }

    /** Drops bits up to the next byte boundary. */
    void alignToByte() {
        int drop = bits & 7;
        cache <<= drop;
        bits -= drop;
    }

    private void refill() {
        while (bits <= 56 && pos < end) {
            cache |= (buf[pos++] & 0xFFL) << (56 - bits);
            bits += 8;
        }
    }

    private AudioFormatException truncated() {
        return in.error(AudioFormatException.Reason.TRUNCATED, "truncated: the FLAC stream ends inside a frame ("
                + end + " bytes)");
    }

    /** Reads {@code n} (0..56) bits as an unsigned value. */
    long readBits(int n) throws AudioFormatException {
        if (n == 0) {
            return 0;
        }
        if (bits < n) {
            refill();
            if (bits < n) {
                throw truncated();
            }
        }
        long v = cache >>> (64 - n);
        cache <<= n;
        bits -= n;
        return v;
    }

    /** Reads {@code n} (0..56) bits as a two's complement value. */
    long readSigned(int n) throws AudioFormatException {
        if (n == 0) {
            return 0;
        }
        long v = readBits(n);
        return (v << (64 - n)) >> (64 - n);
    }

    /** Reads a unary code: the number of 0 bits before the next 1 bit (which is consumed). */
    long readUnary() throws AudioFormatException {
        long count = 0;
        while (cache == 0) {
            count += bits;
            bits = 0;
            if (pos >= end) {
                throw truncated();
            }
            refill();
        }
        int lz = Long.numberOfLeadingZeros(cache);
        cache = (cache << lz) << 1; // two shifts: lz + 1 may be 64, which Java would treat as 0
        bits -= lz + 1;
        return count + lz;
    }

    /**
     * Decodes {@code count} Rice-coded, zig-zag signed residuals with parameter {@code param} (0..30)
     * into {@code out[off..off+count)}. Keeps the reader state in locals for speed.
     */
    void readRice(long[] out, int off, int count, int param) throws AudioFormatException {
        long c = cache;
        int b = bits;
        int p = pos;
        final byte[] d = buf;
        final int e = end;
        try {
            for (int i = off, stop = off + count; i < stop; i++) {
                long q = 0;
                while (c == 0) {
                    q += b;
                    b = 0;
                    if (p >= e) {
                        throw truncated();
                    }
                    while (b <= 56 && p < e) {
                        c |= (d[p++] & 0xFFL) << (56 - b);
                        b += 8;
                    }
                }
                int lz = Long.numberOfLeadingZeros(c);
                c = (c << lz) << 1;
                b -= lz + 1;
                q += lz;
                long r = 0;
                if (param > 0) {
                    if (b < param) {
                        while (b <= 56 && p < e) {
                            c |= (d[p++] & 0xFFL) << (56 - b);
                            b += 8;
                        }
                        if (b < param) {
                            throw truncated();
                        }
                    }
                    r = c >>> (64 - param);
                    c <<= param;
                    b -= param;
                }
                long u = (q << param) | r;
                out[i] = (u >>> 1) ^ -(u & 1);
            }
        } finally {
            cache = c;
            bits = b;
            pos = p;
        }
    }
}
