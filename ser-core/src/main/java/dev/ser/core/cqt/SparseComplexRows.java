package dev.ser.core.cqt;

import java.util.Arrays;

/**
 * An immutable complex matrix stored by rows with only the kept coefficients (CSR layout): the
 * frequency-domain filters of one octave after sparsification.
 */
final class SparseComplexRows {
    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final int[] index;
    private final double[] re;
    private final double[] im;

    private SparseComplexRows(int rows, int cols, int[] rowStart, int[] index, double[] re, double[] im) {
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.index = index;
        this.re = re;
        this.im = im;
    }

    /**
     * Keeps, in each row of the dense complex matrix {@code (denseRe, denseIm)} (row-major,
     * {@code rows x cols}), the coefficients whose magnitude reaches the threshold below which
     * at most {@code quantile} of the row's L1 mass lies, as {@code librosa.util.sparsify_rows}:
     * with the magnitudes sorted ascending and their running sum taken relative to the row
     * total, the threshold is the first sorted magnitude whose running share reaches
     * {@code quantile}; every coefficient at least that large is kept (ties included).
     *
     * @param scale multiplies every kept coefficient
     */
    static SparseComplexRows sparsify(double[] denseRe, double[] denseIm, int rows, int cols, double quantile,
                                      double scale) {
        int[] rowStart = new int[rows + 1];
        int[] index = new int[rows * cols];
        double[] outRe = new double[rows * cols];
        double[] outIm = new double[rows * cols];
        double[] mags = new double[cols];
        double[] sorted = new double[cols];
        int nnz = 0;
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            for (int k = 0; k < cols; k++) {
                mags[k] = Math.hypot(denseRe[off + k], denseIm[off + k]);
            }
            double threshold = quantile > 0 ? threshold(mags, sorted, quantile) : Double.NEGATIVE_INFINITY;
            rowStart[r] = nnz;
            for (int k = 0; k < cols; k++) {
                if (mags[k] >= threshold) {
                    index[nnz] = k;
                    outRe[nnz] = denseRe[off + k] * scale;
                    outIm[nnz] = denseIm[off + k] * scale;
                    nnz++;
                }
            }
        }
        rowStart[rows] = nnz;
        return new SparseComplexRows(rows, cols, rowStart, Arrays.copyOf(index, nnz), Arrays.copyOf(outRe, nnz),
                Arrays.copyOf(outIm, nnz));
    }

    private static double threshold(double[] mags, double[] sorted, double quantile) {
        int n = mags.length;
        double total = PairwiseSum.sum(mags, 0, n);
        System.arraycopy(mags, 0, sorted, 0, n);
        Arrays.sort(sorted);
        double running = 0.0;
        for (int j = 0; j < n; j++) {
            running += sorted[j] / total;
            if (!(running < quantile)) {
                return sorted[j];
            }
        }
        // Every running share below the quantile (only an all-zero row): numpy's argmin of an
        // all-true mask is 0, so the smallest magnitude is the threshold.
        return sorted[0];
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    /** The smallest column index with a kept coefficient (0 when none is kept). */
    int minIndex() {
        int min = index.length == 0 ? 0 : Integer.MAX_VALUE;
        for (int i : index) {
            min = Math.min(min, i);
        }
        return min;
    }

    /** The largest column index with a kept coefficient (0 when none is kept). */
    int maxIndex() {
        int max = 0;
        for (int i : index) {
            max = Math.max(max, i);
        }
        return max;
    }

    /** Number of kept coefficients. */
    int nonZeros() {
        return index.length;
    }

    /**
     * {@code out[outRow0 + r, 0:frames] = sum_k B[r, k] * D[k, 0:frames]} for every row {@code r}
     * of this matrix, with {@code D} a complex matrix whose row {@code k - firstCol} holds column
     * {@code k} for {@code k} in {@code [firstCol, maxIndex()]}; the output is row-major,
     * {@code frames} per row.
     *
     * <p>Each term updates a whole row with a loop over frames. The rows of {@code D} are separate
     * arrays and the sum builds up in a scratch row before it is copied out, so that every array
     * in the loop is indexed by the loop variable alone: C2's auto-vectoriser (JDK 17) cannot
     * prove that two arrays indexed at different offsets do not overlap, and leaves such loops
     * scalar (about 2.5 times slower here). The terms are added in index order, as before.
     */
    void multiply(double[][] dRe, double[][] dIm, int firstCol, int frames, double[] outRe, double[] outIm,
                  int outRow0) {
        double[] accRe = new double[frames];
        double[] accIm = new double[frames];
        for (int r = 0; r < rows; r++) {
            Arrays.fill(accRe, 0.0);
            Arrays.fill(accIm, 0.0);
            for (int p = rowStart[r]; p < rowStart[r + 1]; p++) {
                double br = re[p];
                double bi = im[p];
                double[] xRe = dRe[index[p] - firstCol];
                double[] xIm = dIm[index[p] - firstCol];
                for (int t = 0; t < frames; t++) {
                    accRe[t] += br * xRe[t] - bi * xIm[t];
                    accIm[t] += br * xIm[t] + bi * xRe[t];
                }
            }
            int o = (outRow0 + r) * frames;
            System.arraycopy(accRe, 0, outRe, o, frames);
            System.arraycopy(accIm, 0, outIm, o, frames);
        }
    }
}
