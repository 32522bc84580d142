package dev.ser.models.svm;

import libsvm.svm_model;
import libsvm.svm_node;

/**
 * Prediction from a LIBSVM C-SVC model on dense arrays: the support vectors are copied once into a
 * row-major matrix so that each kernel value is one contiguous loop, instead of LIBSVM's merge of
 * sparse index/value nodes and its per-call allocations. Computes what LIBSVM's
 * {@code svm_predict_values} and {@code svm_predict_probability} compute (same formulas and
 * iteration; agreement is tested to 1e-12). Immutable.
 */
final class DenseSvm {

    /** Pairwise probabilities are kept in [MIN_PROB, 1 - MIN_PROB], as LIBSVM does. */
    private static final double MIN_PROB = 1e-7;

    private final int d;
    private final int l;
    private final int k;
    private final double[] sv;
    private final int[] start;
    private final int[] count;
    private final double[][] coef;
    private final double[] rho;
    private final double[] probA;
    private final double[] probB;
    private final Kernel kernel;
    private final double gamma;
    private final double coef0;
    private final int degree;

    DenseSvm(svm_model m, int numFeatures, Kernel kernel) {
        this.d = numFeatures;
        this.l = m.l;
        this.k = m.nr_class;
        this.sv = new double[l * d];
        for (int i = 0; i < l; i++) {
            for (svm_node node : m.SV[i]) {
                sv[i * d + node.index - 1] = node.value;
            }
        }
        this.count = m.nSV.clone();
        this.start = new int[k];
        for (int c = 1; c < k; c++) {
            start[c] = start[c - 1] + count[c - 1];
        }
        this.coef = new double[k - 1][];
        for (int r = 0; r < k - 1; r++) {
            coef[r] = m.sv_coef[r].clone();
        }
        this.rho = m.rho.clone();
        this.probA = m.probA == null ? null : m.probA.clone();
        this.probB = m.probB == null ? null : m.probB.clone();
        this.kernel = kernel;
        this.gamma = m.param.gamma;
        this.coef0 = m.param.coef0;
        this.degree = m.param.degree;
    }

    /** The one-vs-one decision values of {@code x}, LIBSVM's pair order. */
    double[] decisionValues(double[] x) {
        double[] kv = new double[l];
        for (int i = 0; i < l; i++) {
            kv[i] = kernel(x, i * d);
        }
        double[] dec = new double[k * (k - 1) / 2];
        int p = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double sum = 0;
                double[] ci = coef[j - 1];
                double[] cj = coef[i];
                for (int s = start[i], e = start[i] + count[i]; s < e; s++) {
                    sum += ci[s] * kv[s];
                }
                for (int s = start[j], e = start[j] + count[j]; s < e; s++) {
                    sum += cj[s] * kv[s];
                }
                dec[p] = sum - rho[p];
                p++;
            }
        }
        return dec;
    }

    /** Class probabilities in LIBSVM's class order (requires a probability model). */
    double[] probabilities(double[] x) {
        double[] dec = decisionValues(x);
        double[][] r = new double[k][k];
        int p = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double v = Math.min(Math.max(sigmoid(dec[p], probA[p], probB[p]), MIN_PROB), 1 - MIN_PROB);
                r[i][j] = v;
                r[j][i] = 1 - v;
                p++;
            }
        }
        if (k == 2) {
            return new double[] {r[0][1], r[1][0]};
        }
        return couple(r);
    }

    private double kernel(double[] x, int off) {
        return kernel(kernel, gamma, coef0, degree, x, 0, sv, off, d);
    }

    /** The kernel value of {@code a[aOff..aOff+d)} and {@code b[bOff..bOff+d)}. */
    static double kernel(Kernel kernel, double gamma, double coef0, int degree, double[] a, int aOff, double[] b,
                         int bOff, int d) {
        switch (kernel) {
            case RBF: {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double t = a[aOff + j] - b[bOff + j];
                    s += t * t;
                }
                return Math.exp(-gamma * s);
            }
            case LINEAR:
                return dot(a, aOff, b, bOff, d);
            case POLY:
                return powi(gamma * dot(a, aOff, b, bOff, d) + coef0, degree);
            case SIGMOID:
                return Math.tanh(gamma * dot(a, aOff, b, bOff, d) + coef0);
            default:
                throw new IllegalStateException("kernel " + kernel);
        }
    }

    private static double dot(double[] a, int aOff, double[] b, int bOff, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += a[aOff + j] * b[bOff + j];
        }
        return s;
    }

    /** {@code base^n} by repeated squaring (the order of products LIBSVM uses). */
    private static double powi(double base, int n) {
        double tmp = base;
        double ret = 1.0;
        for (int t = n; t > 0; t /= 2) {
            if (t % 2 == 1) {
                ret *= tmp;
            }
            tmp = tmp * tmp;
        }
        return ret;
    }

    /** Platt's sigmoid {@code 1 / (1 + exp(A f + B))}, evaluated without overflow. */
    private static double sigmoid(double f, double a, double b) {
        double z = f * a + b;
        return z >= 0 ? Math.exp(-z) / (1.0 + Math.exp(-z)) : 1.0 / (1 + Math.exp(z));
    }

    /**
     * Couples pairwise probabilities {@code r[i][j] ~ P(i | i or j)} into class probabilities:
     * method 2 of Wu, Lin and Weng (2004), minimising {@code sum_i sum_{j != i} (r_ji p_i - r_ij p_j)^2}
     * subject to {@code sum p = 1} by their fixed-point iteration, stopped when the optimality
     * residual is below {@code 0.005 / k} or after {@code max(100, k)} sweeps.
     */
    private double[] couple(double[][] r) {
        double[][] q = new double[k][k];
        double[] p = new double[k];
        double[] qp = new double[k];
        for (int t = 0; t < k; t++) {
            p[t] = 1.0 / k;
            for (int j = 0; j < k; j++) {
                if (j != t) {
                    q[t][t] += r[j][t] * r[j][t];
                    q[t][j] = -r[j][t] * r[t][j];
                }
            }
        }
        double eps = 0.005 / k;
        int maxIter = Math.max(100, k);
        for (int iter = 0; iter < maxIter; iter++) {
            double pqp = 0;
            for (int t = 0; t < k; t++) {
                qp[t] = 0;
                for (int j = 0; j < k; j++) {
                    qp[t] += q[t][j] * p[j];
                }
                pqp += p[t] * qp[t];
            }
            double worst = 0;
            for (int t = 0; t < k; t++) {
                worst = Math.max(worst, Math.abs(qp[t] - pqp));
            }
            if (worst < eps) {
                break;
            }
            for (int t = 0; t < k; t++) {
                double diff = (-qp[t] + pqp) / q[t][t];
                p[t] += diff;
                pqp = (pqp + diff * (diff * q[t][t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
                for (int j = 0; j < k; j++) {
                    qp[j] = (qp[j] + diff * q[t][j]) / (1 + diff);
                    p[j] /= 1 + diff;
                }
            }
        }
        return p;
    }
}
