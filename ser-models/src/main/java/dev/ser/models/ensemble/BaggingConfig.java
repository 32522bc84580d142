package dev.ser.models.ensemble;

import dev.ser.models.HyperParameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.tree.Json;

/**
 * Hyper-parameters of {@link BaggingTrainer}, with scikit-learn {@code BaggingClassifier}'s
 * defaults and JSON names.
 *
 * @param nEstimators number of members; default 10
 * @param maxSamples  rows drawn per member as a fraction of the training rows, in (0, 1]; default 1.0
 * @param bootstrap   draw with replacement; default true
 * @param seed        seed of the row draws and of the members' own seeds; default 0
 * @param threads     members trained at once; results are identical for any value; default 1
 */
public record BaggingConfig(int nEstimators, double maxSamples, boolean bootstrap, long seed, int threads) implements HyperParameters {

    /** scikit-learn's defaults with seed 0 and one thread. */
    public static final BaggingConfig DEFAULT = new BaggingConfig(10, 1.0, true, 0, 1);

    public BaggingConfig {
        if (nEstimators < 1) {
            throw new IllegalArgumentException("n_estimators must be >= 1, got " + nEstimators);
        }
        if (!(maxSamples > 0 && maxSamples <= 1)) {
            throw new IllegalArgumentException("max_samples must be in (0, 1], got " + maxSamples);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** As JSON with scikit-learn names plus {@code seed} and {@code threads}. */
    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("n_estimators", nEstimators);
        o.put("max_samples", maxSamples);
        o.put("bootstrap", bootstrap);
        o.put("seed", seed);
        o.put("threads", threads);
        return o;
    }

    /** Reads {@link #toJson()}'s form; absent keys take the defaults. */
    public static BaggingConfig fromJson(JsonNode o) {
        return new BaggingConfig(Json.intOr(o, "n_estimators", 10), Json.doubleOr(o, "max_samples", 1.0),
                Json.boolOr(o, "bootstrap", true), Json.longOr(o, "seed", 0), Json.intOr(o, "threads", 1));
    }

    /** Builder of {@link BaggingConfig}. */
    public static final class Builder {
        private int nEstimators = 10;
        private double maxSamples = 1.0;
        private boolean bootstrap = true;
        private long seed;
        private int threads = 1;

        private Builder() {
        }

        /** Number of members. */
        public Builder nEstimators(int v) {
            nEstimators = v;
            return this;
        }

        /** Fraction of rows per member. */
        public Builder maxSamples(double v) {
            maxSamples = v;
            return this;
        }

        /** Draw with replacement. */
        public Builder bootstrap(boolean v) {
            bootstrap = v;
            return this;
        }

        /** Random seed. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Worker threads. */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** The configuration. */
        public BaggingConfig build() {
            return new BaggingConfig(nEstimators, maxSamples, bootstrap, seed, threads);
        }
    }
}
