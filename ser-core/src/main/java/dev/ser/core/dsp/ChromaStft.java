package dev.ser.core.dsp;

/**
 * Chromagram from a short-time Fourier transform, {@code librosa.feature.chroma_stft}: the
 * spectrogram folded onto pitch classes by a {@link ChromaFilterBank} tuned to the recording,
 * then each frame normalised.
 *
 * <p>From a signal the spectrogram is the power {@code |STFT|^2}, as librosa computes it when
 * given {@code y}; a given spectrogram is used as it is (the classic feature recipes pass the
 * magnitude {@code |STFT|}). The tuning, unless fixed in the configuration, is estimated from that
 * same spectrogram with {@code bins_per_octave = n_chroma}.
 *
 * <p>Stateless and thread-safe; filter banks are shared through
 * {@link ChromaFilterBank#cached}.
 */
public final class ChromaStft {
    private ChromaStft() {
    }

    /**
     * {@code chroma_stft(S=s, sr=sampleRate)} with librosa's defaults: the direct path for a
     * caller that already has a magnitude STFT.
     *
     * @param s spectrogram, {@code 1 + n_fft / 2} rows by frames
     * @return chroma, {@code 12 x frames}, each frame's maximum 1 (or all zero)
     */
    public static Matrix fromSpectrogram(Matrix s, double sampleRate) {
        return fromSpectrogram(s, sampleRate, ChromaConfig.DEFAULT);
    }

    /**
     * {@code chroma_stft(S=s, sr=sampleRate, ...)}: chroma of a given magnitude or power
     * spectrogram, whose FFT length is taken as {@code 2 * (rows - 1)}; {@code config.stft()} is
     * not used.
     */
    public static Matrix fromSpectrogram(Matrix s, double sampleRate, ChromaConfig config) {
        return compute(s, sampleRate, 2 * (s.rows() - 1), config);
    }

    /** {@code chroma_stft(y=y, sr=sampleRate)} with librosa's defaults. */
    public static Matrix fromSignal(double[] y, double sampleRate) {
        return fromSignal(y, sampleRate, ChromaConfig.DEFAULT);
    }

    /**
     * {@code chroma_stft(y=y, sr=sampleRate, ...)}: chroma of the power spectrogram
     * {@code |STFT(y)|^2} computed with {@code config.stft()}.
     */
    public static Matrix fromSignal(double[] y, double sampleRate, ChromaConfig config) {
        return compute(Stft.power(y, config.stft()), sampleRate, config.stft().nFft(), config);
    }

    private static Matrix compute(Matrix s, double sampleRate, int nFft, ChromaConfig config) {
        double tuning = config.tuning().isPresent() ? config.tuning().getAsDouble() : estimateTuning(s, sampleRate,
                config.nChroma());
        ChromaFilterBank bank = ChromaFilterBank.cached(sampleRate, nFft, tuning, config.filter());
        return Normalize.columnsInPlace(bank.apply(s), config.norm());
    }

    /**
     * librosa's {@code estimate_tuning(S=S, sr=sr, bins_per_octave=n_chroma)}: note that it reads
     * the FFT length from the spectrogram's shape, as librosa does, even for a signal's STFT.
     */
    private static double estimateTuning(Matrix s, double sampleRate, int nChroma) {
        TuningConfig tuningConfig = nChroma == TuningConfig.DEFAULT.binsPerOctave() ? TuningConfig.DEFAULT
                : TuningConfig.builder().binsPerOctave(nChroma).build();
        return TuningEstimator.estimate(s, sampleRate, tuningConfig);
    }
}
