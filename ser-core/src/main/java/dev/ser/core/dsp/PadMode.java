package dev.ser.core.dsp;

/**
 * How a centred STFT extends the signal by {@code n_fft / 2} samples at each end (numpy's
 * {@code np.pad} modes).
 */
public enum PadMode {
    /** Zeros. librosa's default since 0.10. */
    CONSTANT,
    /**
     * Mirror about the end samples without repeating them ({@code [3 2 | 1 2 3 | 2 1]}); what
     * librosa used before 0.9. Signals shorter than the padding are reflected repeatedly, as numpy
     * does.
     */
    REFLECT;

    /**
     * Returns {@code y} extended by {@code pad} samples on both sides.
     *
     * @throws IllegalArgumentException for REFLECT on an empty signal, which numpy also refuses
     */
    public double[] pad(double[] y, int pad) {
        int n = y.length;
        double[] out = new double[n + 2 * pad];
        System.arraycopy(y, 0, out, pad, n);
        if (this == REFLECT && pad > 0) {
            if (n == 0) {
                throw new IllegalArgumentException("cannot reflect-pad an empty signal");
            }
            for (int i = 0; i < pad; i++) {
                out[pad - 1 - i] = y[reflectIndex(-1 - i, n)];
                out[pad + n + i] = y[reflectIndex(n + i, n)];
            }
        }
        return out;
    }

    /** Maps an out-of-range index into [0, n) by repeated reflection without edge repetition. */
    static int reflectIndex(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
