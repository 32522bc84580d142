package dev.ser.models.mlp;

import java.util.Locale;

/** Learning-rate schedules of the {@link Solver#SGD} solver (Adam ignores them, as in scikit-learn). */
public enum LearningRate {
    /** {@code learning_rate_init} throughout. */
    CONSTANT,
    /**
     * After each epoch {@code lr = learning_rate_init / (t + 1)^power_t}, where {@code t} is the
     * number of training samples seen so far (scikit-learn's {@code t_}).
     */
    INVSCALING,
    /**
     * Constant until {@code n_iter_no_change + 1} epochs fail to improve by {@code tol}; then the
     * rate is divided by 5 and training continues, stopping once the rate is at most 1e-6.
     */
    ADAPTIVE;

    /** scikit-learn's name. */
    public String sklearnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The schedule with scikit-learn name {@code name}. */
    public static LearningRate fromSklearnName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
