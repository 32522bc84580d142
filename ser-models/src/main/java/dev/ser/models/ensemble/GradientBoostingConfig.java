package dev.ser.models.ensemble;

import dev.ser.models.HyperParameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.tree.Json;
import dev.ser.models.tree.MaxFeatures;
import dev.ser.models.tree.TreeBuilder;

/**
 * Hyper-parameters of {@link GradientBoostingTrainer}, with scikit-learn
 * {@code GradientBoostingClassifier}'s defaults and JSON names (log-loss, {@code friedman_mse} trees).
 *
 * @param nEstimators     boosting stages; default 100
 * @param learningRate    shrinkage of every tree's contribution; default 0.1
 * @param subsample       fraction of rows drawn (without replacement) per stage, in (0, 1]; default 1.0
 * @param maxDepth        depth of each regression tree; default 3
 * @param minSamplesSplit default 2
 * @param minSamplesLeaf  default 1
 * @param maxFeatures     features examined per split; default {@link MaxFeatures#ALL}
 * @param seed            seed of row subsampling and split feature orders; default 0
 */
public record GradientBoostingConfig(int nEstimators, double learningRate, double subsample, int maxDepth,
                                     int minSamplesSplit, int minSamplesLeaf, MaxFeatures maxFeatures, long seed) implements HyperParameters {

    /** scikit-learn's defaults with seed 0. */
    public static final GradientBoostingConfig DEFAULT = builder().build();

    public GradientBoostingConfig {
        if (nEstimators < 1) {
            throw new IllegalArgumentException("n_estimators must be >= 1, got " + nEstimators);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning_rate must be > 0, got " + learningRate);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("subsample must be in (0, 1], got " + subsample);
        }
        if (maxFeatures == null) {
            throw new IllegalArgumentException("max_features must not be null");
        }
        new TreeBuilder.Limits(maxDepth, minSamplesSplit, minSamplesLeaf, 1); // validates the limits
        if (maxDepth < 1) {
            throw new IllegalArgumentException("max_depth must be >= 1, got " + maxDepth);
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().nEstimators(nEstimators).learningRate(learningRate).subsample(subsample)
                .maxDepth(maxDepth).minSamplesSplit(minSamplesSplit).minSamplesLeaf(minSamplesLeaf)
                .maxFeatures(maxFeatures).seed(seed);
    }

    /** The growth limits of each tree for {@code nFeatures} features. */
    TreeBuilder.Limits limits(int nFeatures) {
        return new TreeBuilder.Limits(maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures.resolve(nFeatures));
    }

    /** As JSON with scikit-learn names plus {@code seed}. */
    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("loss", "log_loss");
        o.put("n_estimators", nEstimators);
        o.put("learning_rate", learningRate);
        o.put("subsample", subsample);
        o.put("criterion", "friedman_mse");
        o.put("max_depth", maxDepth);
        o.put("min_samples_split", minSamplesSplit);
        o.put("min_samples_leaf", minSamplesLeaf);
        o.set("max_features", maxFeatures.toJson());
        o.put("seed", seed);
        return o;
    }

    /** Reads {@link #toJson()}'s form; absent keys take the defaults. */
    public static GradientBoostingConfig fromJson(JsonNode o) {
        Builder b = builder().nEstimators(Json.intOr(o, "n_estimators", 100))
                .learningRate(Json.doubleOr(o, "learning_rate", 0.1)).subsample(Json.doubleOr(o, "subsample", 1.0))
                .maxDepth(Json.intOr(o, "max_depth", 3)).minSamplesSplit(Json.intOr(o, "min_samples_split", 2))
                .minSamplesLeaf(Json.intOr(o, "min_samples_leaf", 1)).seed(Json.longOr(o, "seed", 0));
        if (o.has("max_features")) {
            b.maxFeatures(MaxFeatures.fromJson(o.get("max_features")));
        }
        return b.build();
    }

    /** Builder of {@link GradientBoostingConfig}. */
    public static final class Builder {
        private int nEstimators = 100;
        private double learningRate = 0.1;
        private double subsample = 1.0;
        private int maxDepth = 3;
        private int minSamplesSplit = 2;
        private int minSamplesLeaf = 1;
        private MaxFeatures maxFeatures = MaxFeatures.ALL;
        private long seed;

        private Builder() {
        }

        /** Boosting stages. */
        public Builder nEstimators(int v) {
            nEstimators = v;
            return this;
        }

        /** Shrinkage. */
        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /** Row fraction per stage. */
        public Builder subsample(double v) {
            subsample = v;
            return this;
        }

        /** Tree depth. */
        public Builder maxDepth(int v) {
            maxDepth = v;
            return this;
        }

        /** Minimum samples to split. */
        public Builder minSamplesSplit(int v) {
            minSamplesSplit = v;
            return this;
        }

        /** Minimum samples per leaf. */
        public Builder minSamplesLeaf(int v) {
            minSamplesLeaf = v;
            return this;
        }

        /** Features examined per split. */
        public Builder maxFeatures(MaxFeatures v) {
            maxFeatures = v;
            return this;
        }

        /** Random seed. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** The configuration. */
        public GradientBoostingConfig build() {
            return new GradientBoostingConfig(nEstimators, learningRate, subsample, maxDepth, minSamplesSplit,
                    minSamplesLeaf, maxFeatures, seed);
        }
    }
}
