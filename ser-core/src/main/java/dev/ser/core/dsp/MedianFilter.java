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
 * <p>Two implementations give identical values. Whole matrices are filtered by
 * {@link LaneMedian}, which runs many rows or columns in lockstep with vectorised min/max
 * networks; single sequences, narrow matrices, long windows and input holding {@code -0.0} use the
 * sequential {@link SortedWindowMedian} (a sorted window updated with one shifted move per step).
 * NaN inputs are rejected ({@link IllegalArgumentException}): they have no rank.
 * Stateless and thread-safe.
 */
public final class MedianFilter {
    /**
     * Fewer lanes than this leave {@link LaneMedian}'s vector loops mostly empty; the sequential
     * filter is then as fast.
     */
    static final int MIN_LANES = 8;
    /**
     * Above this window the lockstep kernel's work ({@code ~size} min/max per output and lane)
     * and memory ({@code size^2 / 2} values per lane) outgrow the sequential filter's.
     */
    static final int MAX_LANE_SIZE = 128;
    /**
     * Budget in doubles (1 MiB) for {@link LaneMedian}'s stored lists, which sets how many lanes one
     * call takes: about 260 for the 31-point window. Measured: 64 to 128 lanes run the vector loops
     * too short, beyond about 400 the lists fall out of the L2 cache.
     */
    private static final int LANE_SCRATCH = 128 * 1024;

    private static final long NEGATIVE_ZERO_BITS = Double.doubleToRawLongBits(-0.0);

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
        if (useLanes(m.data(), rows, size)) {
            filterRowsInLockstep(m, size, out);
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
        if (useLanes(m.data(), cols, size)) {
            filterColumnsInLockstep(m, size, out);
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
    private static void filterColumnsInLockstep(Matrix m, int size, Matrix out) {
        int rows = m.rows();
        int cols = m.cols();
        int[] rowStart = new int[rows + size - 1];
        for (int e = 0; e < rowStart.length; e++) {
            rowStart[e] = symmetricIndex(e - size / 2, rows) * cols;
        }
        int chunk = chunkLanes(size, cols);
        LaneMedian kernel = new LaneMedian(size, chunk);
        for (int c = 0; c < cols; c += chunk) {
            int width = Math.min(chunk, cols - c);
            kernel.filter(m.data(), rowStart, c, rows, width, out.data(), c, cols, 1);
        }
    }

    /**
     * Rows become lanes by transposing a block of rows, reflected ends included, into scratch
     * (row-major data would otherwise be read with a stride); the kernel writes the results back
     * into the rows directly.
     */
    private static void filterRowsInLockstep(Matrix m, int size, Matrix out) {
        int rows = m.rows();
        int cols = m.cols();
        int extended = cols + size - 1;
        int chunk = chunkLanes(size, rows);
        int[] source = new int[extended];
        int[] rowStart = new int[extended];
        for (int e = 0; e < extended; e++) {
            source[e] = symmetricIndex(e - size / 2, cols);
            rowStart[e] = e * chunk;
        }
        double[] scratch = new double[extended * chunk];
        double[] in = m.data();
        LaneMedian kernel = new LaneMedian(size, chunk);
        for (int r = 0; r < rows; r += chunk) {
            int width = Math.min(chunk, rows - r);
            for (int l = 0; l < width; l++) {
                int row = (r + l) * cols;
                for (int e = 0, d = l; e < extended; e++, d += chunk) {
                    scratch[d] = in[row + source[e]];
                }
            }
            kernel.filter(scratch, rowStart, 0, cols, width, out.data(), r * cols, 1, cols);
        }
    }

    /** Lanes per {@link LaneMedian} call, so its stored lists stay within {@link #LANE_SCRATCH}. */
    private static int chunkLanes(int size, int lanes) {
        int perLane = size * (size / 2 + 1);
        int chunk = Math.max(MIN_LANES, LANE_SCRATCH / perLane);
        return Math.min(chunk, lanes);
    }

    /**
     * Whether the lockstep kernel applies. Also rejects NaN, which has no rank, and routes input
     * with a negative zero to the sequential filter, whose choice between equal zeros the kernel
     * does not reproduce bit for bit.
     */
    private static boolean useLanes(double[] data, int lanes, int size) {
        boolean negativeZero = false;
        for (double v : data) {
            // One well-predicted branch per value: spectrogram magnitudes are nearly all positive.
            if (!(v > 0)) {
                if (v != v) {
                    throw new IllegalArgumentException("median filter input contains NaN");
                }
                negativeZero |= Double.doubleToRawLongBits(v) == NEGATIVE_ZERO_BITS;
            }
        }
        return !negativeZero && lanes >= MIN_LANES && size <= MAX_LANE_SIZE;
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
