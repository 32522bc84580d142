package dev.ser.models.tree;

import dev.ser.models.ConfiguredModel;
import java.util.List;
import java.util.Objects;

/**
 * A fitted classification tree: the probabilities of a sample are the weighted class fractions of
 * the training samples in its leaf (scikit-learn's {@code predict_proba}). Immutable.
 */
public final class DecisionTreeModel extends ConfiguredModel<DecisionTreeConfig> {

    private final Tree tree;

    /**
     * @throws IllegalArgumentException when the tree's outputs differ from the label count
     */
    public DecisionTreeModel(List<String> labels, int numFeatures, Tree tree, DecisionTreeConfig config) {
        super(labels, numFeatures, config);
        this.tree = Objects.requireNonNull(tree, "tree");
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

    @Override
    public double[] predictProba(double[] x) {
        TreeChecks.checkInput(x, numFeatures);
        double[] p = new double[labels.size()];
        tree.accumulate(x, 1.0, p);
        return p;
    }
}
