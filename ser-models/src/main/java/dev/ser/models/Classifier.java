package dev.ser.models;

import java.util.List;

/**
 * A trained classifier: maps a feature vector to a probability per class.
 *
 * <p>Implementations are immutable and thread-safe. Class indices refer to {@link #labels()}.
 */
public interface Classifier {

    /** The class names, in class-index order. */
    List<String> labels();

    /** Number of features each input vector must have. */
    int numFeatures();

    /**
     * Class probabilities of one sample: {@code labels().size()} non-negative values summing to 1.
     *
     * @throws IllegalArgumentException when {@code x.length != numFeatures()}
     */
    double[] predictProba(double[] x);

    /** Index of the most probable class (the first on ties). */
    default int predict(double[] x) {
        return argmax(predictProba(x));
    }

    /** Name of the most probable class. */
    default String predictLabel(double[] x) {
        return labels().get(predict(x));
    }

    /** Probabilities for each row of {@code xs}. Implementations may override with a batched path. */
    default double[][] predictProba(double[][] xs) {
        double[][] out = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            out[i] = predictProba(xs[i]);
        }
        return out;
    }

    /** Predicted class index for each row of {@code xs}. */
    default int[] predict(double[][] xs) {
        double[][] p = predictProba(xs);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = argmax(p[i]);
        }
        return out;
    }

    /** Predicted class index for each row of a table (its labels are ignored). */
    default int[] predict(FeatureTable table) {
        double[][] xs = new double[table.rows()][];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = table.row(i);
        }
        return predict(xs);
    }

    /** Index of the largest value, the first on ties. */
    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
