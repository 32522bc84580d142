package dev.ser.models.ensemble;

import dev.ser.models.HyperParameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.tree.Criterion;
import dev.ser.models.tree.DecisionTreeConfig;
import dev.ser.models.tree.Json;
import dev.ser.models.tree.MaxFeatures;

/**
 * Hyper-parameters of {@link RandomForestTrainer}, with scikit-learn
 * {@code RandomForestClassifier}'s defaults and JSON names.
 *
 * @param nEstimators number of trees; default 100
 * @param tree        per-tree settings; default gini, unlimited depth, min_samples_split 2,
 *                    min_samples_leaf 1, max_features {@link MaxFeatures#SQRT} (the tree config's seed is unused)
 * @param bootstrap   draw a bootstrap sample (n rows with replacement) per tree; default true
 * @param seed        seed of the bootstrap samples and the split feature orders; default 0
 * @param threads     worker threads; the forest is bit-identical for any value; default 1
 */
public record RandomForestConfig(int nEstimators, DecisionTreeConfig tree, boolean bootstrap, long seed, int threads) implements HyperParameters {

    /** scikit-learn's defaults with seed 0 and one thread. */
    public static final RandomForestConfig DEFAULT = builder().build();

    public RandomForestConfig {
        if (nEstimators < 1) {
            throw new IllegalArgumentException("n_estimators must be >= 1, got " + nEstimators);
        }
        if (tree == null) {
            throw new IllegalArgumentException("tree config must not be null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nEstimators = nEstimators;
        b.tree = tree.toBuilder();
        b.bootstrap = bootstrap;
        b.seed = seed;
        b.threads = threads;
        return b;
    }

    /** As JSON with scikit-learn names plus {@code seed} and {@code threads}. */
    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("n_estimators", nEstimators);
        ObjectNode t = tree.toJson();
        t.remove("seed");
        o.setAll(t);
        o.put("bootstrap", bootstrap);
        o.put("seed", seed);
        o.put("threads", threads);
        return o;
    }

    /** Reads {@link #toJson()}'s form; absent keys take the defaults. */
    public static RandomForestConfig fromJson(JsonNode o) {
        ObjectNode t = o.deepCopy();
        if (!o.has("max_features")) {
            t.set("max_features", MaxFeatures.SQRT.toJson());
        }
        Builder b = builder();
        b.tree = DecisionTreeConfig.fromJson(t).toBuilder();
        return b.nEstimators(Json.intOr(o, "n_estimators", 100)).bootstrap(Json.boolOr(o, "bootstrap", true))
                .seed(Json.longOr(o, "seed", 0)).threads(Json.intOr(o, "threads", 1)).build();
    }

    /** Builder of {@link RandomForestConfig}. */
    public static final class Builder {
        private int nEstimators = 100;
        private DecisionTreeConfig.Builder tree = DecisionTreeConfig.builder().maxFeatures(MaxFeatures.SQRT);
        private boolean bootstrap = true;
        private long seed;
        private int threads = 1;

        private Builder() {
        }

        /** Number of trees. */
        public Builder nEstimators(int v) {
            nEstimators = v;
            return this;
        }

        /** Split criterion. */
        public Builder criterion(Criterion v) {
            tree.criterion(v);
            return this;
        }

        /** Maximum tree depth ({@code Integer.MAX_VALUE} for none). */
        public Builder maxDepth(int v) {
            tree.maxDepth(v);
            return this;
        }

        /** Minimum samples to split a node. */
        public Builder minSamplesSplit(int v) {
            tree.minSamplesSplit(v);
            return this;
        }

        /** Minimum samples per leaf. */
        public Builder minSamplesLeaf(int v) {
            tree.minSamplesLeaf(v);
            return this;
        }

        /** Features examined per split. */
        public Builder maxFeatures(MaxFeatures v) {
            tree.maxFeatures(v);
            return this;
        }

        /** Bootstrap sampling. */
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
        public RandomForestConfig build() {
            return new RandomForestConfig(nEstimators, tree.build(), bootstrap, seed, threads);
        }
    }
}
