package dev.ser.models.knn;

import dev.ser.models.HyperParameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.tree.Json;

/**
 * Hyper-parameters of {@link KnnTrainer} (Euclidean distance, exhaustive search), with scikit-learn
 * {@code KNeighborsClassifier}'s defaults and JSON names.
 *
 * @param k       neighbours consulted ({@code n_neighbors}); default 5
 * @param weights default {@link KnnWeights#UNIFORM}
 */
public record KnnConfig(int k, KnnWeights weights) implements HyperParameters {

    /** scikit-learn's defaults. */
    public static final KnnConfig DEFAULT = new KnnConfig(5, KnnWeights.UNIFORM);

    public KnnConfig {
        if (k < 1) {
            throw new IllegalArgumentException("n_neighbors must be >= 1, got " + k);
        }
        if (weights == null) {
            throw new IllegalArgumentException("weights must not be null");
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** As JSON with scikit-learn names. */
    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("n_neighbors", k);
        o.put("weights", weights.sklearnName());
        o.put("metric", "euclidean");
        return o;
    }

    /** Reads {@link #toJson()}'s form; absent keys take the defaults. */
    public static KnnConfig fromJson(JsonNode o) {
        String metric = Json.textOr(o, "metric", "euclidean");
        if (!metric.equals("euclidean")) {
            throw new IllegalArgumentException("only the euclidean metric is supported, got " + metric);
        }
        return new KnnConfig(Json.intOr(o, "n_neighbors", 5),
                KnnWeights.fromSklearnName(Json.textOr(o, "weights", "uniform")));
    }

    /** Builder of {@link KnnConfig}. */
    public static final class Builder {
        private int k = 5;
        private KnnWeights weights = KnnWeights.UNIFORM;

        private Builder() {
        }

        /** Neighbours consulted. */
        public Builder k(int v) {
            k = v;
            return this;
        }

        /** Vote weighting. */
        public Builder weights(KnnWeights v) {
            weights = v;
            return this;
        }

        /** The configuration. */
        public KnnConfig build() {
            return new KnnConfig(k, weights);
        }
    }
}
