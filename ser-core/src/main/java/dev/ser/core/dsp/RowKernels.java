package dev.ser.core.dsp;

/**
 * The weighted row sums behind the filter-bank projections (chroma, mel, DCT): an accumulator
 * row plus weighted input rows, element by element.
 *
 * <p>Every array here is indexed by the same {@code t}, which is why these take separate row
 * arrays rather than offsets into one matrix: C2 (JDK 17) vectorises {@code acc[t] += w * a[t]}
 * only when it can rule out a loop-carried dependence, and with two offsets into arrays that
 * might be the same it cannot, so {@code acc[i + t] += w * a[j + t]} runs one element at a time,
 * four to five times slower. Callers copy the rows they need into row arrays (a memory copy,
 * cheap next to the products) and accumulate into row arrays of their own.
 */
final class RowKernels {
    private RowKernels() {
    }

    /** {@code acc[t] += w0 a0[t] + w1 a1[t] + w2 a2[t] + w3 a3[t]} for {@code t < n}, summed left to right. */
    static void addWeighted4(double[] acc, double[] a0, double[] a1, double[] a2, double[] a3,
                             double w0, double w1, double w2, double w3, int n) {
        for (int t = 0; t < n; t++) {
            acc[t] += w0 * a0[t] + w1 * a1[t] + w2 * a2[t] + w3 * a3[t];
        }
    }

    /** {@code acc[t] += w a[t]} for {@code t < n}. */
    static void addWeighted(double[] acc, double[] a, double w, int n) {
        for (int t = 0; t < n; t++) {
            acc[t] += w * a[t];
        }
    }

    /** Copies each of {@code rows} into the row of the same index of a row-major matrix with {@code cols} columns. */
    static void storeRows(double[][] rows, int cols, double[] matrix) {
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, matrix, r * cols, cols);
        }
    }

    /** Copies row {@code r} of a row-major matrix with {@code cols} columns into {@code row}. */
    static void copyRow(double[] matrix, int cols, int r, double[] row) {
        System.arraycopy(matrix, r * cols, row, 0, cols);
    }
}
