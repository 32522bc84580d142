package dev.ser.core.audio;

import java.util.Objects;

/**
 * A decoded input: one array of samples per channel, all of the same length, with the sample rate and
 * a description of the stored format.
 *
 * <p>Samples are scaled as soundfile does when reading as floating point: unsigned 8-bit
 * {@code (v - 128) / 128}, signed integers {@code v / 2^(b-1)} (16-bit {@code / 32768}, 24-bit
 * {@code / 2^23}, 32-bit {@code / 2^31}), floats unchanged. Instances are immutable: accessors return
 * copies except the documented views.
 */
public final class DecodedAudio {
    private final double[][] channels;
    private final int sampleRate;
    private final AudioFormatInfo format;

    /**
     * @param channels   the per-channel samples (arrays are not copied; the caller hands them over)
     * @param sampleRate the sample rate in Hz, positive
     * @param format     how the samples were stored
     * @throws IllegalArgumentException if there is no channel, the rate is not positive or the channels
     *                                  differ in length
     */
    public DecodedAudio(double[][] channels, int sampleRate, AudioFormatInfo format) {
        Objects.requireNonNull(channels, "channels");
        if (channels.length == 0) {
            throw new IllegalArgumentException("at least one channel is required");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        int frames = Objects.requireNonNull(channels[0], "channel 0").length;
        for (int c = 1; c < channels.length; c++) {
            if (Objects.requireNonNull(channels[c], "channel " + c).length != frames) {
                throw new IllegalArgumentException("channel " + c + " has " + channels[c].length
                        + " samples, channel 0 has " + frames);
            }
        }
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.format = Objects.requireNonNull(format, "format");
    }

    /** The sample rate in Hz. */
    public int sampleRate() {
        return sampleRate;
    }

    /** The number of channels (at least 1). */
    public int channelCount() {
        return channels.length;
    }

    /** The number of sample frames (samples per channel). */
    public int frames() {
        return channels[0].length;
    }

    /** The duration in seconds. */
    public double durationSeconds() {
        return frames() / (double) sampleRate;
    }

    /** How the samples were stored. */
    public AudioFormatInfo format() {
        return format;
    }

    /** A copy of one channel's samples. */
    public double[] channel(int index) {
        return channels[index].clone();
    }

    /** The internal array of one channel; callers must treat it as read-only. */
    public double[] channelView(int index) {
        return channels[index];
    }

    /**
     * Mixes down to mono by averaging the channels, as librosa's {@code to_mono} ({@code np.mean(y,
     * axis=0)}). A mono input is wrapped without copying its samples.
     *
     * <p>The average is computed in double precision; librosa averages float32 arrays in float32, which
     * gives the same numbers for 16- and 24-bit stereo (the sum of two such samples is exact in float32).
     */
    public AudioSignal toMono() {
        if (channels.length == 1) {
            return AudioSignal.wrap(channels[0], sampleRate);
        }
        int n = frames();
        double[] mono = new double[n];
        for (double[] ch : channels) {
            for (int i = 0; i < n; i++) {
                mono[i] += ch[i];
            }
        }
        double inv = 1.0 / channels.length;
        for (int i = 0; i < n; i++) {
            mono[i] *= inv;
        }
        return AudioSignal.wrap(mono, sampleRate);
    }

    /**
     * The frames {@code [from, to)} of every channel as a new instance with the same format.
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code [0, frames()]}
     */
    public DecodedAudio slice(int from, int to) {
        Objects.checkFromToIndex(from, to, frames());
        if (from == 0 && to == frames()) {
            return this;
        }
        double[][] out = new double[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            out[c] = java.util.Arrays.copyOfRange(channels[c], from, to);
        }
        return new DecodedAudio(out, sampleRate, format);
    }

    @Override
    public String toString() {
        return "DecodedAudio[" + channels.length + " ch x " + frames() + " frames @ " + sampleRate + " Hz, "
                + format.codec() + "]";
    }
}
