package dev.ser.models.svm;

import dev.ser.models.util.SplitMix64;
import dev.ser.models.util.Workers;
import java.util.concurrent.atomic.AtomicInteger;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Platt scaling of the one-vs-one SVMs, the procedure of LIBSVM's {@code -b 1} (and so of
 * scikit-learn's {@code SVC(probability=True)}): for every class pair, decision values of held-out
 * rows from a 5-fold cross-validation on the pair's rows, then a sigmoid
 * {@code P(first class | f) = 1 / (1 + exp(A f + B))} fitted to them by the Newton method with
 * backtracking of Lin, Lin and Weng (2007), with Platt's smoothed targets.
 *
 * <p>Unlike LIBSVM, the fold split comes from {@link SplitMix64} seeded per pair from the
 * configured seed (LIBSVM draws it from its static {@code java.util.Random}), so no global state
 * is touched, fits may run concurrently, and the pairs run on {@code threads} workers with results
 * independent of the thread count. Pairs of up to {@link #PRECOMPUTED_MAX_ROWS} rows train on a
 * precomputed kernel matrix.
 */
final class PlattScaling {

    private static final Logger LOG = LoggerFactory.getLogger(PlattScaling.class);
    static final int FOLDS = 5;

    private PlattScaling() {
    }

    /**
     * Fits the sigmoids of all pairs of the classes present.
     *
     * @param prob    the training rows grouped by class in ascending class order
     * @param classes the class indices present, ascending
     * @param start   first row of each present class in {@code prob}
     * @param count   rows of each present class
     * @param param   the SVM parameters (kernel, C, class weights by class index)
     * @param kernel  the kernel of {@code param}
     * @return {@code {probA, probB}}, one value per pair in LIBSVM's pair order
     */
    static double[][] fit(svm_problem prob, int[] classes, int[] start, int[] count, svm_parameter param,
                          Kernel kernel, long seed, int threads) {
        return fit(prob, classes, start, count, param, kernel, seed, threads, PRECOMPUTED_MAX_ROWS);
    }

    /** {@link #fit} precomputing kernel matrices of pairs up to {@code precomputedMaxRows} rows. */
    static double[][] fit(svm_problem prob, int[] classes, int[] start, int[] count, svm_parameter param,
                          Kernel kernel, long seed, int threads, int precomputedMaxRows) {
        int k = classes.length;
        int pairs = k * (k - 1) / 2;
        int[][] pairOf = new int[pairs][];
        for (int i = 0, p = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                pairOf[p++] = new int[] {i, j};
            }
        }
        long[] seeds = new long[pairs];
        SplitMix64 master = new SplitMix64(seed);
        for (int p = 0; p < pairs; p++) {
            seeds[p] = master.nextLong();
        }
        double[][] dec = new double[pairs][];
        int[][] perm = new int[pairs][];
        for (int p = 0; p < pairs; p++) {
            int l = count[pairOf[p][0]] + count[pairOf[p][1]];
            dec[p] = new double[l];
            perm[p] = foldOrder(l, seeds[p]);
        }
        AtomicInteger next = new AtomicInteger();
        try (Workers workers = new Workers(Math.max(1, Math.min(threads, pairs)))) {
            workers.run(w -> {
                for (int p = next.getAndIncrement(); p < pairs; p = next.getAndIncrement()) {
                    int ci = pairOf[p][0];
                    int cj = pairOf[p][1];
                    svm_parameter pp = pairParameter(param, classes[ci], classes[cj]);
                    svm_node[][] rows = pairRows(prob, start, count, ci, cj, pp, kernel, precomputedMaxRows);
                    for (int fold = 0; fold < FOLDS; fold++) {
                        heldOutDecisions(rows, count[ci], pp, perm[p], fold, dec[p]);
                    }
                }
            });
        }
        double[] a = new double[pairs];
        double[] b = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            double[] ab = sigmoid(dec[p], count[pairOf[p][0]]);
            a[p] = ab[0];
            b[p] = ab[1];
        }
        return new double[][] {a, b};
    }

    /** The random order of a pair's {@code l} rows whose consecutive fifths are the folds. */
    static int[] foldOrder(int l, long seed) {
        int[] perm = new int[l];
        for (int r = 0; r < l; r++) {
            perm[r] = r;
        }
        new SplitMix64(seed).shuffle(perm);
        return perm;
    }

    /** Largest pair for which the kernel matrix is precomputed (n^2 LIBSVM nodes, about 24 bytes each). */
    static final int PRECOMPUTED_MAX_ROWS = 2048;

    /** Parameters of a pair's binary fits: labels 0 (first class) and 1, C scaled by each class weight. */
    static svm_parameter pairParameter(svm_parameter param, int first, int second) {
        svm_parameter sp = (svm_parameter) param.clone();
        sp.probability = 0;
        sp.nr_weight = 2;
        sp.weight_label = new int[] {0, 1};
        sp.weight = new double[] {weightOf(param, first), weightOf(param, second)};
        return sp;
    }

    /**
     * The pair's rows (first class, then second). Small pairs get LIBSVM's precomputed-kernel
     * form, row {@code r} = {@code [serial r+1, K(r, 0), ..., K(r, n-1)]}, computed once with dense
     * loops and shared by the five folds: LIBSVM then looks kernel values up instead of merging
     * sparse nodes, which makes the cross-validation several times faster. {@code pp} is switched
     * to the precomputed kernel in that case.
     */
    static svm_node[][] pairRows(svm_problem prob, int[] start, int[] count, int ci, int cj,
                                         svm_parameter pp, Kernel kernel, int maxRows) {
        int ni = count[ci];
        int n = ni + count[cj];
        svm_node[][] rows = new svm_node[n][];
        for (int r = 0; r < n; r++) {
            rows[r] = r < ni ? prob.x[start[ci] + r] : prob.x[start[cj] + r - ni];
        }
        if (n > maxRows) {
            return rows;
        }
        int d = rows[0].length;
        double[] dense = new double[n * d];
        for (int r = 0; r < n; r++) {
            for (svm_node node : rows[r]) {
                dense[r * d + node.index - 1] = node.value;
            }
        }
        svm_node[][] pre = new svm_node[n][n + 1];
        for (int r = 0; r < n; r++) {
            pre[r][0] = node(0, r + 1);
            for (int c = 0; c <= r; c++) {
                double v = DenseSvm.kernel(kernel, pp.gamma, pp.coef0, pp.degree, dense, r * d, dense, c * d, d);
                pre[r][c + 1] = node(c + 1, v);
                if (c < r) {
                    pre[c][r + 1] = node(r + 1, v); // the matrix is symmetric
                }
            }
        }
        pp.kernel_type = svm_parameter.PRECOMPUTED;
        return pre;
    }

    private static svm_node node(int index, double value) {
        svm_node v = new svm_node();
        v.index = index;
        v.value = value;
        return v;
    }

    /** Decision values of fold {@code fold}'s rows of a pair from an SVM trained on the other folds. */
    static void heldOutDecisions(svm_node[][] rows, int ni, svm_parameter pp, int[] perm, int fold,
                                         double[] dec) {
        int l = perm.length;
        int from = fold * l / FOLDS;
        int to = (fold + 1) * l / FOLDS;
        boolean[] held = new boolean[l];
        for (int q = from; q < to; q++) {
            held[perm[q]] = true;
        }
        int trainRows = l - (to - from);
        svm_problem sub = new svm_problem();
        sub.l = trainRows;
        sub.x = new svm_node[trainRows][];
        sub.y = new double[trainRows];
        int positives = 0;
        for (int r = 0, at = 0; r < l; r++) {
            if (!held[r]) {
                sub.x[at] = rows[r];
                sub.y[at++] = r < ni ? 0 : 1; // label 0 (first class) first, so positive values favour it
                positives += r < ni ? 1 : 0;
            }
        }
        if (positives == 0 || positives == trainRows) {
            // one class only in the training part: a constant decision, as LIBSVM
            double v = positives == 0 ? (trainRows == 0 ? 0 : -1) : 1;
            for (int q = from; q < to; q++) {
                dec[perm[q]] = v;
            }
            return;
        }
        svm_model m = Libsvm.train(sub, pp);
        double sign = m.label[0] == 0 ? 1 : -1;
        double[] out = new double[1];
        for (int q = from; q < to; q++) {
            svm.svm_predict_values(m, rows[perm[q]], out);
            dec[perm[q]] = sign * out[0];
        }
    }

    private static double weightOf(svm_parameter param, int cls) {
        for (int w = 0; w < param.nr_weight; w++) {
            if (param.weight_label[w] == cls) {
                return param.weight[w];
            }
        }
        return 1.0;
    }

    /**
     * Fits {@code (A, B)} to decision values whose first {@code positives} entries belong to the
     * positive class: minimises the cross-entropy against Platt's targets
     * {@code (N+ + 1) / (N+ + 2)} and {@code 1 / (N- + 2)} by Newton steps with a backtracking line
     * search (sufficient-decrease constant 1e-4), a ridge of 1e-12 on the Hessian, stopping when
     * both gradient components are below 1e-5 or after 100 iterations.
     */
    static double[] sigmoid(double[] dec, int positives) {
        int l = dec.length;
        int negatives = l - positives;
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double[] t = new double[l];
        for (int i = 0; i < l; i++) {
            t[i] = i < positives ? hi : lo;
        }
        double a = 0;
        double b = Math.log((negatives + 1.0) / (positives + 1.0));
        double f = objective(dec, t, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < l; i++) {
                double z = dec[i] * a + b;
                double p;
                double q;
                if (z >= 0) {
                    p = Math.exp(-z) / (1.0 + Math.exp(-z));
                    q = 1.0 / (1.0 + Math.exp(-z));
                } else {
                    p = 1.0 / (1.0 + Math.exp(z));
                    q = Math.exp(z) / (1.0 + Math.exp(z));
                }
                double d2 = p * q;
                h11 += dec[i] * dec[i] * d2;
                h22 += d2;
                h21 += dec[i] * d2;
                double d1 = t[i] - p;
                g1 += dec[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / det;
            double db = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * da + g2 * db;
            double step = 1;
            while (step >= 1e-10) {
                double na = a + step * da;
                double nb = b + step * db;
                double nf = objective(dec, t, na, nb);
                if (nf < f + 1e-4 * step * gd) {
                    a = na;
                    b = nb;
                    f = nf;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                LOG.debug("Platt scaling: line search failed at iteration {}", iter);
                break;
            }
        }
        return new double[] {a, b};
    }

    /** Cross-entropy of the sigmoid {@code 1 / (1 + exp(A f + B))} against targets {@code t}, overflow-free. */
    private static double objective(double[] dec, double[] t, double a, double b) {
        double f = 0;
        for (int i = 0; i < dec.length; i++) {
            double z = dec[i] * a + b;
            f += z >= 0 ? t[i] * z + Math.log1p(Math.exp(-z)) : (t[i] - 1) * z + Math.log1p(Math.exp(z));
        }
        return f;
    }
}
