package dev.ser.core.cqt;

/**
 * Estimates the tuning offset of a signal, in fractions of a bin, as
 * {@code librosa.estimate_tuning(y=y, sr=sr, bins_per_octave=binsPerOctave)} does; used when a
 * constant-Q configuration asks for the tuning to be estimated ({@code tuning=None}).
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TuningSource {
    /**
     * @param y             the signal
     * @param sampleRate    its sampling rate in Hz
     * @param binsPerOctave the resolution in which the offset is expressed
     * @return the offset in {@code [-0.5, 0.5)} fractions of a bin
     */
    double estimate(double[] y, double sampleRate, int binsPerOctave);
}
