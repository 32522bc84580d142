package dev.ser.models.knn;

/** How neighbours vote, as scikit-learn's {@code KNeighborsClassifier(weights=...)}. */
public enum KnnWeights {
    /** Every neighbour counts once (default). */
    UNIFORM("uniform"),
    /** A neighbour counts {@code 1 / distance}; neighbours at distance 0, if any, take all the weight. */
    DISTANCE("distance");

    private final String sklearnName;

    KnnWeights(String sklearnName) {
        this.sklearnName = sklearnName;
    }

    /** The scikit-learn name. */
    public String sklearnName() {
        return sklearnName;
    }

    /** The weighting of a scikit-learn name. */
    public static KnnWeights fromSklearnName(String name) {
        for (KnnWeights w : values()) {
            if (w.sklearnName.equals(name)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown weights: " + name);
    }
}
