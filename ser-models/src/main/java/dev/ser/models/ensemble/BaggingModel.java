package dev.ser.models.ensemble;

import dev.ser.models.Classifier;
import java.util.List;

/**
 * A bagged ensemble: the probabilities are the mean of the members' probabilities (scikit-learn's
 * {@code BaggingClassifier.predict_proba} for members with probabilities). Immutable when its
 * members are.
 */
public final class BaggingModel implements Classifier {

    private final List<String> labels;
    private final int numFeatures;
    private final List<Classifier> members;
    private final BaggingConfig config;

    /**
     * @throws IllegalArgumentException when there are no members or they disagree on labels or features
     */
    public BaggingModel(List<? extends Classifier> members, BaggingConfig config) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a bagging ensemble needs at least one member");
        }
        this.members = List.copyOf(members);
        this.labels = this.members.get(0).labels();
        this.numFeatures = this.members.get(0).numFeatures();
        this.config = java.util.Objects.requireNonNull(config, "config");
        for (Classifier m : this.members) {
            if (!m.labels().equals(labels) || m.numFeatures() != numFeatures) {
                throw new IllegalArgumentException("bagging members disagree on labels or feature count");
            }
        }
    }

    /** The members. */
    public List<Classifier> members() {
        return members;
    }

    /** The hyper-parameters. */
    public BaggingConfig config() {
        return config;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public int numFeatures() {
        return numFeatures;
    }

    @Override
    public double[] predictProba(double[] x) {
        if (x.length != numFeatures) {
            throw new IllegalArgumentException("expected " + numFeatures + " features, got " + x.length);
        }
        double[] p = new double[labels.size()];
        for (Classifier m : members) {
            double[] q = m.predictProba(x);
            for (int c = 0; c < p.length; c++) {
                p[c] += q[c];
            }
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= members.size();
        }
        return p;
    }
}
