package dev.ser.models.tree;

import dev.ser.models.HyperParameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hyper-parameters of {@link DecisionTreeTrainer}, with scikit-learn {@code DecisionTreeClassifier}'s
 * defaults and JSON names.
 *
 * @param criterion       split quality; default {@link Criterion#GINI}
 * @param maxDepth        maximum depth; default {@code Integer.MAX_VALUE} (scikit-learn's {@code None})
 * @param minSamplesSplit minimum samples needed to split a node; default 2
 * @param minSamplesLeaf  minimum samples in each leaf; default 1
 * @param maxFeatures     features examined per split; default {@link MaxFeatures#ALL}
 * @param seed            seed of the feature order at each split; default 0
 */
public record DecisionTreeConfig(Criterion criterion, int maxDepth, int minSamplesSplit, int minSamplesLeaf,
                                 MaxFeatures maxFeatures, long seed) implements HyperParameters {

    /** scikit-learn's defaults with seed 0. */
    public static final DecisionTreeConfig DEFAULT = builder().build();

    public DecisionTreeConfig {
        if (criterion == null || maxFeatures == null) {
            throw new IllegalArgumentException("criterion and max_features must not be null");
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("max_depth must be >= 1, got " + maxDepth);
        }
        if (minSamplesSplit < 2) {
            throw new IllegalArgumentException("min_samples_split must be >= 2, got " + minSamplesSplit);
        }
        if (minSamplesLeaf < 1) {
            throw new IllegalArgumentException("min_samples_leaf must be >= 1, got " + minSamplesLeaf);
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().criterion(criterion).maxDepth(maxDepth).minSamplesSplit(minSamplesSplit)
                .minSamplesLeaf(minSamplesLeaf).maxFeatures(maxFeatures).seed(seed);
    }

    /** The growth limits for {@code nFeatures} features. */
    public TreeBuilder.Limits limits(int nFeatures) {
        return new TreeBuilder.Limits(maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures.resolve(nFeatures));
    }

    /** As JSON with scikit-learn names ({@code max_depth} null when unlimited) plus {@code seed}. */
    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("criterion", criterion.sklearnName());
        putDepth(o, maxDepth);
        o.put("min_samples_split", minSamplesSplit);
        o.put("min_samples_leaf", minSamplesLeaf);
        o.set("max_features", maxFeatures.toJson());
        o.put("seed", seed);
        return o;
    }

    /** Reads {@link #toJson()}'s form; absent keys take the defaults. */
    public static DecisionTreeConfig fromJson(JsonNode o) {
        Builder b = builder();
        if (o.has("criterion")) {
            b.criterion(Criterion.fromSklearnName(o.get("criterion").asText()));
        }
        if (o.has("max_features")) {
            b.maxFeatures(MaxFeatures.fromJson(o.get("max_features")));
        }
        return b.maxDepth(depthOf(o)).minSamplesSplit(Json.intOr(o, "min_samples_split", 2))
                .minSamplesLeaf(Json.intOr(o, "min_samples_leaf", 1)).seed(Json.longOr(o, "seed", 0)).build();
    }

    static void putDepth(ObjectNode o, int maxDepth) {
        if (maxDepth == Integer.MAX_VALUE) {
            o.putNull("max_depth");
        } else {
            o.put("max_depth", maxDepth);
        }
    }

    static int depthOf(JsonNode o) {
        JsonNode n = o.get("max_depth");
        return n == null || n.isNull() ? Integer.MAX_VALUE : Json.intOr(o, "max_depth", 0);
    }

    /** Builder of {@link DecisionTreeConfig}. */
    public static final class Builder {
        private Criterion criterion = Criterion.GINI;
        private int maxDepth = Integer.MAX_VALUE;
        private int minSamplesSplit = 2;
        private int minSamplesLeaf = 1;
        private MaxFeatures maxFeatures = MaxFeatures.ALL;
        private long seed;

        private Builder() {
        }

        /** Split criterion. */
        public Builder criterion(Criterion v) {
            criterion = v;
            return this;
        }

        /** Maximum depth ({@code Integer.MAX_VALUE} for none). */
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
        public DecisionTreeConfig build() {
            return new DecisionTreeConfig(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, seed);
        }
    }
}
