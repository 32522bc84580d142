package dev.ser.core.audio;

/** Byte-level AIFF and AIFF-C writers for tests. */
final class AiffFixtures {
    private AiffFixtures() {
    }

    /** A chunk: id, big-endian size, body, pad byte when the size is odd. */
    static byte[] chunk(String id, byte[] body) {
        Bytes b = new Bytes().ascii(id).be(body.length, 4).raw(body);
        if ((body.length & 1) != 0) {
            b.u8(0);
        }
        return b.toArray();
    }

    /** The 80-bit extended representation of a positive value (exact for integers below 2^63). */
    static byte[] extended(double value) {
        int exp = Math.getExponent(value);
        // value * 2^(63 - exp) lies in [2^63, 2^64): build it as a shifted 63-bit value (doubles have 53 bits)
        long mantissa = ((long) Math.scalb(value, 62 - exp)) << 1;
        return new Bytes().be(exp + 16383, 2).be(mantissa, 8).toArray();
    }

    /** A COMM body; {@code compression} null for plain AIFF. */
    static byte[] comm(int channels, long frames, int bits, double rate, String compression) {
        Bytes b = new Bytes().be(channels, 2).be(frames, 4).be(bits, 2).raw(extended(rate));
        if (compression != null) {
            b.ascii(compression).u8(0).u8(0); // empty Pascal name plus pad
        }
        return b.toArray();
    }

    /** An SSND body with an offset (zero-filled) and block size before the samples. */
    static byte[] ssnd(byte[] samples, int offset, int blockSize) {
        return new Bytes().be(offset, 4).be(blockSize, 4).raw(new byte[offset]).raw(samples).toArray();
    }

    /** A FORM file of the given type ("AIFF"/"AIFC") and chunks. */
    static byte[] form(String type, byte[]... chunks) {
        Bytes body = new Bytes().ascii(type);
        for (byte[] c : chunks) {
            body.raw(c);
        }
        byte[] b = body.toArray();
        return new Bytes().ascii("FORM").be(b.length, 4).raw(b).toArray();
    }

    /** A plain big-endian AIFF of a signed fixture. */
    static byte[] aiff(PcmFixture f, double rate) {
        int width = (f.bits() + 7) / 8;
        return form("AIFF", chunk("COMM", comm(f.channels(), f.frames(), f.bits(), rate, null)),
                chunk("SSND", ssnd(f.interleaved(width, true), 0, 0)));
    }
}
