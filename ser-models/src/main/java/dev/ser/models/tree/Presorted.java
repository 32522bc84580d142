package dev.ser.models.tree;

import java.util.Arrays;

/**
 * The training matrix as per-feature ranks: {@code rank(f, i)} is the position of sample
 * {@code i}'s value among feature {@code f}'s distinct values. Computed once per fit (one sort per
 * feature) and shared by every tree of an ensemble, so that a node sorts its samples by a feature
 * with a primitive {@code long} sort of packed {@code (rank, sample)} keys instead of comparing
 * doubles through indices.
 */
public final class Presorted {

    private final int rows;
    private final int cols;
    private final int[] rank;
    private final long[] sortedKeys;
    private final double[][] distinct;

    private Presorted(int rows, int cols, int[] rank, long[] sortedKeys, double[][] distinct) {
        this.rows = rows;
        this.cols = cols;
        this.rank = rank;
        this.sortedKeys = sortedKeys;
        this.distinct = distinct;
    }

    /**
     * Ranks a row-major {@code rows x cols} matrix.
     *
     * @throws IllegalArgumentException when a value is NaN or infinite
     */
    public static Presorted of(double[] data, int rows, int cols) {
        int[] rank = new int[rows * cols];
        long[] sortedKeys = new long[rows * cols];
        double[][] distinct = new double[cols][];
        double[] column = new double[rows];
        for (int f = 0; f < cols; f++) {
            for (int i = 0; i < rows; i++) {
                double v = data[i * cols + f];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("feature " + f + " of sample " + i + " is " + v
                            + "; trees need finite features");
                }
                column[i] = v + 0.0; // folds -0.0 into 0.0 so that equal values share a rank
            }
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            int m = 0;
            for (int i = 0; i < rows; i++) {
                if (i == 0 || sorted[i] != sorted[m - 1]) {
                    sorted[m++] = sorted[i];
                }
            }
            distinct[f] = Arrays.copyOf(sorted, m);
            int[] start = new int[m + 1];
            for (int i = 0; i < rows; i++) {
                int r = Arrays.binarySearch(distinct[f], column[i]);
                rank[f * rows + i] = r;
                start[r + 1]++;
            }
            // counting sort by rank (stable): the samples in ascending value order
            for (int r = 0; r < m; r++) {
                start[r + 1] += start[r];
            }
            for (int i = 0; i < rows; i++) {
                int r = rank[f * rows + i];
                sortedKeys[f * rows + start[r]++] = ((long) r << 32) | i;
            }
        }
        return new Presorted(rows, cols, rank, sortedKeys, distinct);
    }

    /** Number of samples. */
    public int rows() {
        return rows;
    }

    /** Number of features. */
    public int cols() {
        return cols;
    }

    /** Rank of sample {@code i} in feature {@code f}. */
    int rank(int f, int i) {
        return rank[f * rows + i];
    }

    /** Offset of feature {@code f}'s ranks in {@link #ranks()}. */
    int offset(int f) {
        return f * rows;
    }

    /** All ranks, feature-major (internal, read-only). */
    int[] ranks() {
        return rank;
    }

    /**
     * For each feature, the packed keys {@code rank << 32 | sample} of all samples in ascending
     * order, feature-major (internal, read-only).
     */
    long[] sortedKeys() {
        return sortedKeys;
    }

    /** Value of rank {@code r} of feature {@code f}. */
    double value(int f, int r) {
        return distinct[f][r];
    }
}
