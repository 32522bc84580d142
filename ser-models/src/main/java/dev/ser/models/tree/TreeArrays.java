package dev.ser.models.tree;

import dev.ser.models.io.NamedArray;
import dev.ser.models.io.StoredArrays;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a list of trees as six arrays under a prefix: {@code <p>.node_counts} (one per tree) and
 * the concatenated node arrays {@code <p>.feature}, {@code <p>.threshold}, {@code <p>.left},
 * {@code <p>.right} (child indices local to each tree) and {@code <p>.value}
 * ({@code total_nodes x outputs}).
 */
public final class TreeArrays {

    private TreeArrays() {
    }

    /** The arrays of {@code trees} (all with {@code outputs} values per node). */
    public static List<NamedArray> encode(String prefix, List<Tree> trees, int outputs) {
        int total = 0;
        double[] counts = new double[trees.size()];
        for (int t = 0; t < trees.size(); t++) {
            counts[t] = trees.get(t).nodeCount();
            total += trees.get(t).nodeCount();
        }
        double[] feature = new double[total];
        double[] threshold = new double[total];
        double[] left = new double[total];
        double[] right = new double[total];
        double[] value = new double[total * outputs];
        int at = 0;
        for (Tree tree : trees) {
            int n = tree.nodeCount();
            copy(tree.feature(), feature, at);
            System.arraycopy(tree.threshold(), 0, threshold, at, n);
            copy(tree.left(), left, at);
            copy(tree.right(), right, at);
            System.arraycopy(tree.value(), 0, value, at * outputs, n * outputs);
            at += n;
        }
        List<NamedArray> out = new ArrayList<>();
        out.add(NamedArray.vector(prefix + ".node_counts", counts));
        out.add(NamedArray.vector(prefix + ".feature", feature));
        out.add(NamedArray.vector(prefix + ".threshold", threshold));
        out.add(NamedArray.vector(prefix + ".left", left));
        out.add(NamedArray.vector(prefix + ".right", right));
        out.add(new NamedArray(prefix + ".value", new int[] {total, outputs}, value));
        return out;
    }

    /**
     * Reads {@code expectedTrees} trees; every size and index is checked before use.
     *
     * @throws IllegalArgumentException when the arrays are missing, mis-shaped or inconsistent
     */
    public static List<Tree> decode(StoredArrays arrays, String prefix, int expectedTrees, int outputs,
                                    int numFeatures) {
        int[] counts = StoredInts.of(arrays.get(prefix + ".node_counts", expectedTrees), prefix + ".node_counts", 1,
                Integer.MAX_VALUE);
        long sum = 0;
        for (int c : counts) {
            sum += c;
        }
        if (sum > Integer.MAX_VALUE / Math.max(1, outputs)) {
            throw new IllegalArgumentException(prefix + ": " + sum + " nodes is too many");
        }
        int total = (int) sum;
        int[] feature = StoredInts.of(arrays.get(prefix + ".feature", total), prefix + ".feature", -1,
                numFeatures - 1);
        double[] threshold = arrays.get(prefix + ".threshold", total);
        int[] left = StoredInts.of(arrays.get(prefix + ".left", total), prefix + ".left", -1, Integer.MAX_VALUE);
        int[] right = StoredInts.of(arrays.get(prefix + ".right", total), prefix + ".right", -1, Integer.MAX_VALUE);
        double[] value = arrays.get(prefix + ".value", total, outputs);
        List<Tree> trees = new ArrayList<>(counts.length);
        int at = 0;
        for (int c : counts) {
            trees.add(new Tree(java.util.Arrays.copyOfRange(feature, at, at + c),
                    java.util.Arrays.copyOfRange(threshold, at, at + c), java.util.Arrays.copyOfRange(left, at, at + c),
                    java.util.Arrays.copyOfRange(right, at, at + c),
                    java.util.Arrays.copyOfRange(value, at * outputs, (at + c) * outputs), outputs, numFeatures));
            at += c;
        }
        return trees;
    }

    private static void copy(int[] src, double[] dst, int at) {
        for (int i = 0; i < src.length; i++) {
            dst[at + i] = src[i];
        }
    }
}
