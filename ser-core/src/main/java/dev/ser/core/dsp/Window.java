package dev.ser.core.dsp;

/**
 * Analysis windows, as {@code scipy.signal.get_window} (and so librosa) defines them.
 *
 * <p>{@link #periodic(int)} is what librosa uses for spectral analysis ({@code fftbins=True}):
 * the symmetric window of length {@code n + 1} with its last sample dropped, so that the window
 * tiles perfectly under overlap-add. {@link #symmetric(int)} is the filter-design variant
 * ({@code fftbins=False}).
 */
public enum Window {
    /** Rectangular window (scipy's {@code boxcar}, librosa's {@code 'ones'}). */
    RECTANGULAR(new double[] {1.0}),
    /** Hann: {@code 0.5 - 0.5 cos(2 pi n / N)}. librosa's default. */
    HANN(new double[] {0.5, 0.5}),
    /** Hamming: {@code 0.54 - 0.46 cos(2 pi n / N)}. */
    HAMMING(new double[] {0.54, 0.46}),
    /** Blackman: {@code 0.42 - 0.5 cos(2 pi n / N) + 0.08 cos(4 pi n / N)}. */
    BLACKMAN(new double[] {0.42, 0.50, 0.08});

    /** Generalised-cosine coefficients a_k with alternating signs applied in {@link #cosineSum}. */
    private final double[] coefficients;

    Window(double[] coefficients) {
        this.coefficients = coefficients;
    }

    /**
     * The periodic window of length {@code n} (scipy {@code fftbins=True}).
     *
     * @param n window length in samples, at least 1
     */
    public double[] periodic(int n) {
        checkLength(n);
        return cosineSum(n, n);
    }

    /**
     * The symmetric window of length {@code n} (scipy {@code fftbins=False}).
     *
     * @param n window length in samples, at least 1
     */
    public double[] symmetric(int n) {
        checkLength(n);
        if (n == 1) {
            return new double[] {1.0};
        }
        return cosineSum(n, n - 1);
    }

    /** {@code w[i] = sum_k (-1)^k a_k cos(2 pi k i / period)} for i in [0, n). */
    private double[] cosineSum(int n, int period) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double phase = 2.0 * Math.PI * i / period;
            double v = 0;
            double sign = 1;
            for (int k = 0; k < coefficients.length; k++) {
                v += sign * coefficients[k] * Math.cos(k * phase);
                sign = -sign;
            }
            w[i] = v;
        }
        return w;
    }

    private static void checkLength(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("window length must be at least 1, got " + n);
        }
    }

    /**
     * The periodic window of length {@code winLength}, zero-padded on both sides to
     * {@code nFft} samples and centred, as librosa's {@code pad_center} does when
     * {@code win_length < n_fft}.
     */
    public double[] padded(int winLength, int nFft) {
        if (winLength > nFft) {
            throw new IllegalArgumentException("win_length " + winLength + " exceeds n_fft " + nFft);
        }
        double[] w = periodic(winLength);
        double[] out = new double[nFft];
        System.arraycopy(w, 0, out, (nFft - winLength) / 2, winLength);
        return out;
    }
}
