package dev.ser.core.dsp;

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
 * <p>Two implementations give identical values. Matrices of non-negative values (spectrograms)
 * are filtered by {@link LaneMedian}, which runs many rows or columns in lockstep with vectorised
 * min/max networks; single sequences, narrow matrices, long windows and input with a negative
 * value or {@code -0.0} use the sequential {@link SortedWindowMedian} (a sorted window updated by
 * one shifted move per step).
 * NaN inputs are rejected ({@link IllegalArgumentException}): they have no rank.
 * Stateless and thread-safe.
 */
public final class MedianFilter {
    /**
     * Fewer lanes than this run {@link LaneMedian}'s vector loops too short to beat the sequential
     * filter. Measured (window 31): 16 lanes of 1025 values lose on rows, 32 win 1.3-1.7x.
     */
    static final int MIN_LANES = 32;
    /**
     * Fewer outputs than this do not repay the kernel's per-call set-up (its lists, the keys, the
     * transposes). Measured (window 31): 64 x 117 about even, 128 x 117 about even to 1.3x,
     * 1025 x 117 2.1-2.9x.
     */
    static final int MIN_LANE_OUTPUTS = 16 * 1024;
    /**
     * Longer windows go to the sequential filter: the kernel's memory grows as {@code size^2 / 2}
     * values per lane, so its chunks of lanes shrink (measured still faster up to 101 with 512
     * lanes; this leaves margin).
     */
    static final int MAX_LANE_SIZE = 64;
    /** The fewest lanes one {@link LaneMedian} call takes, whatever the scratch budget says. */
    private static final int MIN_CHUNK = 32;
    /**
     * Budget in longs (512 KiB) for {@link LaneMedian}'s lists, which sets how many lanes one call
     * takes: 132 for the 31-point window. Measured on a 1025 x 117 spectrogram: 132 to 176 lanes
     * best, 264 about 5% slower along rows, 528 about 20% slower (the lists leave the L2 cache).
     */
    private static final int LANE_SCRATCH = 64 * 1024;

    private static final long POSITIVE_INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    private MedianFilter() {
    }

    /**
     * Filters each row independently along its columns: {@code median_filter(m, size=(1, size))}.
     * For a spectrogram this smooths each frequency bin over time (HPSS's harmonic filter).
     *
     * @param size window length in samples, at least 1
     * @return a new matrix of the same shape
     * @throws IllegalArgumentException for a size below 1 or a NaN in the input
     */
    public static Matrix filterRows(Matrix m, int size) {
        checkSize(size);
        int rows = m.rows();
        int cols = m.cols();
        Matrix out = new Matrix(rows, cols);
        if (cols == 0 || rows == 0) {
            return out;
        }
        long[] keys = lanesApply(rows, cols, size) ? keysOf(m.data()) : null;
        if (keys != null) {
            filterRowsInLockstep(keys, rows, cols, size, out);
        } else {
            SortedWindowMedian ws = new SortedWindowMedian(cols, size);
            for (int r = 0; r < rows; r++) {
                ws.filter(m.data(), m.rowOffset(r), 1, cols, out.data(), out.rowOffset(r), 1);
            }
        }
        return out;
    }

    /**
     * Filters each column independently along its rows: {@code median_filter(m, size=(size, 1))}.
     * For a spectrogram this smooths each frame over frequency (HPSS's percussive filter).
     *
     * @param size window length in samples, at least 1
     * @return a new matrix of the same shape
     * @throws IllegalArgumentException for a size below 1 or a NaN in the input
     */
    public static Matrix filterColumns(Matrix m, int size) {
        checkSize(size);
        int rows = m.rows();
        int cols = m.cols();
        Matrix out = new Matrix(rows, cols);
        if (rows == 0 || cols == 0) {
            return out;
        }
        long[] keys = lanesApply(cols, rows, size) ? keysOf(m.data()) : null;
        if (keys != null) {
            filterColumnsInLockstep(keys, rows, cols, size, out);
        } else {
            SortedWindowMedian ws = new SortedWindowMedian(rows, size);
            for (int c = 0; c < cols; c++) {
                ws.filter(m.data(), c, cols, rows, out.data(), c, cols);
            }
        }
        return out;
    }

    /**
     * Filters a one-dimensional signal: {@code median_filter(x, size=size, mode='reflect')}.
     *
     * @param size window length in samples, at least 1
     * @return a new array of the same length
     * @throws IllegalArgumentException for a size below 1 or a NaN in the input
     */
    public static double[] filter(double[] x, int size) {
        checkSize(size);
        double[] out = new double[x.length];
        if (x.length > 0) {
            new SortedWindowMedian(x.length, size).filter(x, 0, 1, x.length, out, 0, 1);
        }
        return out;
    }

    /**
     * Columns are already lanes: row {@code e} of the reflected extension is row
     * {@code symmetricIndex(e - size/2)} of the matrix, so the kernel reads the matrix in place,
     * a block of columns at a time.
     */
    private static void filterColumnsInLockstep(long[] keys, int rows, int cols, int size, Matrix out) {
        int[] rowStart = new int[rows + size - 1];
        for (int e = 0; e < rowStart.length; e++) {
            rowStart[e] = symmetricIndex(e - size / 2, rows) * cols;
        }
        int chunk = chunkLanes(size, cols);
        LaneMedian kernel = new LaneMedian(size, chunk);
        for (int c = 0; c < cols; c += chunk) {
            int width = Math.min(chunk, cols - c);
            kernel.filter(keys, rowStart, c, rows, width, out.data(), c, cols);
        }
    }

    /**
     * Rows become lanes by transposing a block of rows, reflected ends included, into scratch
     * (row-major data would otherwise be read with a stride), and the results are transposed back.
     */
    private static void filterRowsInLockstep(long[] keys, int rows, int cols, int size, Matrix out) {
        int extended = cols + size - 1;
        int chunk = chunkLanes(size, rows);
        int[] source = new int[extended];
        int[] rowStart = new int[extended];
        for (int e = 0; e < extended; e++) {
            source[e] = symmetricIndex(e - size / 2, cols);
            rowStart[e] = e * chunk;
        }
        long[] scratch = new long[extended * chunk];
        double[] medians = new double[cols * chunk];
        double[] o = out.data();
        LaneMedian kernel = new LaneMedian(size, chunk);
        for (int r = 0; r < rows; r += chunk) {
            int width = Math.min(chunk, rows - r);
            for (int l = 0; l < width; l++) {
                int row = (r + l) * cols;
                for (int e = 0, d = l; e < extended; e++, d += chunk) {
                    scratch[d] = keys[row + source[e]];
                }
            }
            kernel.filter(scratch, rowStart, 0, cols, width, medians, 0, chunk);
            for (int l = 0; l < width; l++) {
                int row = (r + l) * cols;
                for (int i = 0, d = l; i < cols; i++, d += chunk) {
                    o[row + i] = medians[d];
                }
            }
        }
    }

    /** Lanes per {@link LaneMedian} call, so its stored lists stay within {@link #LANE_SCRATCH}. */
    private static int chunkLanes(int size, int lanes) {
        int perLane = size * (size / 2 + 1);
        int chunk = Math.max(MIN_CHUNK, LANE_SCRATCH / perLane);
        return Math.min(chunk, lanes);
    }

    /** Whether the lockstep kernel pays for this many lanes of {@code n} values and this window. */
    private static boolean lanesApply(int lanes, int n, int size) {
        return lanes >= MIN_LANES && (long) lanes * n >= MIN_LANE_OUTPUTS && size <= MAX_LANE_SIZE;
    }

    /**
     * The {@link LaneMedian} keys (raw bits) of the values, or {@code null} when a value is
     * negative, {@code -0.0} or NaN (sign bit set, or bits above {@code +inf}): such input goes to
     * the sequential filter, which orders signed zeros as equal and rejects NaN.
     */
    private static long[] keysOf(double[] data) {
        long[] keys = new long[data.length];
        long signs = 0;
        for (int i = 0; i < data.length; i++) {
            long k = Double.doubleToRawLongBits(data[i]);
            keys[i] = k;
            // Branch-free: the sign bit of k, or of (+inf - k) for the NaNs above +inf.
            signs |= k | (POSITIVE_INFINITY_BITS - k);
        }
        return signs < 0 ? null : keys;
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
}
