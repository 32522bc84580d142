package dev.ser.models.ensemble;

import dev.ser.models.ConfiguredTrainer;
import dev.ser.models.FeatureTable;
import dev.ser.models.TrainingListener;
import dev.ser.models.tree.Presorted;
import dev.ser.models.tree.Tree;
import dev.ser.models.tree.TreeBuilder;
import dev.ser.models.util.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link GradientBoostingModel} as scikit-learn's {@code GradientBoostingClassifier} with
 * log-loss: the initial scores are the log class priors (log-odds for two classes); every stage
 * fits, per class, a {@code friedman_mse} regression tree to the negative gradient
 * {@code y_k - p_k} on the stage's row subsample and replaces each leaf value by one Newton step
 * {@code (K-1)/K * sum(r) / sum(p (1-p))} (without the factor for two classes), then adds
 * {@code learning_rate} times the tree to every row's score. Listeners get one event per stage
 * with the training log-loss. Deterministic for a seed.
 */
public final class GradientBoostingTrainer extends ConfiguredTrainer<GradientBoostingConfig, GradientBoostingModel> {

    /** The model type written to model files. */
    public static final String MODEL_TYPE = "gradient_boosting";
    /** Probability floor of the prior (scikit-learn clips with float32 epsilon). */
    private static final double PRIOR_EPS = Math.ulp(1.0f);

    /** A trainer with the given hyper-parameters. */
    public GradientBoostingTrainer(GradientBoostingConfig config) {
        super(MODEL_TYPE, config);
    }

    @Override
    public GradientBoostingModel fit(FeatureTable table, TrainingListener listener) {
        int classes = table.numClasses();
        if (classes < 2) {
            throw new IllegalArgumentException("gradient boosting needs at least two classes");
        }
        int n = table.rows();
        int d = table.cols();
        int k = GradientBoostingModel.treesPerStage(classes);
        int[] y = table.labels();
        double[] x = table.rawData();
        Presorted data = Presorted.of(x, n, d);
        double[] init = initialScores(table.classCounts(), n, k);
        double[] raw = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(init, 0, raw, i * k, k);
        }
        SplitMix64 rng = new SplitMix64(config.seed());
        TreeBuilder.Limits limits = config.limits(d);
        List<Tree> trees = new ArrayList<>();
        double[] p = new double[n * k];
        double[] residual = new double[n];
        double factor = k == 1 ? 1.0 : (k - 1.0) / k;
        for (int stage = 0; stage < config.nEstimators(); stage++) {
            double[] weight = stageWeights(n, rng);
            double loss = probabilitiesAndLoss(raw, y, n, k, classes, p);
            for (int c = 0; c < k; c++) {
                int cls = k == 1 ? 1 : c;
                for (int i = 0; i < n; i++) {
                    residual[i] = (y[i] == cls ? 1.0 : 0.0) - p[i * k + c];
                }
                int col = c;
                Tree tree = TreeBuilder.regression(data, residual, weight,
                        (s, from, to) -> newtonStep(s, from, to, residual, p, weight, k, col, factor), limits, rng);
                trees.add(tree);
                for (int i = 0; i < n; i++) {
                    raw[i * k + c] += config.learningRate() * tree.predictValue(x, i * d);
                }
            }
            listener.onEpoch(new TrainingListener.EpochEvent(stage + 1, loss, Double.NaN, config.learningRate()));
        }
        return new GradientBoostingModel(table.labelNames(), d, init, trees, config);
    }

    /** Log priors (clipped away from 0), or the log-odds of class 1 for two classes. */
    static double[] initialScores(int[] counts, int n, int k) {
        if (k == 1) {
            double p1 = clip(counts[1] / (double) n);
            return new double[] {Math.log(p1 / (1 - p1))};
        }
        double[] init = new double[k];
        for (int c = 0; c < k; c++) {
            init[c] = Math.log(clip(counts[c] / (double) n));
        }
        return init;
    }

    private static double clip(double p) {
        return Math.min(1 - PRIOR_EPS, Math.max(PRIOR_EPS, p));
    }

    /** In-bag weights of one stage: all ones, or a subsample of rows drawn without replacement. */
    private double[] stageWeights(int n, SplitMix64 rng) {
        double[] w = new double[n];
        if (config.subsample() >= 1.0) {
            java.util.Arrays.fill(w, 1.0);
            return w;
        }
        int inBag = Math.max(1, (int) (config.subsample() * n));
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int j = 0; j < inBag; j++) {
            int r = j + rng.nextInt(n - j);
            int t = idx[r];
            idx[r] = idx[j];
            idx[j] = t;
            w[t] = 1.0;
        }
        return w;
    }

    /** Fills {@code p} with the probabilities of every row's scores; returns the mean log-loss. */
    private static double probabilitiesAndLoss(double[] raw, int[] y, int n, int k, int classes, double[] p) {
        double loss = 0;
        double[] r = new double[k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(raw, i * k, r, 0, k);
            double[] pi = GradientBoostingModel.probabilities(r, classes);
            if (k == 1) {
                p[i] = pi[1];
            } else {
                System.arraycopy(pi, 0, p, i * k, k);
            }
            loss -= Math.log(Math.max(pi[y[i]], 1e-300));
        }
        return loss / n;
    }

    private static double newtonStep(int[] samples, int from, int to, double[] residual, double[] p, double[] w,
                                     int k, int col, double factor) {
        double num = 0;
        double den = 0;
        for (int s = from; s < to; s++) {
            int i = samples[s];
            double pi = p[i * k + col];
            num += w[i] * residual[i];
            den += w[i] * pi * (1 - pi);
        }
        return Math.abs(den) < 1e-150 ? 0.0 : factor * num / den;
    }
}
