package dev.ser.models.linear;

import dev.ser.models.ConfiguredTrainer;
import dev.ser.models.FeatureTable;
import dev.ser.models.TrainingListener;
import java.util.Arrays;

/**
 * Trains a multinomial {@link LogisticRegressionModel} with L2 penalty by L-BFGS, as scikit-learn's
 * {@code LogisticRegression(solver="lbfgs")} for more than two classes (for two classes this model
 * keeps two softmax outputs; the decision is the same family). The objective is divided by
 * {@code C * n} for conditioning, which does not move its minimum. Starts from zero, so it is
 * deterministic. Listeners get one event per iteration with the scaled objective.
 */
public final class LogisticRegressionTrainer extends ConfiguredTrainer<LogisticRegressionConfig, LogisticRegressionModel> {

    /** The model type written to model files. */
    public static final String MODEL_TYPE = "logistic_regression";

    /** A trainer with the given hyper-parameters. */
    public LogisticRegressionTrainer(LogisticRegressionConfig config) {
        super(MODEL_TYPE, config);
    }

    @Override
    public LogisticRegressionModel fit(FeatureTable table, TrainingListener listener) {
        requireFinite(table);
        int n = table.rows();
        int d = table.cols();
        int k = table.numClasses();
        double[] x = table.rawData();
        int[] y = table.labels();
        double l2 = 1.0 / (config.c() * n);
        boolean intercept = config.fitIntercept();
        double[] params = new double[(d + 1) * k]; // weights then intercepts
        double[] z = new double[k];
        Lbfgs.Objective objective = (w, g) -> {
            Arrays.fill(g, 0);
            double loss = 0;
            for (int i = 0; i < n; i++) {
                System.arraycopy(w, d * k, z, 0, k);
                LogisticRegressionModel.scores(w, x, i * d, d, z);
                double logNorm = logSumExp(z);
                loss += logNorm - rawScore(w, x, i * d, d, k, y[i]);
                for (int c = 0; c < k; c++) {
                    double diff = Math.exp(z[c] - logNorm) - (c == y[i] ? 1 : 0);
                    z[c] = diff;
                }
                for (int j = 0; j < d; j++) {
                    double v = x[i * d + j];
                    int row = j * k;
                    for (int c = 0; c < k; c++) {
                        g[row + c] += v * z[c];
                    }
                }
                if (intercept) {
                    for (int c = 0; c < k; c++) {
                        g[d * k + c] += z[c];
                    }
                }
            }
            double penalty = 0;
            for (int p = 0; p < d * k; p++) {
                penalty += w[p] * w[p];
                g[p] = g[p] / n + l2 * w[p];
            }
            for (int c = 0; c < k; c++) {
                g[d * k + c] /= n;
            }
            return loss / n + 0.5 * l2 * penalty;
        };
        Lbfgs.minimize(objective, params, config.maxIter(), config.tol(),
                (iter, value) -> listener.onEpoch(
                        new TrainingListener.EpochEvent(iter, value, Double.NaN, Double.NaN)));
        return new LogisticRegressionModel(table.labelNames(), d, Arrays.copyOf(params, d * k),
                Arrays.copyOfRange(params, d * k, (d + 1) * k), config);
    }

    private static double logSumExp(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double s = 0;
        for (double v : z) {
            s += Math.exp(v - max);
        }
        return max + Math.log(s);
    }

    private static double rawScore(double[] w, double[] x, int off, int d, int k, int cls) {
        double s = w[d * k + cls];
        for (int j = 0; j < d; j++) {
            s += x[off + j] * w[j * k + cls];
        }
        return s;
    }

    /** Refuses NaN or infinite features, which would silently corrupt the fit. */
    private static void requireFinite(FeatureTable table) {
        double[] x = table.rawData();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("feature " + (i % table.cols()) + " of sample " + (i / table.cols())
                        + " is " + x[i] + "; the model needs finite features");
            }
        }
    }
}
