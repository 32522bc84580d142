package dev.ser.models.svm;

import dev.ser.models.util.SplitMix64;
import dev.ser.models.util.Workers;
import java.util.concurrent.atomic.AtomicInteger;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * One-vs-one C-SVC training on precomputed per-pair kernel matrices: every class pair's binary SVM
 * (and, with probabilities, its five cross-validation fits) is trained by LIBSVM on the pair's
 * kernel matrix computed once with dense loops, and the pairs are assembled into the multi-class
 * model exactly as LIBSVM's own {@code svm_train} does (support vectors in class-grouped row
 * order, coefficients of pair {@code (i, j)} in rows {@code j - 1} for class {@code i}'s vectors
 * and {@code i} for class {@code j}'s). LIBSVM solves the same sub-problems in the same row order
 * either way, so the model equals LIBSVM's multi-class one up to kernel rounding; only the kernel
 * evaluations get cheaper. Pairs run on {@code threads} workers; results do not depend on the count.
 */
final class OneVsOne {

    private OneVsOne() {
    }

    /**
     * Trains the model; falls back to LIBSVM's multi-class training (and {@link PlattScaling})
     * when a pair has more than {@code maxRows} rows or only one class is present.
     *
     * @param prob    the rows grouped by class in ascending class order
     * @param classes the class indices present, ascending
     * @param start   first row of each present class
     * @param count   rows of each present class
     */
    static svm_model train(svm_problem prob, int[] classes, int[] start, int[] count, svm_parameter param,
                           Kernel kernel, boolean probability, long seed, int threads, int maxRows) {
        int k = classes.length;
        boolean small = k > 1;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                small &= count[i] + count[j] <= maxRows;
            }
        }
        if (!small) {
            svm_model model = Libsvm.train(prob, param);
            if (probability && k > 1) {
                double[][] ab = PlattScaling.fit(prob, classes, start, count, param, kernel, seed, threads, maxRows);
                model.probA = ab[0];
                model.probB = ab[1];
            }
            return model;
        }
        int pairs = k * (k - 1) / 2;
        int[][] pairOf = new int[pairs][];
        for (int i = 0, p = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                pairOf[p++] = new int[] {i, j};
            }
        }
        SplitMix64 master = new SplitMix64(seed);
        long[] seeds = new long[pairs];
        for (int p = 0; p < pairs; p++) {
            seeds[p] = master.nextLong(); // the same per-pair seeds as PlattScaling.fit
        }
        double[][] coef = new double[pairs][];
        double[] rho = new double[pairs];
        double[][] dec = new double[pairs][];
        AtomicInteger next = new AtomicInteger();
        try (Workers workers = new Workers(Math.max(1, Math.min(threads, pairs)))) {
            workers.run(w -> {
                for (int p = next.getAndIncrement(); p < pairs; p = next.getAndIncrement()) {
                    int ci = pairOf[p][0];
                    int cj = pairOf[p][1];
                    svm_parameter pp = PlattScaling.pairParameter(param, classes[ci], classes[cj]);
                    svm_node[][] rows = PlattScaling.pairRows(prob, start, count, ci, cj, pp, kernel, maxRows);
                    coef[p] = new double[rows.length];
                    rho[p] = fitPair(rows, count[ci], pp, coef[p]);
                    if (probability) {
                        int[] perm = PlattScaling.foldOrder(rows.length, seeds[p]);
                        dec[p] = new double[rows.length];
                        for (int fold = 0; fold < PlattScaling.FOLDS; fold++) {
                            PlattScaling.heldOutDecisions(rows, count[ci], pp, perm, fold, dec[p]);
                        }
                    }
                }
            });
        }
        svm_model model = assemble(prob, classes, start, count, param, pairOf, coef, rho);
        if (probability) {
            model.probA = new double[pairs];
            model.probB = new double[pairs];
            for (int p = 0; p < pairs; p++) {
                double[] ab = PlattScaling.sigmoid(dec[p], count[pairOf[p][0]]);
                model.probA[p] = ab[0];
                model.probB[p] = ab[1];
            }
        }
        return model;
    }

    /** Trains the binary SVM of a pair; fills the signed coefficient of every pair row, returns rho. */
    private static double fitPair(svm_node[][] rows, int ni, svm_parameter pp, double[] coef) {
        if (pp.kernel_type != svm_parameter.PRECOMPUTED) {
            throw new IllegalStateException("pair rows must be in precomputed-kernel form (serial numbers)");
        }
        svm_problem sub = new svm_problem();
        sub.l = rows.length;
        sub.x = rows;
        sub.y = new double[rows.length];
        for (int r = ni; r < rows.length; r++) {
            sub.y[r] = 1;
        }
        svm_model m = Libsvm.train(sub, pp);
        double sign = m.label[0] == 0 ? 1 : -1; // positive values favour the pair's first class
        for (int s = 0; s < m.l; s++) {
            coef[(int) m.SV[s][0].value - 1] = sign * m.sv_coef[0][s];
        }
        return sign * m.rho[0];
    }

    /** The multi-class model from the pairs' coefficients, laid out as LIBSVM lays it out. */
    private static svm_model assemble(svm_problem prob, int[] classes, int[] start, int[] count,
                                      svm_parameter param, int[][] pairOf, double[][] coef, double[] rho) {
        int k = classes.length;
        int n = prob.l;
        boolean[] nonzero = new boolean[n];
        for (int p = 0; p < pairOf.length; p++) {
            int ci = pairOf[p][0];
            int cj = pairOf[p][1];
            for (int r = 0; r < coef[p].length; r++) {
                if (coef[p][r] != 0) {
                    nonzero[r < count[ci] ? start[ci] + r : start[cj] + r - count[ci]] = true;
                }
            }
        }
        svm_model m = new svm_model();
        m.param = param;
        m.nr_class = k;
        m.label = classes.clone();
        m.rho = rho.clone();
        m.nSV = new int[k];
        int[] svIndex = new int[n];
        int l = 0;
        for (int c = 0; c < k; c++) {
            for (int r = start[c]; r < start[c] + count[c]; r++) {
                if (nonzero[r]) {
                    svIndex[r] = l++;
                    m.nSV[c]++;
                }
            }
        }
        m.l = l;
        m.SV = new svm_node[l][];
        for (int r = 0; r < n; r++) {
            if (nonzero[r]) {
                m.SV[svIndex[r]] = prob.x[r];
            }
        }
        m.sv_coef = new double[k - 1][l];
        for (int p = 0; p < pairOf.length; p++) {
            int ci = pairOf[p][0];
            int cj = pairOf[p][1];
            for (int r = 0; r < coef[p].length; r++) {
                boolean first = r < count[ci];
                int global = first ? start[ci] + r : start[cj] + r - count[ci];
                if (nonzero[global]) {
                    m.sv_coef[first ? cj - 1 : ci][svIndex[global]] = coef[p][r];
                }
            }
        }
        return m;
    }
}
