package dev.ser.core.cqt;

/**
 * Per-frame normalisation of a {@code rows x frames} row-major matrix, as
 * {@code librosa.util.normalize(S, norm=p, axis=0)} with its defaults: each column divided by
 * its {@code L_p} norm (maximum magnitude for {@code p = +Infinity}); columns whose norm is below
 * the smallest normal double are left as they are (so silence stays zero).
 */
final class ColumnNorm {
    private ColumnNorm() {
    }

    /** Normalises the columns of {@code data} in place. */
    static void normalize(double[] data, int rows, int cols, double p) {
        double[] length = new double[cols];
        if (Double.isInfinite(p)) {
            for (int r = 0; r < rows; r++) {
                int o = r * cols;
                for (int t = 0; t < cols; t++) {
                    length[t] = Math.max(length[t], Math.abs(data[o + t]));
                }
            }
        } else {
            for (int r = 0; r < rows; r++) {
                int o = r * cols;
                for (int t = 0; t < cols; t++) {
                    double a = Math.abs(data[o + t]);
                    length[t] += p == 1.0 ? a : Math.pow(a, p);
                }
            }
            if (p != 1.0) {
                for (int t = 0; t < cols; t++) {
                    length[t] = Math.pow(length[t], 1.0 / p);
                }
            }
        }
        for (int t = 0; t < cols; t++) {
            if (length[t] < Double.MIN_NORMAL) {
                length[t] = 1.0;
            }
        }
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int t = 0; t < cols; t++) {
                data[o + t] /= length[t];
            }
        }
    }
}
