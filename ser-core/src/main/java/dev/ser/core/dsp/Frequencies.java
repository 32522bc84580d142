package dev.ser.core.dsp;

/** Centre frequencies of the bins of a real FFT. */
public final class Frequencies {
    private Frequencies() {
    }

    /**
     * The frequency in Hz of each of the {@code 1 + nFft / 2} bins of a real FFT of length
     * {@code nFft} at {@code sampleRate} Hz, as {@code librosa.fft_frequencies(sr, n_fft)}
     * (= {@code np.fft.rfftfreq(n_fft, 1 / sr)}): bin {@code k} is {@code k * sr / nFft}.
     */
    public static double[] fft(double sampleRate, int nFft) {
        if (!(sampleRate > 0) || nFft < 1) {
            throw new SpectralParameterException(
                    "need a positive sample rate and n_fft, got sr=" + sampleRate + ", n_fft=" + nFft);
        }
        // Same arithmetic as numpy's rfftfreq (k * (1 / (n * d)) with d = 1 / sr), so the bin
        // frequencies, and every mask and ramp derived from them, are bit-identical to librosa's.
        double step = 1.0 / (nFft * (1.0 / sampleRate));
        double[] f = new double[nFft / 2 + 1];
        for (int k = 0; k < f.length; k++) {
            f[k] = k * step;
        }
        return f;
    }
}
