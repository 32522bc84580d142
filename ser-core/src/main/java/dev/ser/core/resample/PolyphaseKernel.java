package dev.ser.core.resample;

import java.util.Arrays;

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
 *
 * <p>Integer decimation with a long filter (HIGH_QUALITY's 2:1 filter has about 400 taps) runs
 * as fast convolution ({@link FftDecimation}) whenever its estimated work is lower than the
 * direct sum's; the two agree to rounding (about 1e-15 of the output scale).
 */
public final class PolyphaseKernel implements ResamplingKernel {
    /** Outputs per block of the decimation loop: 8 KiB of doubles, well inside L1 with its inputs. */
    private static final int BLOCK = 1024;
    /** Below this many outputs the per-call stream copies cost more than they save. */
    private static final int MIN_BLOCKED_OUTPUTS = 64;
    /**
     * Measured time per unit of {@link FftDecimation#cost} over time per multiply-add of the
     * direct sum (about 0.5 and 0.3 ns with JTransforms behind {@code RealFft}): fast convolution
     * runs when its estimate times this is below the direct sum's {@code outputs * taps}.
     */
    private static final double FFT_COST_RATIO = 2.0;
    /** Shorter filters are always cheaper summed directly (scipy's polyphase ones among them). */
    private static final int MIN_FFT_TAPS = 64;
    /**
     * Larger factors keep the direct sum: fast convolution holds one filter spectrum per phase
     * and block length (about 50 KiB each at the longest block), too much memory to cache for
     * ratios such as 441:1.
     */
    private static final int MAX_FFT_FACTOR = 16;

    private final int up;
    private final int down;
    private final int taps;
    private final int lead;
    private final double[] table;
    /** Integer decimation by fast convolution, for long filters; null where it can never win. */
    private final FftDecimation fast;

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
        this.fast = up == 1 && down > 1 && down <= MAX_FFT_FACTOR && taps >= MIN_FFT_TAPS
                ? new FftDecimation(table, down, lead) : null;
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
        double[] table = new double[Math.multiplyExact(up, taps)];
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
     * Builds the exact table of an even kernel sampled on the grid of the ratio's phases.
     *
     * @param grid {@code grid.at(m) = h(m / up)}, the kernel in input samples, zero for
     *             {@code |m / up| >= lead}
     * @param lead {@code ceil} of the kernel's half-width in input samples
     */
    static PolyphaseKernel fromEvenKernel(EvenKernelGrid grid, int lead, int up, int down) {
        int taps = 2 * lead + 2;
        double[] table = new double[Math.multiplyExact(up, taps)];
        grid.fillRows(table, up, taps, lead);
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

    /** Input samples row {@code p} reaches before {@code q}: it starts at input {@code q - lead}. */
    int lead() {
        return lead;
    }

    /** The coefficients of phase {@code p} (a copy). */
    double[] row(int p) {
        return Arrays.copyOfRange(table, p * taps, (p + 1) * taps);
    }

    @Override
    public int naturalLength(int inputLength) {
        long n = (long) inputLength * up;
        return (int) ((n + down - 1) / down);
    }

    @Override
    public double[] apply(double[] x, int outputLength) {
        if (fast != null) {
            int exponent = fast.blockExponent(outputLength);
            if (exponent >= 0 && FFT_COST_RATIO * fast.cost(outputLength, exponent) < (double) outputLength * taps) {
                return fast.apply(x, outputLength, exponent);
            }
        }
        return applyDirect(x, outputLength);
    }

    /** {@link #apply} by direct summation, whatever the filter length: the reference for the fast path. */
    double[] applyDirect(double[] x, int outputLength) {
        if (up == 1 && outputLength >= MIN_BLOCKED_OUTPUTS) {
            return decimate(x, outputLength);
        }
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

    /**
     * Integer decimation ({@code up == 1}, one row {@code h}) reorganised so that the inner loop
     * runs over consecutive outputs with unit stride, which the JIT vectorises, where the
     * dot-product form cannot be (a floating-point reduction is not reordered). With
     * {@code xp} the input shifted by {@code lead}, {@code y[o] = sum_k h[k] xp[o * down + k]};
     * splitting {@code k = a * down + b} and the input into {@code down} interleaved streams
     * {@code s_b[j] = xp[j * down + b]} gives {@code y[o] = sum_b sum_a h[a * down + b] s_b[o + a]}.
     * Outputs are processed in blocks that stay in the L1 cache while every tap passes over them.
     */
    private double[] decimate(double[] x, int outputLength) {
        double[] y = new double[outputLength];
        int reach = (taps + down - 1) / down;        // values of a
        int streamLength = outputLength + reach;
        double[][] streams = new double[down][streamLength];
        for (int b = 0; b < down; b++) {
            double[] s = streams[b];
            for (int j = 0; j < streamLength; j++) {
                long i = (long) j * down + b - lead;   // index into x
                if (i >= 0 && i < x.length) {
                    s[j] = x[(int) i];
                }
            }
        }
        for (int from = 0; from < outputLength; from += BLOCK) {
            int to = Math.min(outputLength, from + BLOCK);
            for (int b = 0; b < down; b++) {
                double[] s = streams[b];
                int a = 0;
                int k = b;
                // four taps per pass over the block: one load and store of y per four products
                for (; k + 3 * down < taps; a += 4, k += 4 * down) {
                    double c0 = table[k];
                    double c1 = table[k + down];
                    double c2 = table[k + 2 * down];
                    double c3 = table[k + 3 * down];
                    for (int o = from; o < to; o++) {
                        y[o] += c0 * s[o + a] + c1 * s[o + a + 1] + c2 * s[o + a + 2] + c3 * s[o + a + 3];
                    }
                }
                for (; k < taps; a++, k += down) {
                    double c = table[k];
                    for (int o = from; o < to; o++) {
                        y[o] += c * s[o + a];
                    }
                }
            }
        }
        return y;
    }
}
