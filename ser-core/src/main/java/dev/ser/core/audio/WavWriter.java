package dev.ser.core.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes WAV files: 16-bit PCM or 32-bit float, any number of channels. Mono and stereo files use the
 * plain {@code fmt } chunk ({@code WAVE_FORMAT_PCM}/{@code WAVE_FORMAT_IEEE_FLOAT}, float with a
 * {@code fact} chunk); more channels use {@code WAVE_FORMAT_EXTENSIBLE} as the format requires.
 */
public final class WavWriter {
    private static final long MAX_DATA = 0xFFFFFFFFL - 80;

    private WavWriter() {
    }

    /** Writes a mono signal. */
    public static void write(Path file, AudioSignal signal, WavSampleFormat format) throws IOException {
        write(file, new double[][] {signal.samplesView()}, signal.sampleRate(), format);
    }

    /** Writes every channel of decoded audio. */
    public static void write(Path file, DecodedAudio audio, WavSampleFormat format) throws IOException {
        write(file, channelViews(audio), audio.sampleRate(), format);
    }

    /** Writes per-channel samples (all the same length) to a file, replacing it. */
    public static void write(Path file, double[][] channels, int sampleRate, WavSampleFormat format)
            throws IOException {
        Files.write(file, toBytes(channels, sampleRate, format));
    }

    /** Writes per-channel samples to a stream (not closed). */
    public static void write(OutputStream out, double[][] channels, int sampleRate, WavSampleFormat format)
            throws IOException {
        out.write(toBytes(channels, sampleRate, format));
    }

    /**
     * Encodes per-channel samples as a complete WAV file.
     *
     * @param channels   one array per channel, all of the same length (at least one channel)
     * @param sampleRate in Hz, positive
     * @throws IllegalArgumentException if the arguments are inconsistent or the data exceeds 4 GiB
     */
    public static byte[] toBytes(double[][] channels, int sampleRate, WavSampleFormat format) {
        Objects.requireNonNull(format, "format");
        int count = checkChannels(channels);
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        int frames = channels[0].length;
        int width = format.bytesPerSample();
        long dataBytes = (long) frames * count * width;
        if (dataBytes > MAX_DATA || count > 65535) {
            throw new IllegalArgumentException("too much data for a WAV file: " + dataBytes + " bytes, "
                    + count + " channels");
        }
        boolean extensible = count > 2;
        boolean isFloat = format == WavSampleFormat.FLOAT_32;
        int fmtSize = extensible ? 40 : isFloat ? 18 : 16;
        int factSize = isFloat ? 12 : 0;
        int header = 12 + 8 + fmtSize + factSize + 8;
        byte[] b = new byte[(int) (header + dataBytes)];
        Le w = new Le(b);
        w.ascii("RIFF").u32(b.length - 8).ascii("WAVE");
        w.ascii("fmt ").u32(fmtSize).u16(extensible ? 0xFFFE : isFloat ? 3 : 1).u16(count).u32(sampleRate)
                .u32((long) sampleRate * count * width).u16(count * width).u16(8 * width);
        if (extensible) {
            w.u16(22).u16(8 * width).u32(0).u16(isFloat ? 3 : 1)
                    .bytes(0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71);
        } else if (isFloat) {
            w.u16(0);
        }
        if (isFloat) {
            w.ascii("fact").u32(4).u32(frames);
        }
        w.ascii("data").u32(dataBytes);
        int stride = count * width;
        for (int c = 0; c < count; c++) {
            double[] s = channels[c];
            int p = w.pos + c * width;
            for (int i = 0; i < frames; i++, p += stride) {
                int bits = isFloat ? Float.floatToRawIntBits((float) s[i]) : toPcm16(s[i]);
                b[p] = (byte) bits;
                b[p + 1] = (byte) (bits >>> 8);
                if (isFloat) {
                    b[p + 2] = (byte) (bits >>> 16);
                    b[p + 3] = (byte) (bits >>> 24);
                }
            }
        }
        return b;
    }

    /** {@code round(x * 32768)} clipped to the 16-bit range; NaN becomes 0. */
    static int toPcm16(double x) {
        double v = Math.rint(x * 32768.0);
        if (v >= 32767) {
            return 32767;
        }
        if (v <= -32768) {
            return -32768;
        }
        return (int) v; // NaN casts to 0
    }

    private static int checkChannels(double[][] channels) {
        Objects.requireNonNull(channels, "channels");
        if (channels.length == 0) {
            throw new IllegalArgumentException("at least one channel is required");
        }
        int frames = Objects.requireNonNull(channels[0], "channel 0").length;
        for (int c = 1; c < channels.length; c++) {
            if (Objects.requireNonNull(channels[c], "channel " + c).length != frames) {
                throw new IllegalArgumentException("channel " + c + " has " + channels[c].length
                        + " samples, channel 0 has " + frames);
            }
        }
        return channels.length;
    }

    private static double[][] channelViews(DecodedAudio audio) {
        double[][] views = new double[audio.channelCount()][];
        for (int c = 0; c < views.length; c++) {
            views[c] = audio.channelView(c);
        }
        return views;
    }

    /** A little-endian cursor over the header bytes. */
    private static final class Le {
        private final byte[] b;
        private int pos;

        Le(byte[] b) {
            this.b = b;
        }

        Le ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                b[pos++] = (byte) s.charAt(i);
            }
            return this;
        }

        Le u16(int v) {
            b[pos++] = (byte) v;
            b[pos++] = (byte) (v >>> 8);
            return this;
        }

        Le u32(long v) {
            for (int i = 0; i < 4; i++) {
                b[pos++] = (byte) (v >>> (8 * i));
            }
            return this;
        }

        Le bytes(int... values) {
            for (int v : values) {
                b[pos++] = (byte) v;
            }
            return this;
        }
    }
}
