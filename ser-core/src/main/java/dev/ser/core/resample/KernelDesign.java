package dev.ser.core.resample;

/** Filter designs behind each {@link ResampleMode}. */
final class KernelDesign {
    /** scipy's resample_poly default window, ('kaiser', 5.0). */
    private static final double POLYPHASE_BETA = 5.0;
    /** scipy's resample_poly filter half-length, in zero crossings of the slower rate. */
    private static final int POLYPHASE_HALF_ZEROS = 10;

    private KernelDesign() {
    }

    /**
     * The filter of {@code scipy.signal.resample_poly(x, up, down)}: firwin with
     * {@code 2 * half + 1} taps, {@code half = 10 * max(up, down)}, cutoff {@code 1 / max(up, down)}
     * of the up-sampled Nyquist, Kaiser(5.0), gain {@code up}, its centre tap aligned with output
     * zero (which is what scipy's pre-padding and trimming amount to).
     */
    static ResamplingKernel polyphase(int up, int down) {
        int maxRate = Math.max(up, down);
        long half = (long) POLYPHASE_HALF_ZEROS * maxRate;
        if (2 * half + 1 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ratio " + up + "/" + down + " needs a filter too long for POLYPHASE");
        }
        double[] h = FirDesign.kaiserLowpass((int) (2 * half + 1), 1.0 / maxRate, POLYPHASE_BETA);
        for (int i = 0; i < h.length; i++) {
            h[i] *= up;
        }
        return PolyphaseKernel.fromPrototype(h, (int) half, up, down);
    }

    static ResamplingKernel highQuality(int up, int down) {
        return SincKernels.design(up, down);
    }
}
