package dev.ser.core.dsp;

/**
 * Column normalisation with the semantics of {@code librosa.util.normalize(S, norm=..., axis=0,
 * threshold=None, fill=None)}: each column (a frame of a feature matrix, or a bin of a filter
 * bank) is divided by its norm, except columns whose norm is below the threshold (by default the
 * smallest positive normal double, numpy's {@code tiny}), which are left exactly as they are, so
 * silent frames stay zero instead of becoming NaN.
 *
 * <p>Stateless and thread-safe.
 */
public final class Normalize {
    /** librosa's default threshold for float64 data: {@code np.finfo(np.float64).tiny}. */
    public static final double TINY = Double.MIN_NORMAL;

    private Normalize() {
    }

    /**
     * A norm as librosa's {@code norm} argument: {@code +Infinity} (maximum absolute value),
     * {@code -Infinity} (minimum absolute value), {@code 0} (number of non-zero entries), a
     * positive {@code p} (the p-norm), or NaN for {@code norm=None} (no normalisation).
     *
     * @param order the norm's order
     */
    public record Norm(double order) {
        /** {@code norm=None}: leave the data as it is. */
        public static final Norm NONE = new Norm(Double.NaN);
        /** {@code norm=np.inf}: divide by the largest absolute value. */
        public static final Norm INF = new Norm(Double.POSITIVE_INFINITY);
        /** {@code norm=-np.inf}: divide by the smallest absolute value. */
        public static final Norm NEG_INF = new Norm(Double.NEGATIVE_INFINITY);
        /** {@code norm=1}. */
        public static final Norm L1 = new Norm(1.0);
        /** {@code norm=2}. */
        public static final Norm L2 = new Norm(2.0);

        public Norm {
            if (order < 0 && order != Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("norm order must be >= 0, +-Infinity or NaN (None), got " + order);
            }
        }

        /** Whether this is {@code norm=None}. */
        public boolean isNone() {
            return Double.isNaN(order);
        }

        /** The norm of {@code count} values {@code data[offset + i * stride]}. */
        public double length(double[] data, int offset, int count, int stride) {
            if (order == Double.POSITIVE_INFINITY) {
                double m = 0;
                for (int i = 0, j = offset; i < count; i++, j += stride) {
                    m = Math.max(m, Math.abs(data[j]));
                }
                return m;
            }
            if (order == Double.NEGATIVE_INFINITY) {
                double m = Double.POSITIVE_INFINITY;
                for (int i = 0, j = offset; i < count; i++, j += stride) {
                    m = Math.min(m, Math.abs(data[j]));
                }
                return m;
            }
            if (order == 0) {
                int nonZero = 0;
                for (int i = 0, j = offset; i < count; i++, j += stride) {
                    nonZero += data[j] != 0 ? 1 : 0;
                }
                return nonZero;
            }
            double sum = 0;
            for (int i = 0, j = offset; i < count; i++, j += stride) {
                sum += power(Math.abs(data[j]));
            }
            // numpy evaluates x ** 0.5 as a square root and x ** 1.0 as x
            return order == 2.0 ? Math.sqrt(sum) : order == 1.0 ? sum : Math.pow(sum, 1.0 / order);
        }

        private double power(double magnitude) {
            return order == 2.0 ? magnitude * magnitude : order == 1.0 ? magnitude : Math.pow(magnitude, order);
        }

        @Override
        public String toString() {
            return isNone() ? "Norm[None]" : "Norm[" + order + "]";
        }
    }

    /** Normalises each column of {@code m} in place with {@code norm} and threshold {@link #TINY}. */
    public static Matrix columnsInPlace(Matrix m, Norm norm) {
        return columnsInPlace(m, norm, TINY);
    }

    /**
     * Normalises each column of {@code m} in place: columns whose norm is {@code >= threshold}
     * are divided by it, the others are left unchanged.
     *
     * @param threshold smallest norm that is divided out; must be positive
     * @return {@code m}
     * @throws IllegalArgumentException when {@code m} holds a NaN or infinite value (librosa
     *                                  refuses non-finite input) or the threshold is not positive
     */
    public static Matrix columnsInPlace(Matrix m, Norm norm, double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be positive, got " + threshold);
        }
        double[] data = m.data();
        requireFinite(data);
        if (norm.isNone()) {
            return m;
        }
        int rows = m.rows();
        int cols = m.cols();
        double[] scale = new double[cols];
        for (int c = 0; c < cols; c++) {
            double length = norm.length(data, c, rows, cols);
            scale[c] = length < threshold ? 1.0 : length;
        }
        // divide row by row so the inner loop runs over contiguous memory
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            for (int c = 0; c < cols; c++) {
                data[off + c] /= scale[c];
            }
        }
        return m;
    }

    /** A normalised copy of {@code m}; see {@link #columnsInPlace(Matrix, Norm, double)}. */
    public static Matrix columns(Matrix m, Norm norm) {
        return columnsInPlace(m.copy(), norm, TINY);
    }

    /**
     * Normalises one vector in place ({@code librosa.util.normalize(v, norm=norm)} on a 1-D
     * array): divided by its norm unless that is below {@code threshold}.
     *
     * @return {@code v}
     */
    public static double[] vectorInPlace(double[] v, Norm norm, double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be positive, got " + threshold);
        }
        requireFinite(v);
        if (norm.isNone()) {
            return v;
        }
        double length = norm.length(v, 0, v.length, 1);
        if (length >= threshold) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= length;
            }
        }
        return v;
    }

    private static void requireFinite(double[] data) {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException("cannot normalise non-finite input: " + data[i] + " at flat index " + i);
            }
        }
    }
}
