package dev.ser.models.tree;

import dev.ser.models.Classifier;
import java.util.List;
import java.util.Objects;

/**
 * A fitted classification tree: the probabilities of a sample are the weighted class fractions of
 * the training samples in its leaf (scikit-learn's {@code predict_proba}). Immutable.
 */
public final class DecisionTreeModel implements Classifier {

    private final List<String> labels;
    private final int numFeatures;
    private final Tree tree;
    private final DecisionTreeConfig config;

    /**
     * @throws IllegalArgumentException when the tree's outputs differ from the label count
     */
    public DecisionTreeModel(List<String> labels, int numFeatures, Tree tree, DecisionTreeConfig config) {
        this.labels = List.copyOf(labels);
        this.numFeatures = numFeatures;
        this.tree = Objects.requireNonNull(tree, "tree");
        this.config = Objects.requireNonNull(config, "config");
        if (tree.outputs() != labels.size()) {
            throw new IllegalArgumentException("tree has " + tree.outputs() + " outputs for " + labels.size()
                    + " labels");
        }
        TreeChecks.checkDistributions(tree);
    }

    /** The tree. */
    public Tree tree() {
        return tree;
    }

    /** The hyper-parameters it was trained with. */
    public DecisionTreeConfig config() {
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
        tree.accumulate(x, 1.0, p);
        return p;
    }
}
