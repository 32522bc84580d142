package dev.ser.models.tree;

/** Impurity measure of a classification tree split, as scikit-learn's {@code criterion}. */
public enum Criterion {
    /** Gini impurity {@code 1 - sum p_k^2} (default). */
    GINI("gini"),
    /** Shannon entropy {@code -sum p_k log p_k}. */
    ENTROPY("entropy");

    private final String sklearnName;

    Criterion(String sklearnName) {
        this.sklearnName = sklearnName;
    }

    /** The scikit-learn name. */
    public String sklearnName() {
        return sklearnName;
    }

    /** The criterion of a scikit-learn name ({@code "log_loss"} is entropy, as in scikit-learn). */
    public static Criterion fromSklearnName(String name) {
        return switch (name) {
            case "gini" -> GINI;
            case "entropy", "log_loss" -> ENTROPY;
            default -> throw new IllegalArgumentException("unknown criterion: " + name);
        };
    }
}
