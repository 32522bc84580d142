package dev.ser.core.audio;

/**
 * Converts interleaved uncompressed PCM or float bytes into per-channel doubles scaled as soundfile does.
 * Shared by the WAV and AIFF readers; one tight loop per sample layout so that nothing is boxed or
 * dispatched per sample.
 */
final class PcmDecoder {

    /** G.711 expansions of the 256 codes to 16-bit linear values, scaled by 1/32768. */
    private static final double[] MU_LAW = new double[256];
    private static final double[] A_LAW = new double[256];

    static {
        for (int code = 0; code < 256; code++) {
            MU_LAW[code] = muLaw(code) / 32768.0;
            A_LAW[code] = aLaw(code) / 32768.0;
        }
    }

    private PcmDecoder() {
    }

    /** G.711 mu-law: bits are stored inverted; sign, 3-bit segment, 4-bit step, bias 0x84. */
    static int muLaw(int code) {
        int u = ~code & 0xFF;
        int t = (((u & 0x0F) << 3) + 0x84) << ((u >>> 4) & 7);
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    /** G.711 A-law: even bits are stored inverted (XOR 0x55); sign set means positive. */
    static int aLaw(int code) {
        int a = code ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >>> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t = (t + 0x108) << (segment - 1);
        }
        return (a & 0x80) != 0 ? t : -t;
    }

    /**
     * @param in              the input
     * @param offset          byte offset of the first frame
     * @param frames          frames to decode (the caller checked they are all there)
     * @param channels        channel count
     * @param bytesPerSample  container width in bytes (1..4 for integers, 4 or 8 for floats)
     * @param encoding        PCM_UNSIGNED, PCM_SIGNED, IEEE_FLOAT, MU_LAW or A_LAW (one byte per sample)
     * @param bigEndian       byte order of the samples
     */
    static double[][] decode(ByteInput in, int offset, int frames, int channels, int bytesPerSample,
                             SampleEncoding encoding, boolean bigEndian) {
        double[][] out = new double[channels][frames];
        byte[] d = in.data;
        int stride = channels * bytesPerSample;
        for (int c = 0; c < channels; c++) {
            double[] ch = out[c];
            int p = offset + c * bytesPerSample;
            if (encoding == SampleEncoding.IEEE_FLOAT) {
                decodeFloat(d, p, stride, ch, bytesPerSample, bigEndian);
            } else if (encoding == SampleEncoding.MU_LAW || encoding == SampleEncoding.A_LAW) {
                double[] table = encoding == SampleEncoding.MU_LAW ? MU_LAW : A_LAW;
                for (int i = 0; i < frames; i++, p += stride) {
                    ch[i] = table[d[p] & 0xFF];
                }
            } else {
                decodeInt(d, p, stride, ch, bytesPerSample, encoding == SampleEncoding.PCM_UNSIGNED, bigEndian);
            }
        }
        return out;
    }

    private static void decodeInt(byte[] d, int p, int stride, double[] out, int width, boolean unsigned,
                                  boolean bigEndian) {
        int n = out.length;
        switch (width) {
            case 1 -> {
                // Unsigned 8-bit is offset binary: 128 is silence.
                int bias = unsigned ? 128 : 0;
                for (int i = 0; i < n; i++, p += stride) {
                    int v = unsigned ? (d[p] & 0xFF) - bias : d[p];
                    out[i] = v * 0x1p-7;
                }
            }
            case 2 -> {
                int hi = bigEndian ? 0 : 1;
                int lo = 1 - hi;
                for (int i = 0; i < n; i++, p += stride) {
                    int v = d[p + hi] << 8 | (d[p + lo] & 0xFF);
                    out[i] = v * 0x1p-15;
                }
            }
            case 3 -> {
                int b0 = bigEndian ? 2 : 0;
                int b2 = 2 - b0;
                for (int i = 0; i < n; i++, p += stride) {
                    int v = d[p + b2] << 16 | (d[p + 1] & 0xFF) << 8 | (d[p + b0] & 0xFF);
                    out[i] = v * 0x1p-23;
                }
            }
            case 4 -> {
                for (int i = 0; i < n; i++, p += stride) {
                    int v = bigEndian
                            ? d[p] << 24 | (d[p + 1] & 0xFF) << 16 | (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF)
                            : d[p + 3] << 24 | (d[p + 2] & 0xFF) << 16 | (d[p + 1] & 0xFF) << 8 | (d[p] & 0xFF);
                    out[i] = v * 0x1p-31;
                }
            }
            default -> throw new IllegalArgumentException("unsupported integer width " + width);
        }
        if (unsigned && width > 1) {
            // Unsigned wider than a byte (e.g. AIFF-C 'raw ' is only 8-bit, but stay general): undo offset.
            for (int i = 0; i < n; i++) {
                out[i] = out[i] < 0 ? out[i] + 1.0 : out[i] - 1.0;
            }
        }
    }

    private static void decodeFloat(byte[] d, int p, int stride, double[] out, int width, boolean bigEndian) {
        int n = out.length;
        if (width == 4) {
            for (int i = 0; i < n; i++, p += stride) {
                int bits = bigEndian
                        ? d[p] << 24 | (d[p + 1] & 0xFF) << 16 | (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF)
                        : d[p + 3] << 24 | (d[p + 2] & 0xFF) << 16 | (d[p + 1] & 0xFF) << 8 | (d[p] & 0xFF);
                out[i] = Float.intBitsToFloat(bits);
            }
        } else if (width == 8) {
            for (int i = 0; i < n; i++, p += stride) {
                long bits = 0;
                for (int k = 0; k < 8; k++) {
                    int idx = bigEndian ? p + k : p + 7 - k;
                    bits = bits << 8 | (d[idx] & 0xFF);
                }
                out[i] = Double.longBitsToDouble(bits);
            }
        } else {
            throw new IllegalArgumentException("unsupported float width " + width);
        }
    }
}
