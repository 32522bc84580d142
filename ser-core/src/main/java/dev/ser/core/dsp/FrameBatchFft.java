package dev.ser.core.dsp;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Real FFTs of a batch of frames at once, for a power-of-two length {@code n >= 2}: the engine of
 * {@link Stft} and {@link InverseStft}, with the same sign and scaling as numpy's {@code rfft} and
 * {@code irfft}. Rows are point-major: row {@code j} holds point {@code j} of every frame.
 *
 * <p>Forward: the even and odd samples become the real and imaginary parts of
 * {@code z[j] = x[2j] + i x[2j+1]}, {@code j < m = n/2}. With {@code Z = FFT_m(z)}
 * ({@link PowerOfTwoFft}), the spectra of the even and odd samples are
 * {@code E[k] = (Z[k] + conj Z[m-k]) / 2} and {@code O[k] = (Z[k] - conj Z[m-k]) / 2i}, and
 * {@code X[k] = E[k] + W_n^k O[k]} for {@code k = 0..m}. One pass computes {@code X[k]} and
 * {@code X[m-k]} together from the same two rows of {@code Z}, in place.
 *
 * <p>Inverse: the same identities solved for {@code Z}: {@code E[k] = (X[k] + conj X[m-k]) / 2},
 * {@code O[k] = (X[k] - conj X[m-k]) W_n^-k / 2}, {@code Z[k] = E[k] + i O[k]}, and the inverse
 * complex FFT of {@code Z} is {@code z}. That inverse FFT is the forward one with the real and
 * imaginary rows exchanged ({@code IFFT(Z) = swap(FFT(swap(Z))) / m}, {@code swap(a + ib) = b + ia}),
 * which costs nothing with split rows.
 *
 * <p>Why rows: C2 only vectorises loops whose array accesses all use the same index, so a
 * single FFT's butterflies (which combine points of one array at run-time distances) stay scalar.
 * Across frames, each butterfly is a loop over the frame index on a few distinct row arrays with
 * scalar twiddles, which does vectorise. The layout is also the STFT's own: a spectrum row is
 * one frequency bin over consecutive frames, so the bin-major output is written with
 * {@link System#arraycopy} and the inverse reads its input the same way.
 *
 * <p>A batch holds at most {@link #capacity()} frames (about a megabyte of rows for {@code n =
 * 2048}, which stays in L2 across the passes). Holds its rows as scratch: one instance per thread
 * ({@link #forSize}).
 */
final class FrameBatchFft implements FrameBatch {
    private static final ThreadLocal<Map<Integer, FrameBatchFft>> CACHE =
            ThreadLocal.withInitial(HashMap::new);
    /** Frames per batch times points per frame stays near this, so the rows fit in L2. */
    private static final int TARGET_VALUES = 1 << 16;

    private final int n;
    private final int m;
    private final int capacity;
    private final PowerOfTwoFft fft;
    private final int[] rev;
    private final double[] halfCos;
    private final double[] halfSin;
    private final double[][] zr;
    private final double[][] zi;
    /** The Nyquist bin's real parts (the only bin with no row of its own). */
    private final double[] nyquist;
    /** The imaginary parts of DC and Nyquist; never written. */
    private final double[] zeros;
    /** The window of the current forward split into even and odd samples. */
    private final double[] windowEven;
    private final double[] windowOdd;
    /** Row scales that leave the inverse's input as it is. */
    private final double[] ones;
    /** The rows in sample order after an inverse: {@code x[2j] = zr[rev j]}, {@code x[2j+1] = zi[rev j]}. */
    private final double[][] samples;

    private FrameBatchFft(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("length must be a power of two of at least 2, got " + n);
        }
        this.n = n;
        this.m = n / 2;
        this.capacity = Math.max(8, Math.min(64, TARGET_VALUES / m));
        this.fft = new PowerOfTwoFft(m);
        this.rev = fft.bitReversalTable();
        this.halfCos = new double[m];
        this.halfSin = new double[m];
        for (int k = 0; k < m; k++) {
            halfCos[k] = 0.5 * Math.cos(2 * Math.PI * k / n);
            halfSin[k] = 0.5 * Math.sin(2 * Math.PI * k / n);
        }
        this.zr = new double[m][capacity];
        this.zi = new double[m][capacity];
        this.nyquist = new double[capacity];
        this.zeros = new double[capacity];
        this.windowEven = new double[m];
        this.windowOdd = new double[m];
        this.ones = new double[m];
        Arrays.fill(ones, 1.0);
        this.samples = new double[n][];
        for (int j = 0; j < m; j++) {
            samples[2 * j] = zr[rev[j]];
            samples[2 * j + 1] = zi[rev[j]];
        }
    }

    /** The calling thread's instance for {@code n}-point frames. */
    static FrameBatchFft forSize(int n) {
        return CACHE.get().computeIfAbsent(n, FrameBatchFft::new);
    }

    /** Whether {@code n} is a length this class handles. */
    static boolean supports(int n) {
        return n >= 2 && Integer.bitCount(n) == 1;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public void forward(FrameGrid frames, int t0, double[] window, int count) {
        checkCount(count);
        load(frames, t0, count);
        splitWindow(window);
        fft.transformRows(zr, zi, count, windowEven, windowOdd);
        untangle(count);
    }

    /** The real parts of bin {@code k} ({@code 0..n/2}) of the frames of the last {@link #forward}. */
    @Override
    public double[] binRe(int k) {
        return k == m ? nyquist : zr[rev[k]];
    }

    /** The imaginary parts of bin {@code k} of the frames of the last {@link #forward}. */
    @Override
    public double[] binIm(int k) {
        return k == 0 || k == m ? zeros : zi[rev[k]];
    }

    /**
     * numpy's {@code irfft(X, n)} of {@code count} frames of a bin-major matrix ({@code rows} bins by
     * {@code cols} frames, from column {@code t0}): bins past {@code rows} count as zero, bins past
     * {@code n/2} are ignored. Read the samples with {@link #samples}.
     */
    void inverse(double[] re, double[] im, int rows, int cols, int t0, int count) {
        checkCount(count);
        gather(re, im, rows, cols, t0, count);
        tangle(count);
        // The forward transform of the exchanged arrays is the inverse transform with the parts
        // exchanged, and reading the rows back under their own names exchanges them back.
        fft.transformRows(zi, zr, count, ones, ones);
    }

    /**
     * After {@link #inverse}: {@code samples()[i][f]} is sample {@code i} ({@code < n}) of frame
     * {@code f} of the batch, scaled by {@code 1/n}. The rows are the transform's own (read-only).
     */
    double[][] samples() {
        return samples;
    }

    private void checkCount(int count) {
        if (count < 1 || count > capacity) {
            throw new IllegalArgumentException("batch of " + count + " frames, capacity " + capacity);
        }
    }

    /**
     * Frames into rows: {@code zr[j][f] = x_f[2j]}, {@code zi[j][f] = x_f[2j+1]}. The grid hands each
     * row over as one contiguous run, so the transposition is all copies; the window is applied by
     * the FFT's first stage ({@link #splitWindow}).
     */
    private void load(FrameGrid frames, int t0, int count) {
        for (int j = 0; j < m; j++) {
            frames.copySample(2 * j, t0, count, zr[j]);
            frames.copySample(2 * j + 1, t0, count, zi[j]);
        }
    }

    /** The window's even and odd samples, the row scales of the real and imaginary rows. */
    private void splitWindow(double[] window) {
        for (int j = 0; j < m; j++) {
            windowEven[j] = window[2 * j];
            windowOdd[j] = window[2 * j + 1];
        }
    }

    /** The forward twiddle pass ({@code X} from {@code Z}); bin {@code k} is left in row {@code rev[k]}. */
    private void untangle(int count) {
        double[] r0 = zr[0];
        double[] i0 = zi[0];
        for (int f = 0; f < count; f++) {
            double a = r0[f];
            double b = i0[f];
            r0[f] = a + b;
            nyquist[f] = a - b;
        }
        for (int k = 1; k < m - k; k++) {
            untanglePair(zr[rev[k]], zi[rev[k]], zr[rev[m - k]], zi[rev[m - k]], halfCos[k], halfSin[k], count);
        }
        if (m % 2 == 0) { // X[m/2] = conj Z[m/2]
            double[] im = zi[rev[m / 2]];
            for (int f = 0; f < count; f++) {
                im[f] = -im[f];
            }
        }
    }

    /**
     * {@code X[k]} and {@code X[m-k]} over {@code a = Z[k]} and {@code b = Z[m-k]}: with
     * {@code e = (ar + br) / 2}, {@code g = (ai - bi) / 2} and the rotated odd part
     * {@code p + iq = W^k (ai + bi, br - ar) / 2}, {@code X[k] = (e + p, g + q)} and
     * {@code X[m-k] = (e - p, q - g)} (the twiddle of {@code m-k} is {@code -conj W^k}).
     */
    private static void untanglePair(double[] ar, double[] ai, double[] br, double[] bi, double hc, double hs,
                                     int count) {
        for (int f = 0; f < count; f++) {
            double e = 0.5 * (ar[f] + br[f]);
            double g = 0.5 * (ai[f] - bi[f]);
            double or = ai[f] + bi[f];
            double oi = br[f] - ar[f];
            double p = hc * or + hs * oi;
            double q = hc * oi - hs * or;
            ar[f] = e + p;
            ai[f] = g + q;
            br[f] = e - p;
            bi[f] = q - g;
        }
    }

    /** Bin {@code k < m} into row {@code k}, the Nyquist bin into {@link #nyquist}; missing bins are zero. */
    private void gather(double[] re, double[] im, int rows, int cols, int t0, int count) {
        for (int k = 0; k < m; k++) {
            if (k < rows) {
                System.arraycopy(re, k * cols + t0, zr[k], 0, count);
                System.arraycopy(im, k * cols + t0, zi[k], 0, count);
            } else {
                Arrays.fill(zr[k], 0, count, 0.0);
                Arrays.fill(zi[k], 0, count, 0.0);
            }
        }
        if (m < rows) {
            System.arraycopy(re, m * cols + t0, nyquist, 0, count);
        } else {
            Arrays.fill(nyquist, 0, count, 0.0);
        }
    }

    /** The inverse's twiddle pass ({@code Z / m} from {@code X}) in natural row order. */
    private void tangle(int count) {
        double s = 1.0 / n;
        double s2 = 2.0 / n;
        double[] r0 = zr[0];
        double[] i0 = zi[0];
        for (int f = 0; f < count; f++) { // DC with Nyquist; their imaginary parts are ignored
            double dc = r0[f];
            r0[f] = s * (dc + nyquist[f]);
            i0[f] = s * (dc - nyquist[f]);
        }
        for (int k = 1; k < m - k; k++) {
            tanglePair(zr[k], zi[k], zr[m - k], zi[m - k], s, s2 * halfCos[k], s2 * halfSin[k], count);
        }
        if (m % 2 == 0) {
            double[] re = zr[m / 2];
            double[] im = zi[m / 2];
            for (int f = 0; f < count; f++) {
                re[f] = s2 * re[f];
                im[f] = -s2 * im[f];
            }
        }
    }

    /**
     * {@code Z[k]/m} and {@code Z[m-k]/m} over {@code a = X[k]} and {@code b = X[m-k]}: with
     * {@code e = (ar + br) / n}, {@code g = (ai - bi) / n}, {@code (gr, gi) = a - conj b},
     * {@code p = 2 (gr sin + gi cos) / n} and {@code q = 2 (gr cos - gi sin) / n} (angle
     * {@code 2 pi k / n}; {@code c} and {@code sn} arrive with the {@code 2/n} applied):
     * {@code Z[k]/m = (e - p, g + q)}, {@code Z[m-k]/m = (e + p, q - g)}.
     */
    private static void tanglePair(double[] ar, double[] ai, double[] br, double[] bi, double s, double c,
                                   double sn, int count) {
        for (int f = 0; f < count; f++) {
            double e = s * (ar[f] + br[f]);
            double g = s * (ai[f] - bi[f]);
            double gr = ar[f] - br[f];
            double gi = ai[f] + bi[f];
            double p = gr * sn + gi * c;
            double q = gr * c - gi * sn;
            ar[f] = e - p;
            ai[f] = g + q;
            br[f] = e + p;
            bi[f] = q - g;
        }
    }
}
