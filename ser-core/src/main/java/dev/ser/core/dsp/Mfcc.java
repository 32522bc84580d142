package dev.ser.core.dsp;

/**
 * Mel-frequency cepstral coefficients, {@code librosa.feature.mfcc}.
 *
 * <p>From a signal: the mel power spectrogram ({@link MelSpectrogram}), converted to dB with
 * {@code power_to_db} defaults (ref 1, amin 1e-10, top_db 80), then a DCT along the mel axis
 * keeping {@code n_mfcc} coefficients, then optional liftering. From a log-mel spectrogram
 * {@code S} (librosa's {@code mfcc(S=...)}): only the DCT and liftering. Output rows are
 * coefficients, columns frames.
 *
 * <p>An instance precomputes the filter bank, DCT basis and lifter for one sample rate and
 * configuration; it is immutable and thread-safe. Its entry points let a feature extractor
 * share work: {@link #fromStft(ComplexMatrix)} reuses an STFT, {@link #fromMelSpectrogram(Matrix)}
 * reuses a mel power spectrogram computed for another feature.
 */
public final class Mfcc {
    private final MelSpectrogram mel;
    private final MfccConfig config;
    private final Dct dct;
    /** Per-coefficient lifter gains, or null when no liftering. */
    private final double[] lifterGains;

    private Mfcc(MelSpectrogram mel, MfccConfig config) {
        this.mel = mel;
        this.config = config;
        int nMels = mel.filterBank().nMels();
        this.dct = dctFor(config, nMels);
        this.lifterGains = lifterGains(config, dct.outputLength());
    }

    /** A reusable MFCC computation for signals at {@code sampleRate} Hz. */
    public static Mfcc create(double sampleRate, StftConfig stft, MelConfig melConfig, MfccConfig config) {
        return new Mfcc(MelSpectrogram.create(sampleRate, stft, melConfig), config);
    }

    /** {@code mfcc(y=y, sr=sr)}: 20 coefficients with librosa's defaults. */
    public static Matrix compute(double[] y, double sampleRate) {
        return compute(y, sampleRate, StftConfig.DEFAULT, MelConfig.DEFAULT, MfccConfig.DEFAULT);
    }

    /** {@code mfcc(y=y, sr=sr, <mfcc>, <stft>, <mel>)}. */
    public static Matrix compute(double[] y, double sampleRate, StftConfig stft, MelConfig melConfig,
                                 MfccConfig config) {
        return create(sampleRate, stft, melConfig, config).compute(y);
    }

    /**
     * {@code mfcc(S=logMel, n_mfcc, dct_type, norm, lifter)}: DCT of a log-power mel spectrogram
     * (mel bands x frames, e.g. from {@link Decibels#powerToDb(Matrix)}) and liftering.
     */
    public static Matrix fromLogMel(Matrix logMel, MfccConfig config) {
        Dct dct = dctFor(config, logMel.rows());
        return lifter(dct.apply(logMel), lifterGains(config, dct.outputLength()));
    }

    private static Dct dctFor(MfccConfig config, int nMels) {
        // like scipy's dct(...)[:n_mfcc]: asking for more coefficients than bands yields n_mels
        return Dct.of(config.dctType(), config.dctNorm(), nMels, Math.min(config.nMfcc(), nMels));
    }

    private static double[] lifterGains(MfccConfig config, int n) {
        double l = config.lifter();
        if (l == 0) {
            return null;
        }
        double[] gains = new double[n];
        for (int i = 0; i < n; i++) {
            // librosa counts from 1 here: sin(π (i + 1) / L)
            gains[i] = 1 + (l / 2) * Math.sin(Math.PI * (i + 1) / l);
        }
        return gains;
    }

    private static Matrix lifter(Matrix coefficients, double[] gains) {
        if (gains != null) {
            double[] d = coefficients.data();
            int frames = coefficients.cols();
            for (int i = 0; i < gains.length; i++) {
                double g = gains[i];
                for (int t = i * frames, end = t + frames; t < end; t++) {
                    d[t] *= g;
                }
            }
        }
        return coefficients;
    }

    /** MFCCs of signal {@code y}. */
    public Matrix compute(double[] y) {
        return fromMelSpectrogram(mel.compute(y));
    }

    /** MFCCs from an STFT of the signal computed with {@link #stftConfig()}. */
    public Matrix fromStft(ComplexMatrix stft) {
        return fromMelSpectrogram(mel.fromStft(stft));
    }

    /** MFCCs from a mel spectrogram as {@link MelSpectrogram} computes it (power, not dB). */
    public Matrix fromMelSpectrogram(Matrix melSpectrogram) {
        return fromLogMelSpectrogram(Decibels.powerToDb(melSpectrogram));
    }

    /** MFCCs from a log-power (dB) mel spectrogram with this instance's number of mel bands. */
    public Matrix fromLogMelSpectrogram(Matrix logMel) {
        return lifter(dct.apply(logMel), lifterGains);
    }

    public MelSpectrogram melSpectrogram() {
        return mel;
    }

    public StftConfig stftConfig() {
        return mel.stftConfig();
    }

    public MfccConfig config() {
        return config;
    }

    /** The DCT used (its basis is {@code n_mfcc x n_mels}). */
    public Dct dct() {
        return dct;
    }
}
