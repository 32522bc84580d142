package dev.ser.models.ensemble;

import dev.ser.models.Classifier;
import dev.ser.models.ConfiguredModel;
import dev.ser.models.tree.Tree;
import dev.ser.models.tree.TreeChecks;
import java.util.List;

/**
 * A fitted random forest: the probabilities of a sample are the mean over trees of the class
 * fractions in its leaf (scikit-learn's {@code RandomForestClassifier.predict_proba}). Immutable.
 */
public final class ForestModel extends ConfiguredModel<RandomForestConfig> {

    private final List<Tree> trees;

    /**
     * @throws IllegalArgumentException when a tree's outputs differ from the label count or its
     *                                  leaves are not probability distributions
     */
    public ForestModel(List<String> labels, int numFeatures, List<Tree> trees, RandomForestConfig config) {
        super(labels, numFeatures, config);
        this.trees = List.copyOf(trees);
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
