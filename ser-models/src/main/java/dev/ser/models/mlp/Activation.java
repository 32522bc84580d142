package dev.ser.models.mlp;

import java.util.Locale;

/** Hidden-layer activation functions, named as scikit-learn names them. */
public enum Activation {
    /** {@code f(z) = z}. */
    IDENTITY,
    /** {@code f(z) = 1 / (1 + exp(-z))}. */
    LOGISTIC,
    /** {@code f(z) = tanh(z)}. */
    TANH,
    /** {@code f(z) = max(0, z)}. */
    RELU;

    /** scikit-learn's name, e.g. {@code "relu"}. */
    public String sklearnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The activation with scikit-learn name {@code name}. */
    public static Activation fromSklearnName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Applies the activation in place to {@code z[from, to)}. */
    void apply(double[] z, int from, int to) {
        switch (this) {
            case IDENTITY -> {
            }
            case LOGISTIC -> {
                for (int i = from; i < to; i++) {
                    z[i] = 1.0 / (1.0 + Math.exp(-z[i]));
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    z[i] = Math.tanh(z[i]);
                }
            }
            case RELU -> {
                for (int i = from; i < to; i++) {
                    z[i] = Math.max(z[i], 0.0);
                }
            }
        }
    }

    /**
     * Multiplies {@code delta[from, to)} by the derivative, expressed through the activation's
     * output {@code a} (as scikit-learn does): relu {@code a > 0}, tanh {@code 1 - a^2}, logistic
     * {@code a (1 - a)}.
     */
    void multiplyDerivative(double[] a, double[] delta, int from, int to) {
        switch (this) {
            case IDENTITY -> {
            }
            case LOGISTIC -> {
                for (int i = from; i < to; i++) {
                    delta[i] *= a[i] * (1.0 - a[i]);
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    delta[i] *= 1.0 - a[i] * a[i];
                }
            }
            case RELU -> {
                // a >= +0.0; min(1, a * 1e300 * 1e300) is 1 for every positive double (even the
                // smallest subnormal) and 0 for a == 0: a branch-free mask that C2 vectorises,
                // where a data-dependent branch would mispredict about half the time
                for (int i = from; i < to; i++) {
                    delta[i] *= Math.min(1.0, a[i] * 1e300 * 1e300);
                }
            }
        }
    }
}
