package dev.ser.models.tree;

import dev.ser.models.util.SplitMix64;
import java.util.Arrays;

/**
 * Grows one CART tree depth-first, the way scikit-learn's {@code DepthFirstTreeBuilder} with the
 * {@code best} splitter does: at each node, features are drawn in random order until
 * {@code maxFeatures} have been examined (more while every examined feature was constant), each
 * examined feature's node samples are put in value order once (a primitive sort of packed
 * {@code (rank, sample)} keys for small nodes, a filter of the presorted keys of all rows for large
 * ones; both give the same sequence), and the split with the best impurity improvement is taken
 * (the first on ties); thresholds are the midpoints between adjacent distinct values. Samples
 * carry weights (bootstrap counts); sample-count limits ({@code min_samples_split},
 * {@code min_samples_leaf}) count distinct samples, as scikit-learn does.
 *
 * <p>Not thread-safe: one builder per thread; results depend only on the inputs and the generator.
 */
public final class TreeBuilder {

    /**
     * Growth limits.
     *
     * @param maxDepth        maximum depth (root has depth 0); {@code Integer.MAX_VALUE} for none
     * @param minSamplesSplit minimum samples to split a node, at least 2
     * @param minSamplesLeaf  minimum samples in each child, at least 1
     * @param maxFeatures     features examined per split, at least 1
     */
    public record Limits(int maxDepth, int minSamplesSplit, int minSamplesLeaf, int maxFeatures) {
        public Limits {
            if (maxDepth < 0 || minSamplesSplit < 2 || minSamplesLeaf < 1 || maxFeatures < 1) {
                throw new IllegalArgumentException("invalid tree limits: max_depth " + maxDepth
                        + ", min_samples_split " + minSamplesSplit + ", min_samples_leaf " + minSamplesLeaf
                        + ", max_features " + maxFeatures);
            }
        }
    }

    /** Computes the value of a regression leaf from its samples (e.g. a Newton step). */
    @FunctionalInterface
    public interface LeafValue {
        /** The value of the leaf holding {@code samples[from..to)}. */
        double of(int[] samples, int from, int to);
    }

    private static final double EPSILON = Math.ulp(1.0);

    private final Presorted data;
    private final Limits limits;
    private final SplitMix64 rng;
    private final int[] perm;
    private final long[] keys;
    private final int[] samples;
    private final int sampleCount;
    /** Id of the node each sample currently belongs to (valid for samples of the node being split). */
    private final int[] stamp;
    private final double[] weight;
    // classification
    private final int[] y;
    private final int classes;
    private final Criterion criterion;
    private final double[] total;
    private final double[] leftCounts;
    // regression
    private final double[] target;
    private final LeafValue leafValue;
    /** Weight and weighted target sum of the node being split (regression), in sample order. */
    private double nodeWeight;
    private double nodeSum;
    // output
    private final Nodes nodes;
    // best split of the current node
    private int bestFeature;
    private int bestRank;
    private double bestThreshold;
    private int bestLeftCount;

    private TreeBuilder(Presorted data, double[] weight, int[] y, int classes, Criterion criterion, double[] target,
                        LeafValue leafValue, Limits limits, SplitMix64 rng) {
        this.data = data;
        this.weight = weight;
        this.y = y;
        this.classes = classes;
        this.criterion = criterion;
        this.target = target;
        this.leafValue = leafValue;
        this.limits = limits;
        this.rng = rng;
        int n = data.rows();
        if (weight.length != n) {
            throw new IllegalArgumentException(weight.length + " weights for " + n + " samples");
        }
        int[] s = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (weight[i] < 0 || !Double.isFinite(weight[i])) {
                throw new IllegalArgumentException("sample weight " + i + " is " + weight[i]);
            }
            if (weight[i] > 0) {
                s[m++] = i;
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("no sample has a positive weight");
        }
        this.samples = s;
        this.sampleCount = m;
        this.stamp = new int[n];
        Arrays.fill(stamp, -1); // no node has id -1, so samples outside every node never match
        this.keys = new long[m + 1]; // one spare slot for the branch-free append
        this.perm = new int[data.cols()];
        for (int f = 0; f < perm.length; f++) {
            perm[f] = f;
        }
        this.total = new double[Math.max(classes, 1)];
        this.leftCounts = new double[Math.max(classes, 1)];
        this.nodes = new Nodes(classes > 0 ? classes : 1);
    }

    /**
     * Grows a classification tree whose node values are the weighted class fractions.
     *
     * @param data    the ranked training matrix
     * @param y       class index per sample
     * @param classes number of classes
     * @param weight  weight per sample (0 leaves the sample out)
     */
    public static Tree classification(Presorted data, int[] y, int classes, double[] weight, Criterion criterion,
                                      Limits limits, SplitMix64 rng) {
        if (y.length != data.rows()) {
            throw new IllegalArgumentException(y.length + " labels for " + data.rows() + " samples");
        }
        return new TreeBuilder(data, weight, y, classes, criterion, null, null, limits, rng).grow();
    }

    /**
     * Grows a regression tree on {@code target} with scikit-learn's {@code friedman_mse} split
     * criterion; internal nodes hold the weighted mean, leaves {@code leafValue}'s value.
     */
    public static Tree regression(Presorted data, double[] target, double[] weight, LeafValue leafValue,
                                  Limits limits, SplitMix64 rng) {
        if (target.length != data.rows()) {
            throw new IllegalArgumentException(target.length + " targets for " + data.rows() + " samples");
        }
        return new TreeBuilder(data, weight, null, 0, null, target, leafValue, limits, rng).grow();
    }

    private Tree grow() {
        // explicit stack of (start, end, depth, parent, isLeft) so that deep trees cannot overflow
        int[] stack = new int[64 * 5];
        int top = 0;
        stack = push(stack, top++, 0, sampleCount, 0, -1, 0);
        while (top > 0) {
            top--;
            int b = top * 5;
            int start = stack[b];
            int end = stack[b + 1];
            int depth = stack[b + 2];
            int parent = stack[b + 3];
            boolean isLeft = stack[b + 4] == 1;
            int id = nodes.add();
            if (parent >= 0) {
                nodes.link(parent, id, isLeft);
            }
            double impurity = nodeStatistics(start, end, id);
            int m = end - start;
            boolean leaf = depth >= limits.maxDepth() || m < limits.minSamplesSplit()
                    || m < 2 * limits.minSamplesLeaf() || impurity <= EPSILON;
            if (!leaf && findSplit(start, end, id)) {
                int mid = partition(start, end);
                nodes.setSplit(id, bestFeature, bestThreshold);
                stack = push(stack, top++, mid, end, depth + 1, id, 0);
                stack = push(stack, top++, start, mid, depth + 1, id, 1);
            } else if (target != null) {
                nodes.setValue(id, leafValue.of(samples, start, end));
            }
        }
        return nodes.toTree(data.cols());
    }

    private static int[] push(int[] stack, int at, int start, int end, int depth, int parent, int isLeft) {
        int[] s = at * 5 + 5 > stack.length ? Arrays.copyOf(stack, stack.length * 2) : stack;
        int b = at * 5;
        s[b] = start;
        s[b + 1] = end;
        s[b + 2] = depth;
        s[b + 3] = parent;
        s[b + 4] = isLeft;
        return s;
    }

    /** Stores the node value, fills {@link #total} and returns the node impurity. */
    private double nodeStatistics(int start, int end, int id) {
        if (target == null) {
            Arrays.fill(total, 0);
            double w = 0;
            for (int k = start; k < end; k++) {
                int i = samples[k];
                total[y[i]] += weight[i];
                w += weight[i];
            }
            double impurity = 0;
            for (int c = 0; c < classes; c++) {
                double p = total[c] / w;
                nodes.setValue(id, c, p);
                impurity += criterion == Criterion.GINI ? p * (1 - p) : (p > 0 ? -p * Math.log(p) : 0);
            }
            return impurity;
        }
        double w = 0;
        double sum = 0;
        double sum2 = 0;
        for (int k = start; k < end; k++) {
            int i = samples[k];
            w += weight[i];
            sum += weight[i] * target[i];
            sum2 += weight[i] * target[i] * target[i];
        }
        double mean = sum / w;
        nodeWeight = w;
        nodeSum = sum;
        nodes.setValue(id, mean);
        return sum2 / w - mean * mean;
    }

    /** Searches the best split of samples[start..end); false when none is valid. */
    private boolean findSplit(int start, int end, int id) {
        int d = perm.length;
        int m0 = end - start;
        // sorting costs ~ m log2 m, filtering the presorted order of all rows costs ~ n
        boolean scan = m0 * (32 - Integer.numberOfLeadingZeros(m0)) > data.rows();
        if (scan) {
            for (int k = start; k < end; k++) {
                stamp[samples[k]] = id;
            }
        }
        int want = limits.maxFeatures();
        double best = Double.NEGATIVE_INFINITY;
        bestFeature = -1;
        int visited = 0;
        boolean foundVarying = false;
        for (int j = 0; j < d && (visited < want || !foundVarying); j++) {
            int r = j + rng.nextInt(d - j);
            int f = perm[r];
            perm[r] = perm[j];
            perm[j] = f;
            visited++;
            int m = scan ? filterPresorted(f, id) : sortByFeature(f, start, end);
            if ((int) (keys[0] >>> 32) == (int) (keys[m - 1] >>> 32)) {
                continue; // constant in this node
            }
            foundVarying = true;
            best = target == null ? scanClassification(f, m, best) : scanRegression(f, m, best);
        }
        return bestFeature >= 0;
    }

    /** The node's samples in the feature's order, by filtering the presorted keys of all rows. */
    private int filterPresorted(int f, int id) {
        long[] sorted = data.sortedKeys();
        int off = data.offset(f);
        int n = data.rows();
        int m = 0;
        for (int k = 0; k < n; k++) {
            long key = sorted[off + k];
            keys[m] = key;
            m += stamp[(int) key] == id ? 1 : 0; // branch-free append
        }
        return m;
    }

    private int sortByFeature(int f, int start, int end) {
        int[] ranks = data.ranks();
        int off = data.offset(f);
        int m = end - start;
        for (int k = 0; k < m; k++) {
            int i = samples[start + k];
            keys[k] = ((long) ranks[off + i] << 32) | i;
        }
        Arrays.sort(keys, 0, m);
        return m;
    }

    private double scanClassification(int f, int m, double best) {
        double[] lc = leftCounts;
        Arrays.fill(lc, 0);
        double wTot = 0;
        double sqTot = 0;
        double sTot = 0;
        for (int c = 0; c < classes; c++) {
            wTot += total[c];
            sqTot += total[c] * total[c];
            sTot += xlogx(total[c]);
        }
        boolean gini = criterion == Criterion.GINI;
        int minLeaf = limits.minSamplesLeaf();
        double wl = 0;
        double sqL = 0;
        double sqR = sqTot;
        double sL = 0;
        double sR = sTot;
        for (int k = 0; k < m - 1; k++) {
            int i = (int) keys[k];
            int c = y[i];
            double a = weight[i];
            double l = lc[c];
            double rOld = total[c] - l;
            if (gini) {
                sqL += 2 * l * a + a * a;
                sqR += -2 * rOld * a + a * a;
            } else {
                sL += xlogx(l + a) - xlogx(l);
                sR += xlogx(rOld - a) - xlogx(rOld);
            }
            lc[c] = l + a;
            wl += a;
            int rank = (int) (keys[k] >>> 32);
            if (rank == (int) (keys[k + 1] >>> 32) || k + 1 < minLeaf || m - k - 1 < minLeaf) {
                continue;
            }
            double wr = wTot - wl;
            double proxy = gini ? sqL / wl + sqR / wr : sL + sR - xlogx(wl) - xlogx(wr);
            if (proxy > best) {
                best = proxy;
                record(f, rank, (int) (keys[k + 1] >>> 32), k + 1);
            }
        }
        return best;
    }

    private double scanRegression(int f, int m, double best) {
        // node totals come from nodeStatistics (sample order, as scikit-learn's criterion init)
        double wTot = nodeWeight;
        double sumTot = nodeSum;
        int minLeaf = limits.minSamplesLeaf();
        double wl = 0;
        double sumL = 0;
        for (int k = 0; k < m - 1; k++) {
            int i = (int) keys[k];
            wl += weight[i];
            sumL += weight[i] * target[i];
            int rank = (int) (keys[k] >>> 32);
            if (rank == (int) (keys[k + 1] >>> 32) || k + 1 < minLeaf || m - k - 1 < minLeaf) {
                continue;
            }
            double wr = wTot - wl;
            double diff = wr * sumL - wl * (sumTot - sumL);
            double proxy = diff * diff / (wl * wr);
            if (proxy > best) {
                best = proxy;
                record(f, rank, (int) (keys[k + 1] >>> 32), k + 1);
            }
        }
        return best;
    }

    private void record(int f, int leftRank, int rightRank, int leftCount) {
        bestFeature = f;
        bestRank = leftRank;
        bestLeftCount = leftCount;
        double a = data.value(f, leftRank);
        double b = data.value(f, rightRank);
        double t = a / 2 + b / 2;
        // as scikit-learn: the midpoint, unless rounding put it on the right value
        bestThreshold = (t == b || Double.isInfinite(t)) ? a : t;
    }

    /** Moves samples with rank <= bestRank in bestFeature to the front; returns the split point. */
    private int partition(int start, int end) {
        int[] ranks = data.ranks();
        int off = data.offset(bestFeature);
        int i = start;
        int j = end - 1;
        while (i <= j) {
            if (ranks[off + samples[i]] <= bestRank) {
                i++;
            } else {
                int t = samples[i];
                samples[i] = samples[j];
                samples[j] = t;
                j--;
            }
        }
        if (i - start != bestLeftCount) {
            throw new IllegalStateException("partition disagrees with the split scan");
        }
        return i;
    }

    private static double xlogx(double x) {
        return x > 0 ? x * Math.log(x) : 0;
    }

    /** Growable node arrays. */
    private static final class Nodes {
        private final int outputs;
        private int count;
        private int[] feature = new int[64];
        private double[] threshold = new double[64];
        private int[] left = new int[64];
        private int[] right = new int[64];
        private double[] value;

        Nodes(int outputs) {
            this.outputs = outputs;
            this.value = new double[64 * outputs];
        }

        int add() {
            if (count == feature.length) {
                int cap = count * 2;
                feature = Arrays.copyOf(feature, cap);
                threshold = Arrays.copyOf(threshold, cap);
                left = Arrays.copyOf(left, cap);
                right = Arrays.copyOf(right, cap);
                value = Arrays.copyOf(value, cap * outputs);
            }
            feature[count] = -1;
            left[count] = -1;
            right[count] = -1;
            return count++;
        }

        void link(int parent, int child, boolean isLeft) {
            if (isLeft) {
                left[parent] = child;
            } else {
                right[parent] = child;
            }
        }

        void setSplit(int id, int f, double t) {
            feature[id] = f;
            threshold[id] = t;
        }

        void setValue(int id, double v) {
            value[id * outputs] = v;
        }

        void setValue(int id, int k, double v) {
            value[id * outputs + k] = v;
        }

        Tree toTree(int numFeatures) {
            return new Tree(Arrays.copyOf(feature, count), Arrays.copyOf(threshold, count), Arrays.copyOf(left, count),
                    Arrays.copyOf(right, count), Arrays.copyOf(value, count * outputs), outputs, numFeatures);
        }
    }
}
