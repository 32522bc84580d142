package dev.ser.core.audio;

import java.util.Arrays;
import java.util.Objects;

/**
 * A mono audio signal: samples in the nominal range [-1, 1] and their sample rate.
 *
 * <p>Samples are stored as {@code double} so that every PCM depth (up to 32-bit integer) is
 * represented exactly; the scaling follows soundfile's conventions (int16 / 32768, and so on).
 * Instances are immutable: the constructor and {@link #samples()} copy the array. Use
 * {@link #samplesView()} inside the library where a read-only view is enough.
 */
public final class AudioSignal {
    private final double[] samples;
    private final int sampleRate;

    /**
     * @param samples    the samples (copied)
     * @param sampleRate the sample rate in Hz, positive
     * @throws IllegalArgumentException if the rate is not positive
     */
    public AudioSignal(double[] samples, int sampleRate) {
        this(Objects.requireNonNull(samples, "samples").clone(), sampleRate, true);
    }

    private AudioSignal(double[] samples, int sampleRate, boolean owned) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        this.samples = samples;
        this.sampleRate = sampleRate;
    }

    /** Wraps an array without copying it; the caller must not modify it afterwards. */
    public static AudioSignal wrap(double[] samples, int sampleRate) {
        return new AudioSignal(Objects.requireNonNull(samples, "samples"), sampleRate, true);
    }

    /** Returns a copy of the samples. */
    public double[] samples() {
        return samples.clone();
    }

    /** Returns the internal sample array; callers must treat it as read-only. */
    public double[] samplesView() {
        return samples;
    }

    /** The sample rate in Hz. */
    public int sampleRate() {
        return sampleRate;
    }

    /** The number of samples. */
    public int length() {
        return samples.length;
    }

    /** The duration in seconds. */
    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioSignal other
                && other.sampleRate == sampleRate
                && Arrays.equals(other.samples, samples);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(samples) + sampleRate;
    }

    @Override
    public String toString() {
        return "AudioSignal[" + samples.length + " samples @ " + sampleRate + " Hz]";
    }
}
