package dev.ser.models.ensemble;

import dev.ser.models.Classifier;
import dev.ser.models.ConfiguredModel;
import java.util.List;

/**
 * A bagged ensemble: the probabilities are the mean of the members' probabilities (scikit-learn's
 * {@code BaggingClassifier.predict_proba} for members with probabilities). Immutable when its
 * members are.
 */
public final class BaggingModel extends ConfiguredModel<BaggingConfig> {

    private final List<Classifier> members;

    /**
     * @throws IllegalArgumentException when there are no members or they disagree on labels or features
     */
    public BaggingModel(List<? extends Classifier> members, BaggingConfig config) {
        super(first(members).labels(), first(members).numFeatures(), config);
        this.members = List.copyOf(members);
        for (Classifier m : this.members) {
            if (!m.labels().equals(labels) || m.numFeatures() != numFeatures) {
                throw new IllegalArgumentException("bagging members disagree on labels or feature count");
            }
        }
    }

    private static Classifier first(List<? extends Classifier> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a bagging ensemble needs at least one member");
        }
        return members.get(0);
    }

    /** The members. */
    public List<Classifier> members() {
        return members;
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
