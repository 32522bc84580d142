package dev.ser.core.audio;

/** Byte-level WAV writers for tests: every flavour the decoder claims to read. */
final class WavFixtures {
    private WavFixtures() {
    }

    /** A fmt chunk body for the plain PCM (1) or float (3) tags. */
    static byte[] fmt(int tag, int channels, int rate, int bits) {
        int width = (bits + 7) / 8;
        return new Bytes().le(tag, 2).le(channels, 2).le(rate, 4).le((long) rate * channels * width, 4)
                .le(channels * width, 2).le(bits, 2).toArray();
    }

    /** A WAVE_FORMAT_EXTENSIBLE fmt chunk body with a PCM (1) or float (3) sub-format. */
    static byte[] fmtExtensible(int subTag, int channels, int rate, int bits, int validBits) {
        int width = bits / 8;
        return new Bytes().le(0xFFFE, 2).le(channels, 2).le(rate, 4).le((long) rate * channels * width, 4)
                .le(channels * width, 2).le(bits, 2).le(22, 2).le(validBits, 2).le(0, 4).le(subTag, 2)
                .raw(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71})
                .toArray();
    }

    /** A chunk: id, little-endian size, body, pad byte when the size is odd. */
    static byte[] chunk(String id, byte[] body) {
        Bytes b = new Bytes().ascii(id).le(body.length, 4).raw(body);
        if ((body.length & 1) != 0) {
            b.u8(0);
        }
        return b.toArray();
    }

    /** A RIFF/WAVE file of the given chunks with a correct RIFF size. */
    static byte[] riff(byte[]... chunks) {
        Bytes body = new Bytes().ascii("WAVE");
        for (byte[] c : chunks) {
            body.raw(c);
        }
        byte[] b = body.toArray();
        return new Bytes().ascii("RIFF").le(b.length, 4).raw(b).toArray();
    }

    /** A plain PCM WAV of a fixture (8-bit unsigned, wider signed). */
    static byte[] pcm(PcmFixture f, int rate) {
        int width = (f.bits() + 7) / 8;
        return riff(chunk("fmt ", fmt(1, f.channels(), rate, f.bits())),
                chunk("data", f.interleaved(width, false)));
    }

    /** Float samples as a 32- or 64-bit IEEE float WAV. */
    static byte[] ieeeFloat(double[][] channels, int rate, int bits, boolean extensible) {
        byte[] fmt = extensible ? fmtExtensible(3, channels.length, rate, bits, bits)
                : fmt(3, channels.length, rate, bits);
        return riff(chunk("fmt ", fmt), chunk("data", floats(channels, bits, false)));
    }

    /** Interleaved float bytes. */
    static byte[] floats(double[][] channels, int bits, boolean bigEndian) {
        Bytes b = new Bytes();
        for (int i = 0; i < channels[0].length; i++) {
            for (double[] ch : channels) {
                long v = bits == 32 ? Float.floatToRawIntBits((float) ch[i]) & 0xFFFFFFFFL
                        : Double.doubleToRawLongBits(ch[i]);
                if (bigEndian) {
                    b.be(v, bits / 8);
                } else {
                    b.le(v, bits / 8);
                }
            }
        }
        return b.toArray();
    }
}
