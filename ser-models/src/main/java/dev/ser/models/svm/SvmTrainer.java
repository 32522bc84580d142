package dev.ser.models.svm;

import dev.ser.models.ConfiguredTrainer;
import dev.ser.models.FeatureTable;
import dev.ser.models.TrainingListener;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * Trains a C-support vector classifier ({@link SvmModel}) with LIBSVM, as scikit-learn's
 * {@code SVC}: one-vs-one over the classes present, {@code gamma} resolved as scikit-learn does,
 * optional class weights, and with {@link SvmConfig#probability()} Platt scaling by internal 5-fold
 * cross-validation plus pairwise coupling (the procedure of LIBSVM {@code -b 1}, see
 * {@link PlattScaling}). Class pairs of up to {@link PlattScaling#PRECOMPUTED_MAX_ROWS} rows are
 * trained on precomputed kernel matrices ({@link OneVsOne}), on {@link SvmConfig#threads()} workers.
 *
 * <p>The rows are handed to LIBSVM grouped by class in ascending class order (stable within a
 * class), which is the order scikit-learn's LIBSVM sees, so the one-vs-one pairs are the same.
 * Deterministic for a seed, whatever the thread count; concurrent fits are independent (no LIBSVM
 * global state is used). Features should be standardised first.
 */
public final class SvmTrainer extends ConfiguredTrainer<SvmConfig, SvmModel> {

    /** The model type written to model files. */
    public static final String MODEL_TYPE = "svm";

    /** A trainer with the given hyper-parameters. */
    public SvmTrainer(SvmConfig config) {
        super(MODEL_TYPE, config);
        Libsvm.init();
    }

    @Override
    public SvmModel fit(FeatureTable table, TrainingListener listener) {
        return fit(table, PlattScaling.PRECOMPUTED_MAX_ROWS);
    }

    /** {@link #fit} with a chosen precomputed-kernel limit (0: LIBSVM's own kernels; for tests). */
    SvmModel fit(FeatureTable table, int precomputedMaxRows) {
        requireFinite(table);
        int n = table.rows();
        int d = table.cols();
        double[] x = table.rawData();
        double gamma = config.gamma().resolve(x, n, d);
        svm_problem prob = problem(table);
        svm_parameter param = parameter(table, gamma);
        int[] counts = table.classCounts();
        int present = 0;
        for (int c : counts) {
            present += c > 0 ? 1 : 0;
        }
        int[] classes = new int[present];
        int[] start = new int[present];
        int[] count = new int[present];
        for (int c = 0, at = 0, row = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                classes[at] = c;
                start[at] = row;
                count[at++] = counts[c];
            }
            row += counts[c];
        }
        svm_model model = OneVsOne.train(prob, classes, start, count, param, config.kernel(), config.probability(),
                config.seed(), config.threads(), precomputedMaxRows);
        return new SvmModel(table.labelNames(), d, model, config, gamma);
    }

    private static svm_problem problem(FeatureTable table) {
        int n = table.rows();
        int d = table.cols();
        double[] x = table.rawData();
        int[] counts = table.classCounts();
        int[] next = new int[counts.length];
        for (int c = 1; c < counts.length; c++) {
            next[c] = next[c - 1] + counts[c - 1];
        }
        svm_problem prob = new svm_problem();
        prob.l = n;
        prob.y = new double[n];
        prob.x = new svm_node[n][];
        for (int i = 0; i < n; i++) {
            int label = table.label(i);
            int at = next[label]++;
            prob.y[at] = label;
            prob.x[at] = SvmModel.nodes(x, i * d, d);
        }
        return prob;
    }

    private svm_parameter parameter(FeatureTable table, double gamma) {
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = config.kernel().libsvmType();
        p.degree = config.degree();
        p.gamma = gamma;
        p.coef0 = config.coef0();
        p.cache_size = config.cacheSizeMb();
        p.eps = config.tol();
        p.C = config.c();
        p.shrinking = config.shrinking() ? 1 : 0;
        p.probability = 0; // Platt scaling is ours (PlattScaling), see Libsvm
        // LIBSVM warns on stderr about weights of absent classes: pass only those of present classes
        double[] weights = classWeights(table);
        int[] counts = table.classCounts();
        int present = 0;
        for (int c = 0; c < weights.length; c++) {
            present += counts[c] > 0 ? 1 : 0;
        }
        p.nr_weight = present;
        p.weight_label = new int[present];
        p.weight = new double[present];
        for (int c = 0, at = 0; c < weights.length; c++) {
            if (counts[c] > 0) {
                p.weight_label[at] = c;
                p.weight[at++] = weights[c];
            }
        }
        p.nu = 0.5;
        p.p = 0.1;
        return p;
    }

    /** Factor on C per class index: the explicit weights times the balanced weights. */
    double[] classWeights(FeatureTable table) {
        int k = table.numClasses();
        double[] w = new double[k];
        int[] counts = table.classCounts();
        int present = 0;
        for (int cnt : counts) {
            present += cnt > 0 ? 1 : 0;
        }
        for (String name : config.classWeight().keySet()) {
            if (!table.labelNames().contains(name)) {
                throw new IllegalArgumentException("class_weight names unknown class " + name + "; classes are "
                        + table.labelNames());
            }
        }
        for (int c = 0; c < k; c++) {
            w[c] = config.classWeight().getOrDefault(table.labelNames().get(c), 1.0);
            if (config.balanced() && counts[c] > 0) {
                w[c] *= table.rows() / ((double) present * counts[c]);
            }
        }
        return w;
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
