package dev.ser.models.linear;

import dev.ser.models.ConfiguredModel;
import java.util.List;

/**
 * A multinomial logistic regression: {@code p = softmax(x W + b)} with {@code W} of shape
 * {@code n_features x n_classes} (the transpose of scikit-learn's {@code coef_}). Immutable.
 */
public final class LogisticRegressionModel extends ConfiguredModel<LogisticRegressionConfig> {

    private final double[] weights;
    private final double[] intercepts;

    /**
     * @param weights    row-major {@code numFeatures x labels.size()} (copied)
     * @param intercepts one per class (copied)
     */
    public LogisticRegressionModel(List<String> labels, int numFeatures, double[] weights, double[] intercepts,
                                   LogisticRegressionConfig config) {
        super(labels, numFeatures, config);
        int k = labels.size();
        if (numFeatures < 1 || weights.length != (long) numFeatures * k || intercepts.length != k) {
            throw new IllegalArgumentException("weights of length " + weights.length + " and " + intercepts.length
                    + " intercepts do not fit " + numFeatures + " features and " + k + " classes");
        }
        for (double v : weights) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("weights must be finite");
            }
        }
        for (double v : intercepts) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("intercepts must be finite");
            }
        }
        this.weights = weights.clone();
        this.intercepts = intercepts.clone();
    }

    /** The weights, row-major {@code numFeatures x numClasses} (copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** The intercepts (copy). */
    public double[] intercepts() {
        return intercepts.clone();
    }

    @Override
    public double[] predictProba(double[] x) {
        if (x.length != numFeatures) {
            throw new IllegalArgumentException("expected " + numFeatures + " features, got " + x.length);
        }
        double[] z = intercepts.clone();
        softmaxInPlace(scores(weights, x, 0, numFeatures, z));
        return z;
    }

    /** Adds {@code x W} to {@code z} (which holds the intercepts) and returns it. */
    static double[] scores(double[] w, double[] x, int off, int d, double[] z) {
        int k = z.length;
        for (int j = 0; j < d; j++) {
            double v = x[off + j];
            int row = j * k;
            for (int c = 0; c < k; c++) {
                z[c] += v * w[row + c];
            }
        }
        return z;
    }

    /** Replaces scores by their softmax; returns the log of the normaliser (after the max shift). */
    static double softmaxInPlace(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
        return Math.log(sum) + max;
    }
}
