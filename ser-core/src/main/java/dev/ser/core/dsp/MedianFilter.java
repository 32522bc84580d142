package dev.ser.core.dsp;

import java.util.Arrays;

/**
 * Sliding median filters with the semantics of {@code scipy.ndimage.median_filter(..., mode='reflect')},
 * which librosa's {@code decompose.hpss} uses.
 *
 * <p>Conventions, matching scipy exactly:
 * <ul>
 *   <li>The window of size {@code k} for output {@code i} covers inputs {@code i - k/2} to
 *       {@code i - k/2 + k - 1} (integer division), so an even window reaches one sample further
 *       back than forward.</li>
 *   <li>The value is the element of rank {@code k/2} (0-based) of the sorted window: the true
 *       median for odd {@code k}, the upper of the two middle values for even {@code k} (no
 *       averaging).</li>
 *   <li>Beyond the ends the input is mirrored half-sample symmetrically, repeating the edge sample
 *       ({@code d c b a | a b c d | d c b a}): scipy.ndimage's {@code 'reflect'}, which is numpy's
 *       {@code 'symmetric'}, not numpy's {@code 'reflect'}. A window longer than the input keeps
 *       reflecting (the input is extended with period {@code 2n}).</li>
 * </ul>
 *
 * <p>The filter keeps the current window sorted and, per step, moves the outgoing sample's slot to
 * the incoming sample's rank: a branch-free binary search plus a shift of on average about
 * {@code k/3} elements, with no allocation per step. For the {@code k = 31} of HPSS this measured
 * fastest among the alternatives tried (see {@code docs/hpss.md}). NaN inputs give unspecified
 * results.
 * Stateless and thread-safe.
 */
public final class MedianFilter {
    private MedianFilter() {
    }

    /**
     * Filters each row independently along its columns: {@code median_filter(m, size=(1, size))}.
     * For a spectrogram this smooths each frequency bin over time (HPSS's harmonic filter).
     *
     * @param size window length in samples, at least 1
     * @return a new matrix of the same shape
     */
    public static Matrix filterRows(Matrix m, int size) {
        checkSize(size);
        int rows = m.rows();
        int cols = m.cols();
        Matrix out = new Matrix(rows, cols);
        if (cols == 0) {
            return out;
        }
        Workspace ws = new Workspace(cols, size);
        for (int r = 0; r < rows; r++) {
            ws.filter(m.data(), m.rowOffset(r), 1, cols, out.data(), out.rowOffset(r), 1);
        }
        return out;
    }

    /**
     * Filters each column independently along its rows: {@code median_filter(m, size=(size, 1))}.
     * For a spectrogram this smooths each frame over frequency (HPSS's percussive filter).
     *
     * @param size window length in samples, at least 1
     * @return a new matrix of the same shape
     */
    public static Matrix filterColumns(Matrix m, int size) {
        checkSize(size);
        int rows = m.rows();
        int cols = m.cols();
        Matrix out = new Matrix(rows, cols);
        if (rows == 0) {
            return out;
        }
        Workspace ws = new Workspace(rows, size);
        for (int c = 0; c < cols; c++) {
            ws.filter(m.data(), c, cols, rows, out.data(), c, cols);
        }
        return out;
    }

    /**
     * Filters a one-dimensional signal: {@code median_filter(x, size=size, mode='reflect')}.
     *
     * @param size window length in samples, at least 1
     * @return a new array of the same length
     */
    public static double[] filter(double[] x, int size) {
        checkSize(size);
        double[] out = new double[x.length];
        if (x.length > 0) {
            new Workspace(x.length, size).filter(x, 0, 1, x.length, out, 0, 1);
        }
        return out;
    }

    private static void checkSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("median filter size must be at least 1, got " + size);
        }
    }

    /** Index into {@code [0, n)} of position {@code i} of the half-sample symmetric extension. */
    static int symmetricIndex(int i, int n) {
        int m = Math.floorMod(i, 2 * n);
        return m < n ? m : 2 * n - 1 - m;
    }

    /**
     * Scratch buffers for filtering many sequences of one length with one window size, reused
     * across rows or columns so the hot loop allocates nothing.
     */
    private static final class Workspace {
        private final int size;
        private final int rank;
        /** The sequence extended by reflection: output i sees {@code extended[i, i + size)}. */
        private final double[] extended;
        /** The current window, sorted ascending. */
        private final double[] window;

        Workspace(int length, int size) {
            this.size = size;
            this.rank = size / 2;
            this.extended = new double[length + size - 1];
            this.window = new double[size];
        }

        /** Filters {@code n} values read at {@code in[inOff + j * inStride]} into {@code out}. */
        void filter(double[] in, int inOff, int inStride, int n, double[] out, int outOff, int outStride) {
            extend(in, inOff, inStride, n);
            double[] ext = extended;
            double[] win = window;
            System.arraycopy(ext, 0, win, 0, size);
            Arrays.sort(win);
            out[outOff] = win[rank];
            for (int i = 1, o = outOff + outStride; i < n; i++, o += outStride) {
                double leaving = ext[i - 1];
                double entering = ext[i + size - 1];
                if (leaving != entering) {
                    replace(win, leaving, entering);
                }
                out[o] = win[rank];
            }
        }

        /** Fills {@link #extended} with the reflected sequence. */
        private void extend(double[] in, int inOff, int inStride, int n) {
            int before = size / 2;
            double[] ext = extended;
            for (int j = before, s = inOff; j < before + n; j++, s += inStride) {
                ext[j] = in[s];
            }
            for (int j = 0; j < before; j++) {
                ext[j] = ext[before + symmetricIndex(j - before, n)];
            }
            for (int j = before + n; j < ext.length; j++) {
                ext[j] = ext[before + symmetricIndex(j - before, n)];
            }
        }

        /**
         * Replaces one occurrence of {@code leaving} in the sorted window by {@code entering},
         * shifting the values in between by one slot so the window stays sorted.
         */
        private void replace(double[] win, double leaving, double entering) {
            int p = lowerBound(win, leaving);
            if (entering > leaving) {
                int last = win.length - 1;
                while (p < last && win[p + 1] < entering) {
                    win[p] = win[p + 1];
                    p++;
                }
            } else {
                while (p > 0 && win[p - 1] > entering) {
                    win[p] = win[p - 1];
                    p--;
                }
            }
            win[p] = entering;
        }

        /**
         * First index whose value is not below {@code v} (the value there equals v when present).
         * Written without a data-dependent branch: the halving steps depend only on the length and
         * the comparison feeds a conditional move, which measured about 25% faster overall than a
         * classic binary search whose branches the CPU cannot predict.
         */
        private static int lowerBound(double[] a, double v) {
            int base = 0;
            int len = a.length;
            while (len > 1) {
                int half = len >>> 1;
                base = a[base + half] < v ? base + half : base;
                len -= half;
            }
            return base + (a[base] < v ? 1 : 0);
        }
    }
}
