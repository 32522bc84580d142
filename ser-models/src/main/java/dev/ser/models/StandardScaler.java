package dev.ser.models;

import java.util.Arrays;

/**
 * Per-feature standardisation {@code (x - mean) / scale} with scikit-learn's {@code StandardScaler}
 * semantics: population variance ({@code ddof = 0}), and a column whose variance is zero up to
 * rounding (scikit-learn's {@code _is_constant_feature} bound
 * {@code var <= n*eps*var + (n*mean*eps)^2}) gets scale 1, so it is centred but not blown up.
 *
 * <p>Immutable. Fit on training data only.
 */
public final class StandardScaler {

    private final double[] mean;
    private final double[] scale;

    /** A scaler with the given per-feature mean and scale (copied; every scale must be positive). */
    public StandardScaler(double[] mean, double[] scale) {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("mean and scale lengths differ: " + mean.length + " vs " + scale.length);
        }
        for (int j = 0; j < scale.length; j++) {
            if (!(scale[j] > 0) || !Double.isFinite(scale[j]) || !Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("feature " + j + ": mean " + mean[j] + ", scale " + scale[j]
                        + " (scale must be finite and positive)");
            }
        }
        this.mean = mean.clone();
        this.scale = scale.clone();
    }

    /** Fits mean and scale to all rows of {@code table}. */
    public static StandardScaler fit(FeatureTable table) {
        return fit(table.rawData(), table.rows(), table.cols());
    }

    /** Fits mean and scale to a row-major {@code rows x cols} matrix (two-pass, for accuracy). */
    public static StandardScaler fit(double[] data, int rows, int cols) {
        double[] mean = new double[cols];
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                mean[j] += data[o + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            mean[j] /= rows;
        }
        double[] var = new double[cols];
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                double dlt = data[o + j] - mean[j];
                var[j] += dlt * dlt;
            }
        }
        double eps = Math.ulp(1.0);
        double[] scale = new double[cols];
        for (int j = 0; j < cols; j++) {
            var[j] /= rows;
            double bound = rows * eps * var[j] + Math.pow(rows * mean[j] * eps, 2);
            scale[j] = var[j] <= bound ? 1.0 : Math.sqrt(var[j]);
        }
        return new StandardScaler(mean, scale);
    }

    /** Number of features. */
    public int numFeatures() {
        return mean.length;
    }

    /** A copy of the per-feature means. */
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the per-feature scales (standard deviations, 1 for constant columns). */
    public double[] scale() {
        return scale.clone();
    }

    /** Standardises one vector into a new array. */
    public double[] transform(double[] x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " features, got " + x.length);
        }
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = (x[j] - mean[j]) / scale[j];
        }
        return out;
    }

    /** Standardises a row-major matrix in place. */
    public void transformInPlace(double[] data, int rows) {
        int d = mean.length;
        if (data.length < rows * d) {
            throw new IllegalArgumentException("data too short for " + rows + " rows of " + d);
        }
        for (int i = 0; i < rows; i++) {
            int o = i * d;
            for (int j = 0; j < d; j++) {
                data[o + j] = (data[o + j] - mean[j]) / scale[j];
            }
        }
    }

    /** The table with standardised features (labels, groups and names kept). */
    public FeatureTable transform(FeatureTable table) {
        if (table.cols() != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " features, got " + table.cols());
        }
        double[] copy = table.rawData().clone();
        transformInPlace(copy, table.rows());
        return table.withData(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StandardScaler s && Arrays.equals(mean, s.mean) && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
    }
}
