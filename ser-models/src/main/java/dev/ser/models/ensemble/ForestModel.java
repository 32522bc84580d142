package dev.ser.models.ensemble;

import dev.ser.models.Classifier;
import dev.ser.models.tree.Tree;
import dev.ser.models.tree.TreeChecks;
import java.util.List;

/**
 * A fitted random forest: the probabilities of a sample are the mean over trees of the class
 * fractions in its leaf (scikit-learn's {@code RandomForestClassifier.predict_proba}). Immutable.
 */
public final class ForestModel implements Classifier {

    private final List<String> labels;
    private final int numFeatures;
    private final List<Tree> trees;
    private final RandomForestConfig config;

    /**
     * @throws IllegalArgumentException when a tree's outputs differ from the label count or its
     *                                  leaves are not probability distributions
     */
    public ForestModel(List<String> labels, int numFeatures, List<Tree> trees, RandomForestConfig config) {
        this.labels = List.copyOf(labels);
        this.numFeatures = numFeatures;
        this.trees = List.copyOf(trees);
        this.config = java.util.Objects.requireNonNull(config, "config");
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("a forest needs at least one tree");
        }
        for (Tree t : trees) {
            if (t.outputs() != labels.size()) {
                throw new IllegalArgumentException("tree has " + t.outputs() + " outputs for " + labels.size()
                        + " labels");
            }
            TreeChecks.checkDistributions(t);
        }
    }

    /** The trees. */
    public List<Tree> trees() {
        return trees;
    }

    /** The hyper-parameters it was trained with. */
    public RandomForestConfig config() {
        return config;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public int numFeatures() {
        return numFeatures;
    }

    @Override
    public double[] predictProba(double[] x) {
        TreeChecks.checkInput(x, numFeatures);
        double[] p = new double[labels.size()];
        for (Tree t : trees) {
            t.accumulate(x, 1.0, p);
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= trees.size();
        }
        return p;
    }
}
