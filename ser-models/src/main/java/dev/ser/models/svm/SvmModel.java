package dev.ser.models.svm;

import dev.ser.models.Classifier;
import dev.ser.models.ConfiguredModel;
import java.util.List;
import java.util.Objects;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;

/**
 * A trained C-SVC. With probability estimates, {@link #predictProba} is LIBSVM's
 * {@code svm_predict_probability} (Platt sigmoids coupled pairwise) and {@link #predict} its most
 * probable class; without, probabilities are the fractions of one-vs-one votes won and
 * {@link #predict} is LIBSVM's vote. Classes absent from the training data get probability 0.
 *
 * <p>Note: scikit-learn's {@code SVC.predict} always votes, even with {@code probability=True};
 * {@link #predictVote} gives that answer. Predictions run on a dense copy of the support vectors
 * ({@link DenseSvm}), which computes LIBSVM's numbers several times faster. Immutable and thread-safe.
 */
public final class SvmModel extends ConfiguredModel<SvmConfig> {

    private final svm_model model;
    private final double gamma;
    private final DenseSvm dense;

    /**
     * @param model LIBSVM's model; its labels are class indices into {@code labels}; not copied:
     *              the caller hands it over
     */
    SvmModel(List<String> labels, int numFeatures, svm_model model, SvmConfig config, double gamma) {
        super(labels, numFeatures, config);
        this.model = Objects.requireNonNull(model, "model");
        this.gamma = gamma;
        Libsvm.init();
        for (int l : model.label) {
            if (l < 0 || l >= labels.size()) {
                throw new IllegalArgumentException("LIBSVM label " + l + " is not a class index below "
                        + labels.size());
            }
        }
        this.dense = new DenseSvm(model, numFeatures, config.kernel());
    }

    /** The resolved kernel coefficient. */
    public double gamma() {
        return gamma;
    }

    /** Whether Platt-scaled probabilities were fitted. */
    public boolean hasProbabilityModel() {
        return model.probA != null && model.probB != null;
    }

    /** Number of support vectors. */
    public int supportVectorCount() {
        return model.l;
    }

    /** The class indices present in training, in LIBSVM's (ascending) order. */
    public int[] classesPresent() {
        return model.label.clone();
    }

    /** LIBSVM's model (internal; the codec reads it). */
    svm_model libsvmModel() {
        return model;
    }

    /**
     * The one-vs-one decision values, pairs {@code (i, j), i < j} over {@link #classesPresent()} in
     * order; a positive value favours the first class of the pair.
     */
    public double[] decisionValues(double[] x) {
        check(x);
        return dense.decisionValues(x);
    }

    /** LIBSVM's own decision values (slower; for tests of the dense path). */
    double[] libsvmDecisionValues(double[] x) {
        int k = model.nr_class;
        double[] dec = new double[k * (k - 1) / 2];
        svm.svm_predict_values(model, nodes(x, 0, numFeatures), dec);
        return dec;
    }

    /** LIBSVM's own probabilities in its class order (slower; for tests of the dense path). */
    double[] libsvmProbabilities(double[] x) {
        double[] q = new double[model.nr_class];
        svm.svm_predict_probability(model, nodes(x, 0, numFeatures), q);
        return q;
    }

    /** The class index that wins the one-vs-one vote (the first on ties), as scikit-learn's predict. */
    public int predictVote(double[] x) {
        return Classifier.argmax(votes(x));
    }

    @Override
    public int predict(double[] x) {
        return hasProbabilityModel() ? Classifier.argmax(predictProba(x)) : predictVote(x);
    }

    @Override
    public double[] predictProba(double[] x) {
        check(x);
        double[] p = new double[labels.size()];
        int k = model.nr_class;
        if (k == 1) {
            p[model.label[0]] = 1.0;
            return p;
        }
        if (!hasProbabilityModel()) {
            double[] v = votes(x);
            double total = k * (k - 1) / 2.0;
            for (int c = 0; c < p.length; c++) {
                p[c] = v[c] / total;
            }
            return p;
        }
        double[] q = dense.probabilities(x);
        for (int i = 0; i < k; i++) {
            p[model.label[i]] = q[i];
        }
        return p;
    }

    /** One-vs-one votes per class index. */
    private double[] votes(double[] x) {
        double[] v = new double[labels.size()];
        int k = model.nr_class;
        if (k == 1) {
            v[model.label[0]] = 1;
            return v;
        }
        double[] dec = decisionValues(x);
        int pair = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                v[model.label[dec[pair++] > 0 ? i : j]]++;
            }
        }
        return v;
    }

    private void check(double[] x) {
        if (x.length != numFeatures) {
            throw new IllegalArgumentException("expected " + numFeatures + " features, got " + x.length);
        }
    }

    /** A dense LIBSVM vector of {@code x[off..off+d)} (1-based indices, zeros kept). */
    static svm_node[] nodes(double[] x, int off, int d) {
        svm_node[] v = new svm_node[d];
        for (int j = 0; j < d; j++) {
            svm_node node = new svm_node();
            node.index = j + 1;
            node.value = x[off + j];
            v[j] = node;
        }
        return v;
    }
}
