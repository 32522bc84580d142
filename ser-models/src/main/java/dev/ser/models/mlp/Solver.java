package dev.ser.models.mlp;

import java.util.Locale;

/** Stochastic solvers of {@link MlpTrainer} (scikit-learn's {@code lbfgs} is not provided). */
public enum Solver {
    /** Adam (Kingma and Ba 2014) with scikit-learn's bias-corrected step size. */
    ADAM,
    /** Stochastic gradient descent with (optionally Nesterov) momentum. */
    SGD;

    /** scikit-learn's name. */
    public String sklearnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The solver with scikit-learn name {@code name}. */
    public static Solver fromSklearnName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
