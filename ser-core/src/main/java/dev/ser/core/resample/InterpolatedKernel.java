package dev.ser.core.resample;

/**
 * A resampling kernel for ratios whose exact polyphase table would be too large (for example
 * 24414 to 16000 Hz, which needs 8000 phases): the continuous kernel {@code h(tau)} is tabulated
 * at {@code phases} equally spaced fractional offsets per input sample, and each output sample
 * interpolates linearly between the dot products with the two rows around its exact offset.
 *
 * <p>The linear interpolation error of a kernel band-limited to half the sampling rate is at most
 * {@code (pi / phases)^2 / 8} of its peak, about 1.2e-6 (-118 dB) for 1024 phases: below the
 * filter's own stopband ripple.
 */
final class InterpolatedKernel implements ResamplingKernel {
    private final int up;
    private final int down;
    private final int phases;
    private final int taps;
    private final int lead;
    /** {@code phases + 1} rows of {@code taps}: row j holds {@code h(j / phases + lead - k)}. */
    private final double[] table;

    /**
     * @param grid   {@code grid.at(m) = h(m / phases)}, zero for {@code |m / phases| >= lead}
     * @param lead   {@code ceil} of the kernel's half-width in input samples
     * @param phases table rows per input sample
     */
    InterpolatedKernel(EvenKernelGrid grid, int lead, int up, int down, int phases) {
        this.up = up;
        this.down = down;
        this.phases = phases;
        this.lead = lead;
        this.taps = 2 * lead + 2;
        this.table = new double[Math.multiplyExact(phases + 1, taps)];
        grid.fillRows(table, phases + 1, taps, lead);
    }

    @Override
    public int naturalLength(int inputLength) {
        long n = (long) inputLength * up;
        return (int) ((n + down - 1) / down);
    }

    @Override
    public double[] apply(double[] x, int outputLength) {
        double[] y = new double[outputLength];
        int n = x.length;
        for (int o = 0; o < outputLength; o++) {
            long m = (long) o * down;
            int q = (int) (m / up);
            long p = m - (long) q * up;
            // exact position of the offset p/up on the table grid, split into row and weight
            long scaled = p * phases;
            int j = (int) (scaled / up);
            double a = (double) (scaled - (long) j * up) / up;
            int start = q - lead;
            int kFrom = Math.max(0, -start);
            int kTo = Math.min(taps, n - start);
            y[o] = (1.0 - a) * dot(j * taps, x, start, kFrom, kTo) + a * dot((j + 1) * taps, x, start, kFrom, kTo);
        }
        return y;
    }

    private double dot(int row, double[] x, int start, int kFrom, int kTo) {
        return kTo > kFrom ? Dot.product(table, row + kFrom, x, start + kFrom, kTo - kFrom) : 0.0;
    }
}
