package dev.ser.models.tree;

import java.util.Arrays;

/**
 * A fitted binary tree in flat arrays, as scikit-learn's {@code tree_}: node {@code i} is a leaf
 * when {@code feature[i] < 0}; otherwise samples with {@code x[feature[i]] <= threshold[i]} go to
 * {@code left[i]}, the others to {@code right[i]}. Each node has {@code outputs} values (class
 * probabilities for classification trees, one value for regression trees). Children always have a
 * larger index than their parent (nodes are numbered in depth-first pre-order), which the
 * constructor checks so that a tree read from a file cannot loop.
 *
 * <p>Immutable; arrays are copied in and out.
 */
public final class Tree {

    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] value;
    private final int outputs;

    /**
     * @param feature   split feature per node, {@code -1} for leaves
     * @param threshold split threshold per node (ignored for leaves; finite for splits)
     * @param left      left child per node ({@code -1} for leaves)
     * @param right     right child per node ({@code -1} for leaves)
     * @param value     {@code nodes x outputs} row-major node values
     * @param outputs   values per node, at least 1
     * @param numFeatures number of input features; split features must be below it
     * @throws IllegalArgumentException when the arrays are inconsistent
     */
    public Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, int outputs,
                int numFeatures) {
        int n = feature.length;
        if (n < 1) {
            throw new IllegalArgumentException("a tree needs at least one node");
        }
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be >= 1, got " + outputs);
        }
        if (threshold.length != n || left.length != n || right.length != n || value.length != (long) n * outputs) {
            throw new IllegalArgumentException("tree arrays disagree on the node count " + n);
        }
        for (int i = 0; i < n; i++) {
            if (feature[i] < 0) {
                if (feature[i] != -1 || left[i] != -1 || right[i] != -1) {
                    throw new IllegalArgumentException("leaf " + i + " must have feature and children -1");
                }
            } else {
                if (feature[i] >= numFeatures) {
                    throw new IllegalArgumentException("node " + i + " splits on feature " + feature[i]
                            + " of " + numFeatures);
                }
                if (left[i] <= i || left[i] >= n || right[i] <= i || right[i] >= n || left[i] == right[i]) {
                    throw new IllegalArgumentException("node " + i + " has children " + left[i] + ", " + right[i]
                            + " outside (" + i + ", " + n + ")");
                }
                if (!Double.isFinite(threshold[i])) {
                    throw new IllegalArgumentException("node " + i + " has threshold " + threshold[i]);
                }
            }
        }
        for (double v : value) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("tree node values must be finite");
            }
        }
        this.feature = feature.clone();
        this.threshold = threshold.clone();
        this.left = left.clone();
        this.right = right.clone();
        this.value = value.clone();
        this.outputs = outputs;
    }

    /** Number of nodes. */
    public int nodeCount() {
        return feature.length;
    }

    /** Values per node. */
    public int outputs() {
        return outputs;
    }

    /** Index of the leaf that {@code x} reaches. */
    public int apply(double[] x) {
        return apply(x, 0);
    }

    /** Index of the leaf reached by the sample stored at {@code x[off..off + numFeatures)}. */
    public int apply(double[] x, int off) {
        int node = 0;
        while (feature[node] >= 0) {
            node = x[off + feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return node;
    }

    /** Adds {@code scale} times the values of {@code x}'s leaf to {@code out[0..outputs)}. */
    public void accumulate(double[] x, double scale, double[] out) {
        int base = apply(x) * outputs;
        for (int k = 0; k < outputs; k++) {
            out[k] += scale * value[base + k];
        }
    }

    /** First value of {@code x}'s leaf (the prediction of a regression tree). */
    public double predictValue(double[] x) {
        return value[apply(x, 0) * outputs];
    }

    /** First value of the leaf of the sample stored at {@code x[off..)}. */
    public double predictValue(double[] x, int off) {
        return value[apply(x, off) * outputs];
    }

    /** Depth of the tree (a single leaf has depth 0). */
    public int depth() {
        int[] depth = new int[feature.length];
        int max = 0;
        for (int i = 0; i < feature.length; i++) {
            if (feature[i] >= 0) {
                depth[left[i]] = depth[i] + 1;
                depth[right[i]] = depth[i] + 1;
                max = Math.max(max, depth[i] + 1);
            }
        }
        return max;
    }

    /** Number of leaves. */
    public int leafCount() {
        int c = 0;
        for (int f : feature) {
            if (f < 0) {
                c++;
            }
        }
        return c;
    }

    /** Split features (copy). */
    public int[] feature() {
        return feature.clone();
    }

    /** Thresholds (copy). */
    public double[] threshold() {
        return threshold.clone();
    }

    /** Left children (copy). */
    public int[] left() {
        return left.clone();
    }

    /** Right children (copy). */
    public int[] right() {
        return right.clone();
    }

    /** Node values, {@code nodes x outputs} row-major (copy). */
    public double[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tree t && outputs == t.outputs && Arrays.equals(feature, t.feature)
                && Arrays.equals(threshold, t.threshold) && Arrays.equals(left, t.left)
                && Arrays.equals(right, t.right) && Arrays.equals(value, t.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(feature) * 31 + Arrays.hashCode(threshold);
    }
}
