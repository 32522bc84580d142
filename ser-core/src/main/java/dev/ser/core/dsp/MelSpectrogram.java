package dev.ser.core.dsp;

/**
 * Mel spectrograms, {@code librosa.feature.melspectrogram}.
 *
 * <p>From a signal: {@code |stft(y)|^power} (power 2 by default) through a {@link MelFilterBank}.
 * From a spectrogram {@code S} (already raised to the wanted power): the bank applied to
 * {@code S}, with {@code n_fft = 2 * (S.rows() - 1)} as librosa infers it. Output rows are mel
 * bands (low to high), columns frames.
 *
 * <p>An instance holds the STFT configuration and the precomputed filter bank for one sample
 * rate; it is immutable and thread-safe, so a feature extractor builds it once and shares it.
 * The static methods build a bank per call, for one-off use.
 */
public final class MelSpectrogram {
    private final StftConfig stft;
    private final MelFilterBank bank;

    private MelSpectrogram(StftConfig stft, MelFilterBank bank) {
        this.stft = stft;
        this.bank = bank;
    }

    /** A reusable mel spectrogram for signals at {@code sampleRate} Hz. */
    public static MelSpectrogram create(double sampleRate, StftConfig stft, MelConfig mel) {
        return new MelSpectrogram(stft, MelFilterBank.create(sampleRate, stft.nFft(), mel));
    }

    /** {@code melspectrogram(y=y, sr=sr)} with librosa's defaults. */
    public static Matrix compute(double[] y, double sampleRate) {
        return compute(y, sampleRate, StftConfig.DEFAULT, MelConfig.DEFAULT);
    }

    /** {@code melspectrogram(y=y, sr=sr, <stft>, <mel>)}. */
    public static Matrix compute(double[] y, double sampleRate, StftConfig stft, MelConfig mel) {
        return create(sampleRate, stft, mel).compute(y);
    }

    /**
     * {@code melspectrogram(S=S, sr=sr, <mel>)}: {@code spectrogram} has {@code 1 + n_fft / 2}
     * rows and is used as given ({@link MelConfig#power()} is not applied).
     */
    public static Matrix fromSpectrogram(Matrix spectrogram, double sampleRate, MelConfig mel) {
        int nFft = 2 * (spectrogram.rows() - 1);
        return MelFilterBank.create(sampleRate, nFft, mel).apply(spectrogram);
    }

    /** The mel spectrogram of signal {@code y} (its STFT raised to {@link MelConfig#power()}). */
    public Matrix compute(double[] y) {
        return fromStft(Stft.compute(y, stft));
    }

    /**
     * The mel spectrogram of an STFT computed elsewhere (with this instance's {@link #stftConfig()}),
     * so one STFT can feed several features: {@code |stft|^power} through the bank.
     */
    public Matrix fromStft(ComplexMatrix stftMatrix) {
        return bank.apply(stftMatrix.power(bank.config().power()));
    }

    /** The bank applied to {@code spectrogram} as given (already {@code |X|^power}). */
    public Matrix fromSpectrogram(Matrix spectrogram) {
        return bank.apply(spectrogram);
    }

    public MelFilterBank filterBank() {
        return bank;
    }

    public StftConfig stftConfig() {
        return stft;
    }

    public MelConfig melConfig() {
        return bank.config();
    }

    public double sampleRate() {
        return bank.sampleRate();
    }
}
