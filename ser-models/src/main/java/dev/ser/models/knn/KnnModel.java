package dev.ser.models.knn;

import dev.ser.models.Classifier;
import java.util.List;

/**
 * A k-nearest-neighbour classifier: keeps the training rows and lets the {@code k} nearest
 * (Euclidean; ties broken by training row order) vote, weighted per {@link KnnWeights}.
 * Probabilities are the vote shares, as scikit-learn's {@code predict_proba}. Immutable.
 */
public final class KnnModel implements Classifier {

    private final List<String> labels;
    private final KnnConfig config;
    private final double[] x;
    private final int[] y;
    private final int rows;
    private final int cols;

    /**
     * @param x row-major {@code y.length x cols} training rows (copied)
     * @param y class index per row (copied)
     * @throws IllegalArgumentException when sizes disagree, a label is out of range or
     *                                  {@code k > rows}
     */
    public KnnModel(List<String> labels, KnnConfig config, double[] x, int[] y, int cols) {
        this.labels = List.copyOf(labels);
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.rows = y.length;
        this.cols = cols;
        if (cols < 1 || rows < 1 || x.length != (long) rows * cols) {
            throw new IllegalArgumentException("training data has " + x.length + " values for " + rows + " rows of "
                    + cols + " features");
        }
        if (config.k() > rows) {
            throw new IllegalArgumentException("n_neighbors " + config.k() + " exceeds the " + rows
                    + " training samples");
        }
        for (int i = 0; i < rows; i++) {
            if (y[i] < 0 || y[i] >= labels.size()) {
                throw new IllegalArgumentException("label " + y[i] + " of row " + i + " outside [0, "
                        + labels.size() + ")");
            }
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("training features must be finite");
            }
        }
        this.x = x.clone();
        this.y = y.clone();
    }

    /** The hyper-parameters. */
    public KnnConfig config() {
        return config;
    }

    /** The training rows, row-major (copy). */
    public double[] trainingData() {
        return x.clone();
    }

    /** The training labels (copy). */
    public int[] trainingLabels() {
        return y.clone();
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public int numFeatures() {
        return cols;
    }

    @Override
    public double[] predictProba(double[] q) {
        if (q.length != cols) {
            throw new IllegalArgumentException("expected " + cols + " features, got " + q.length);
        }
        int k = config.k();
        int[] nearest = new int[k];
        double[] dist = new double[k];
        int found = 0;
        for (int i = 0; i < rows; i++) {
            double s = 0;
            int off = i * cols;
            for (int j = 0; j < cols; j++) {
                double t = x[off + j] - q[j];
                s += t * t;
            }
            if (found < k || s < dist[found - 1]) {
                // insertion into the sorted k-best list; strict < keeps the earlier row on ties
                int at = found < k ? found++ : k - 1;
                while (at > 0 && dist[at - 1] > s) {
                    dist[at] = dist[at - 1];
                    nearest[at] = nearest[at - 1];
                    at--;
                }
                dist[at] = s;
                nearest[at] = i;
            }
        }
        double[] p = new double[labels.size()];
        boolean exact = config.weights() == KnnWeights.DISTANCE && dist[0] == 0;
        double total = 0;
        for (int r = 0; r < k; r++) {
            double w;
            if (config.weights() == KnnWeights.UNIFORM) {
                w = 1;
            } else if (exact) {
                w = dist[r] == 0 ? 1 : 0;
            } else {
                w = 1 / Math.sqrt(dist[r]);
            }
            p[y[nearest[r]]] += w;
            total += w;
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= total;
        }
        return p;
    }
}
