package dev.ser.models.ensemble;

import dev.ser.models.ConfiguredModel;
import dev.ser.models.tree.Tree;
import dev.ser.models.tree.TreeChecks;
import java.util.List;

/**
 * A fitted gradient-boosted tree ensemble. The raw score of class {@code k} is
 * {@code init[k] + learningRate * sum_stages tree(stage, k)(x)}; probabilities are the softmax of
 * the scores, or for two classes (one tree per stage, as scikit-learn) the logistic of the single
 * score for the second class. Immutable.
 */
public final class GradientBoostingModel extends ConfiguredModel<GradientBoostingConfig> {

    private final double[] init;
    private final List<Tree> trees;

    /**
     * @param init  initial raw score per tree column ({@link #treesPerStage(int)} values)
     * @param trees stage-major trees: stage {@code s}, column {@code k} at {@code s * init.length + k}
     */
    public GradientBoostingModel(List<String> labels, int numFeatures, double[] init, List<Tree> trees,
                                 GradientBoostingConfig config) {
        super(labels, numFeatures, config);
        this.init = init.clone();
        this.trees = List.copyOf(trees);
        if (labels.size() < 2) {
            throw new IllegalArgumentException("gradient boosting needs at least two classes");
        }
        if (init.length != treesPerStage(labels.size())) {
            throw new IllegalArgumentException(init.length + " initial scores for " + labels.size() + " classes");
        }
        if (trees.size() != (long) config.nEstimators() * init.length) {
            throw new IllegalArgumentException(trees.size() + " trees for " + config.nEstimators() + " stages of "
                    + init.length);
        }
        for (double v : init) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("initial score " + v);
            }
        }
        for (Tree t : trees) {
            if (t.outputs() != 1) {
                throw new IllegalArgumentException("boosting trees must have one output, got " + t.outputs());
            }
        }
    }

    /** Trees per boosting stage for {@code classes} classes: 1 for two classes, else one per class. */
    public static int treesPerStage(int classes) {
        return classes == 2 ? 1 : classes;
    }

    /** The initial raw scores (copy). */
    public double[] init() {
        return init.clone();
    }

    /** The trees, stage-major. */
    public List<Tree> trees() {
        return trees;
    }

    /** The raw scores (log-odds) of {@code x}: one per tree column. */
    public double[] decisionFunction(double[] x) {
        TreeChecks.checkInput(x, numFeatures);
        int k = init.length;
        double[] raw = init.clone();
        double lr = config.learningRate();
        for (int i = 0; i < trees.size(); i++) {
            raw[i % k] += lr * trees.get(i).predictValue(x);
        }
        return raw;
    }

    @Override
    public double[] predictProba(double[] x) {
        return probabilities(decisionFunction(x), labels.size());
    }

    /** Softmax of raw scores, or for two classes {@code [1 - s, s]} with {@code s = sigmoid(raw[0])}. */
    static double[] probabilities(double[] raw, int classes) {
        if (classes == 2) {
            double p1 = 1 / (1 + Math.exp(-raw[0]));
            return new double[] {1 - p1, p1};
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : raw) {
            max = Math.max(max, v);
        }
        double[] p = new double[raw.length];
        double sum = 0;
        for (int c = 0; c < raw.length; c++) {
            p[c] = Math.exp(raw[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < raw.length; c++) {
            p[c] /= sum;
        }
        return p;
    }
}
