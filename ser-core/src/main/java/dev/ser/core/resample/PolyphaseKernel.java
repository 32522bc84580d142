package dev.ser.core.resample;

/**
 * A rational-ratio resampling filter split into its polyphase components, precomputed once per
 * rate pair and then applied to any number of signals (immutable, so safe to share between
 * threads).
 *
 * <p>Resampling by {@code up/down} evaluates, for every output sample {@code n}, the sum
 * {@code y[n] = sum_i x[i] * h(n * down / up - i)}, where {@code h} is a low-pass kernel in units
 * of input samples centred on zero. Writing {@code n * down = q * up + p}, the output sees only
 * the {@code up} distinct kernel offsets {@code p / up}; row {@code p} of the table holds
 * {@code h(p / up + lead - k)} for {@code k = 0 .. taps - 1}, so that each output sample is one
 * contiguous dot product with {@code x[q - lead .. q - lead + taps - 1]}.
 */
public final class PolyphaseKernel implements ResamplingKernel {
    private final int up;
    private final int down;
    private final int taps;
    private final int lead;
    private final double[] table;

    /**
     * @param up    interpolation factor (target rate / gcd)
     * @param down  decimation factor (source rate / gcd)
     * @param taps  row length
     * @param lead  input samples reaching ahead of {@code q}: row {@code p} starts at input {@code q - lead}
     * @param table {@code up * taps} coefficients, row-major (taken over, not copied)
     */
    PolyphaseKernel(int up, int down, int taps, int lead, double[] table) {
        if (table.length != (long) up * taps) {
            throw new IllegalArgumentException("table holds " + table.length + " values, expected " + up + " x " + taps);
        }
        this.up = up;
        this.down = down;
        this.taps = taps;
        this.lead = lead;
        this.table = table;
    }

    /**
     * Splits a discrete prototype filter of the up-sampled rate into polyphase rows: the
     * prototype tap at index {@code c} (centre {@code center}) weighs input {@code i} for output
     * {@code n} when {@code n * down - i * up = c - center}, exactly as {@code upfirdn} with the
     * filter's centre aligned to output zero.
     *
     * @param prototype the filter taps, already including any gain
     * @param center    index of the tap at zero delay
     */
    static PolyphaseKernel fromPrototype(double[] prototype, int center, int up, int down) {
        // Taps after the centre weigh earlier inputs (up to `lead` samples back from q); taps
        // before it weigh later inputs, and the largest phase p = up - 1 reaches furthest.
        int after = prototype.length - 1 - center;
        int lead = ceilDiv(after, up);
        int ahead = ceilDiv(center + up - 1, up);
        int taps = lead + ahead + 1;
        double[] table = new double[up * taps];
        for (int p = 0; p < up; p++) {
            for (int k = 0; k < taps; k++) {
                // offset in up-sampled units between output n and input i = q - lead + k
                long c = (long) p + (long) (lead - k) * up + center;
                if (c >= 0 && c < prototype.length) {
                    table[p * taps + k] = prototype[(int) c];
                }
            }
        }
        return new PolyphaseKernel(up, down, taps, lead, table);
    }

    /**
     * Samples a continuous kernel {@code h(tau)} (tau in input samples, zero for
     * {@code |tau| >= halfWidth}) at the {@code up} offsets the ratio needs.
     */
    static PolyphaseKernel fromFunction(java.util.function.DoubleUnaryOperator h, double halfWidth, int up, int down) {
        int lead = (int) Math.ceil(halfWidth);
        int taps = 2 * lead + 2;
        double[] table = new double[Math.multiplyExact(up, taps)];
        for (int p = 0; p < up; p++) {
            double frac = (double) p / up;
            for (int k = 0; k < taps; k++) {
                table[p * taps + k] = h.applyAsDouble(frac + lead - k);
            }
        }
        return new PolyphaseKernel(up, down, taps, lead, table);
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    /** The interpolation factor {@code up}. */
    public int up() {
        return up;
    }

    /** The decimation factor {@code down}. */
    public int down() {
        return down;
    }

    /** Coefficients per output sample. */
    public int taps() {
        return taps;
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
            int p = (int) (m - (long) q * up);
            int start = q - lead;
            int row = p * taps;
            int kFrom = Math.max(0, -start);
            int kTo = Math.min(taps, n - start);
            y[o] = kTo > kFrom ? Dot.product(table, row + kFrom, x, start + kFrom, kTo - kFrom) : 0.0;
        }
        return y;
    }
}
