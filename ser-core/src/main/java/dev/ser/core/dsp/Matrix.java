package dev.ser.core.dsp;

import java.util.Arrays;

/**
 * A dense real matrix stored row-major in one {@code double[]}.
 *
 * <p>Feature matrices use librosa's orientation: one row per feature (frequency bin, mel band,
 * coefficient) and one column per frame, so row {@code r} of an STFT magnitude is bin {@code r}
 * over time. Keeping rows contiguous lets filter banks combine whole rows in vectorisable inner
 * loops. The matrix is mutable for the code that builds it; public APIs hand out copies or
 * document when they return a shared instance.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    /** A zero matrix of the given shape. */
    public Matrix(int rows, int cols) {
        this(rows, cols, new double[checkedSize(rows, cols)]);
    }

    /** Wraps row-major data of length {@code rows * cols} without copying. */
    public Matrix(int rows, int cols, double[] data) {
        if (data.length != checkedSize(rows, cols)) {
            throw new IllegalArgumentException(
                    "data length " + data.length + " does not match shape " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    private static int checkedSize(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
        }
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix too large: " + rows + "x" + cols);
        }
        return (int) size;
    }

    /** Copies a rectangular {@code double[rows][cols]} array. */
    public static Matrix of(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        Matrix m = new Matrix(r, c);
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("ragged array: row " + i + " has " + values[i].length
                        + " columns, expected " + c);
            }
            System.arraycopy(values[i], 0, m.data, i * c, c);
        }
        return m;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int r, int c) {
        return data[r * cols + c];
    }

    public void set(int r, int c, double v) {
        data[r * cols + c] = v;
    }

    /** The backing row-major array (not a copy). */
    public double[] data() {
        return data;
    }

    /** Offset of row {@code r} in {@link #data()}. */
    public int rowOffset(int r) {
        return r * cols;
    }

    /** A copy of row {@code r}. */
    public double[] row(int r) {
        return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    }

    /** A copy of column {@code c}. */
    public double[] column(int c) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = data[r * cols + c];
        }
        return out;
    }

    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    public Matrix transpose() {
        Matrix t = new Matrix(cols, rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t.data[c * rows + r] = data[r * cols + c];
            }
        }
        return t;
    }

    /** The mean of each row (over columns), as librosa's {@code np.mean(M, axis=1)}. */
    public double[] rowMeans() {
        double[] out = new double[rows];
        if (cols == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int r = 0; r < rows; r++) {
            double s = 0;
            int off = r * cols;
            for (int c = 0; c < cols; c++) {
                s += data[off + c];
            }
            out[r] = s / cols;
        }
        return out;
    }

    /** Copies into a new {@code double[rows][cols]}. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = row(r);
        }
        return out;
    }

    /** The largest absolute value, 0 for an empty matrix. */
    public double maxAbs() {
        double m = 0;
        for (double v : data) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + "x" + cols + "]";
    }
}
