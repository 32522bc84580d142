package dev.ser.core.resample;

import dev.ser.core.dsp.RealFft;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Integer decimation by a long FIR filter as block-wise fast convolution (overlap-save), for the
 * same sums {@link PolyphaseKernel} evaluates directly: {@code y[o] = sum_k h[k] x[o * down + k - lead]}.
 *
 * <p>Splitting the taps as {@code k = a * down + b} and the input into {@code down} interleaved
 * streams {@code s_b[j] = x[j * down + b - lead]} gives {@code y[o] = sum_b sum_a g_b[a] s_b[o + a]}
 * with the polyphase filters {@code g_b[a] = h[a * down + b]}: {@code down} correlations at the
 * output rate, each {@code reach = ceil(taps / down)} taps long. For a block of {@code m} stream
 * samples from {@code o0}, the convolution theorem turns the sum of the circular correlations into
 * one spectrum, {@code sum_b S_b(f) conj(G_b(f))}, whose inverse transform holds the outputs
 * {@code o0 .. o0 + m - reach} unwrapped. Each block thus costs {@code down} real FFTs of
 * {@code m} points and one inverse for {@code m - reach + 1} outputs: for the 2:1 HIGH_QUALITY
 * filter (reach 199) and 1024-point blocks, about ten radix-2 butterflies (some 100 flops) per
 * output where the direct sum spends 398 multiply-adds (796 flops). Block lengths are powers of two whatever the factor, the sizes FFTs
 * do best. The rounding differs from the direct sum's by about {@code 1e-15 * max|y|}.
 *
 * <p>Thread-safe: the filter spectra of each block length are computed on first use (a benign
 * race computes identical arrays), FFT plans are per thread, and working arrays are per call.
 */
final class FftDecimation {
    /** Blocks are {@code 2^e} output samples for {@code e} in {@code [MIN_EXPONENT, MAX_EXPONENT]}. */
    private static final int MIN_EXPONENT = 5;
    /**
     * At most 4096-point blocks: longer ones save little overlap once the block is ten times the
     * filter, take {@code down + 1} spectra out of the L2 cache, and make JTransforms (behind
     * {@code RealFft}) start threads from 8192 points on.
     */
    private static final int MAX_EXPONENT = 12;

    private final double[] h;
    private final int down;
    private final int lead;
    /** Stream samples each output needs: the polyphase filters' length. */
    private final int reach;
    /** Per block exponent, {@code [b][0]} real and {@code [b][1]} imaginary parts of {@code conj(G_b)}. */
    private final AtomicReferenceArray<double[][][]> spectra = new AtomicReferenceArray<>(MAX_EXPONENT + 1);

    /**
     * @param h    the filter taps (taken over, not copied)
     * @param down the decimation factor, at least 2
     * @param lead input samples the filter reaches before {@code o * down}
     */
    FftDecimation(double[] h, int down, int lead) {
        if (down < 2) {
            throw new IllegalArgumentException("decimation factor must be at least 2, got " + down);
        }
        this.h = h;
        this.down = down;
        this.lead = lead;
        this.reach = (h.length + down - 1) / down;
    }

    /**
     * The block exponent {@code e} (blocks of {@code 2^e} outputs) that minimises the estimated
     * work for {@code outputLength} outputs, or -1 if even the longest block cannot hold the filter.
     */
    int blockExponent(int outputLength) {
        int best = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int e = MIN_EXPONENT; e <= MAX_EXPONENT; e++) {
            double cost = cost(outputLength, e);
            if (cost < bestCost) {
                bestCost = cost;
                best = e;
            }
            if (validOutputs(1 << e) >= outputLength) {
                break;                       // one block holds everything; longer ones only add work
            }
        }
        return best;
    }

    /**
     * Estimated work for {@code outputLength} outputs in blocks of {@code 2^exponent}, in the
     * units of the direct sum's multiply-adds: for each block, {@code down + 1} transforms of
     * about {@code 2 m log2(m)} flops at about two flops per multiply-add, and the spectral
     * products; infinite where the block cannot hold the filter.
     */
    double cost(int outputLength, int exponent) {
        int m = 1 << exponent;
        int valid = validOutputs(m);
        if (valid < 1) {
            return Double.POSITIVE_INFINITY;
        }
        long blocks = ((long) outputLength + valid - 1) / valid;
        return blocks * (double) m * ((down + 1) * exponent + 2.0 * down);
    }

    /** Outputs one block of {@code m} stream samples yields without wrap-around. */
    private int validOutputs(int m) {
        return m - reach + 1;
    }

    /**
     * The decimated signal, {@code outputLength} samples, with blocks of {@code 2^exponent}
     * outputs ({@link #blockExponent} picks the cheapest).
     */
    double[] apply(double[] x, int outputLength, int exponent) {
        int m = 1 << exponent;
        int valid = validOutputs(m);
        if (valid < 1) {
            throw new IllegalArgumentException("blocks of " + m + " samples cannot hold " + reach + " polyphase taps");
        }
        double[] y = new double[outputLength];
        if (outputLength == 0) {
            return y;
        }
        int blocks = (outputLength + valid - 1) / valid;
        double[][] streams = streams(x, (blocks - 1) * valid + m);
        double[][][] filters = spectrum(exponent);
        RealFft fft = RealFft.forSize(m);
        int bins = m / 2 + 1;
        double[] re = new double[bins];
        double[] im = new double[bins];
        double[] sumRe = new double[bins];
        double[] sumIm = new double[bins];
        double[] tail = new double[m];
        for (int o0 = 0; o0 < outputLength; o0 += valid) {
            Arrays.fill(sumRe, 0.0);
            Arrays.fill(sumIm, 0.0);
            for (int b = 0; b < down; b++) {
                fft.forward(streams[b], o0, re, im);
                multiplyAdd(re, im, filters[b][0], filters[b][1], sumRe, sumIm);
            }
            if (o0 + m <= outputLength) {
                // the values past `valid` are wrapped ones; the next block overwrites them
                fft.inverse(sumRe, sumIm, y, o0);
            } else {
                fft.inverse(sumRe, sumIm, tail, 0);
                System.arraycopy(tail, 0, y, o0, Math.min(valid, outputLength - o0));
            }
        }
        return y;
    }

    /** The {@code down} input streams {@code s_b[j] = x[j * down + b - lead]}, zero outside {@code x}, {@code length} each. */
    private double[][] streams(double[] x, int length) {
        double[][] s = new double[down][length];
        for (int b = 0; b < down; b++) {
            double[] sb = s[b];
            // j * down + b - lead in [0, x.length): j from ceil((lead - b) / down)
            int first = Math.max(0, Math.floorDiv(lead - b + down - 1, down));
            for (int j = first, i = first * down + b - lead; j < length && i < x.length; j++, i += down) {
                sb[j] = x[i];
            }
        }
        return s;
    }

    /** {@code sum += S * conj(G)}, bin by bin (unit-stride, which the JIT vectorises). */
    private static void multiplyAdd(double[] re, double[] im, double[] gRe, double[] gIm, double[] sumRe,
                                    double[] sumIm) {
        for (int k = 0; k < re.length; k++) {
            double xr = re[k];
            double xi = im[k];
            sumRe[k] += xr * gRe[k] - xi * gIm[k];
            sumIm[k] += xr * gIm[k] + xi * gRe[k];
        }
    }

    /** {@code conj(G_b)} of every polyphase filter, for blocks of {@code 2^exponent} samples. */
    private double[][][] spectrum(int exponent) {
        double[][][] s = spectra.get(exponent);
        if (s == null) {
            int m = 1 << exponent;
            RealFft fft = RealFft.forSize(m);
            s = new double[down][2][m / 2 + 1];
            double[] g = new double[m];
            for (int b = 0; b < down; b++) {
                Arrays.fill(g, 0.0);
                for (int a = 0, k = b; k < h.length; a++, k += down) {
                    g[a] = h[k];
                }
                fft.forward(g, 0, s[b][0], s[b][1]);
                double[] gIm = s[b][1];
                for (int k = 0; k < gIm.length; k++) {
                    gIm[k] = -gIm[k];
                }
            }
            spectra.set(exponent, s);
        }
        return s;
    }
}
