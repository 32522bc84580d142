package dev.ser.core.dsp;

/**
 * Harmonic/percussive separation of a time-domain signal: {@code librosa.effects.harmonic},
 * {@code librosa.effects.percussive} and {@code librosa.effects.hpss}.
 *
 * <p>Each is {@code istft(hpss(stft(y))[i], length=len(y))}: the signal's STFT ({@link Stft}) is
 * split by {@link Hpss} with the phase kept, and the chosen part is inverted with
 * {@link InverseStft} to exactly {@code y.length} samples. The same {@link StftConfig} drives both
 * transforms; its defaults ({@code n_fft = 2048}, hop 512, Hann, centred, zero padding) and those
 * of {@link HpssConfig} ({@code kernel_size = 31}, {@code power = 2}, {@code margin = 1}) are
 * librosa's. librosa's {@code mask=True} option is not offered here: it would inverse-transform a
 * mask, which is not a signal (use {@link Hpss#masks} for masks).
 *
 * <p>Signals may be shorter than {@code n_fft} when centred (as librosa, which only warns).
 * Stateless and thread-safe.
 */
public final class HarmonicPercussive {
    private HarmonicPercussive() {
    }

    /** The harmonic and percussive signals, each as long as the input. */
    public record Signals(double[] harmonic, double[] percussive) {
    }

    /** {@code librosa.effects.harmonic(y)} with all defaults. */
    public static double[] harmonic(double[] y) {
        return harmonic(y, HpssConfig.DEFAULT, StftConfig.DEFAULT);
    }

    /**
     * {@code librosa.effects.harmonic(y, kernel_size, power, margin, n_fft, hop_length, win_length,
     * window, center, pad_mode)}.
     *
     * @throws IllegalArgumentException when {@code center} is false and {@code y} is shorter than
     *                                  {@code n_fft}
     */
    public static double[] harmonic(double[] y, HpssConfig hpss, StftConfig stft) {
        int length = checkedLength(y);
        return InverseStft.compute(Hpss.harmonic(Stft.compute(y, stft), hpss), stft, length);
    }

    /**
     * The harmonic signal from an STFT the caller already has ({@code Stft.compute(y, stft)}), so
     * a feature pipeline that needs the spectrum anyway computes it once. Same numbers as
     * {@link #harmonic(double[], HpssConfig, StftConfig)}.
     *
     * @param spectrum the complex STFT of the signal, computed with {@code stft}
     * @param length   the signal's length in samples, which the output will have
     */
    public static double[] harmonic(ComplexMatrix spectrum, int length, HpssConfig hpss, StftConfig stft) {
        return harmonic(spectrum, spectrum.magnitude(), length, hpss, stft);
    }

    /**
     * As {@link #harmonic(ComplexMatrix, int, HpssConfig, StftConfig)} when the caller also has
     * the spectrum's magnitude ({@code spectrum.magnitude()}), which is then reused.
     */
    public static double[] harmonic(ComplexMatrix spectrum, Matrix magnitude, int length, HpssConfig hpss,
                                    StftConfig stft) {
        return InverseStft.compute(Hpss.harmonic(spectrum, magnitude, hpss), stft, length);
    }

    /** {@code librosa.effects.percussive(y)} with all defaults. */
    public static double[] percussive(double[] y) {
        return percussive(y, HpssConfig.DEFAULT, StftConfig.DEFAULT);
    }

    /** {@code librosa.effects.percussive(y, ...)}; parameters as {@link #harmonic(double[], HpssConfig, StftConfig)}. */
    public static double[] percussive(double[] y, HpssConfig hpss, StftConfig stft) {
        int length = checkedLength(y);
        return InverseStft.compute(Hpss.percussive(Stft.compute(y, stft), hpss), stft, length);
    }

    /** {@code librosa.effects.hpss(y)} with all defaults. */
    public static Signals separate(double[] y) {
        return separate(y, HpssConfig.DEFAULT, StftConfig.DEFAULT);
    }

    /**
     * {@code librosa.effects.hpss(y, ...)}: both signals from one STFT and one pair of median
     * filters.
     */
    public static Signals separate(double[] y, HpssConfig hpss, StftConfig stft) {
        int length = checkedLength(y);
        Hpss.Spectra parts = Hpss.separate(Stft.compute(y, stft), hpss);
        return new Signals(InverseStft.compute(parts.harmonic(), stft, length),
                InverseStft.compute(parts.percussive(), stft, length));
    }

    private static int checkedLength(double[] y) {
        if (y.length == 0) {
            throw new IllegalArgumentException("cannot separate an empty signal");
        }
        return y.length;
    }
}
