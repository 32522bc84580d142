package dev.ser.models.tree;

/** Argument checks shared by the tree-based models. */
public final class TreeChecks {

    private TreeChecks() {
    }

    /** Throws when {@code x} does not have {@code numFeatures} values. */
    public static void checkInput(double[] x, int numFeatures) {
        if (x.length != numFeatures) {
            throw new IllegalArgumentException("expected " + numFeatures + " features, got " + x.length);
        }
    }

    /** Throws unless every node value row of a classification tree is a probability distribution. */
    public static void checkDistributions(Tree tree) {
        double[] v = tree.value();
        int k = tree.outputs();
        for (int node = 0; node < tree.nodeCount(); node++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double p = v[node * k + c];
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("node " + node + " has class fraction " + p);
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > 1e-9) {
                throw new IllegalArgumentException("node " + node + " class fractions sum to " + sum);
            }
        }
    }
}
