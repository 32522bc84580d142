package dev.ser.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Objects;

/**
 * The deployable pipeline: a {@link StandardScaler} fitted on the training data, the classifier
 * trained on the scaled data, the feature configuration that produced the features (opaque JSON,
 * owned by ser-features), the feature column names and the training provenance. Predictions take
 * raw (unscaled) feature vectors.
 *
 * @param <M> the wrapped classifier type
 */
public final class ScaledModel<M extends Classifier> implements Classifier {

    private final StandardScaler scaler;
    private final M model;
    private final JsonNode featureConfig;
    private final List<String> featureNames;
    private final Provenance provenance;

    /**
     * @param scaler        the scaler applied before {@code model}, or {@code null} for none
     * @param model         the classifier on scaled features
     * @param featureConfig the feature extractor's configuration (copied), or {@code null} for an empty object
     * @param featureNames  one name per feature
     * @param provenance    how the model was trained
     */
    public ScaledModel(StandardScaler scaler, M model, JsonNode featureConfig, List<String> featureNames,
                       Provenance provenance) {
        this.model = Objects.requireNonNull(model, "model");
        if (scaler != null && scaler.numFeatures() != model.numFeatures()) {
            throw new IllegalArgumentException("scaler has " + scaler.numFeatures() + " features, model "
                    + model.numFeatures());
        }
        if (featureNames.size() != model.numFeatures()) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for a model of "
                    + model.numFeatures() + " features");
        }
        this.scaler = scaler;
        this.featureConfig = featureConfig == null ? JsonNodeFactory.instance.objectNode() : featureConfig.deepCopy();
        this.featureNames = List.copyOf(featureNames);
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    /** The scaler, or {@code null} when features are used as they are. */
    public StandardScaler scaler() {
        return scaler;
    }

    /** The wrapped classifier (expects scaled features). */
    public M model() {
        return model;
    }

    /** The feature configuration (a copy). */
    public JsonNode featureConfig() {
        return featureConfig.deepCopy();
    }

    /** The feature column names. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** How the model was trained. */
    public Provenance provenance() {
        return provenance;
    }

    /** The same pipeline with other provenance (e.g. with evaluation metrics added). */
    public ScaledModel<M> withProvenance(Provenance p) {
        return new ScaledModel<>(scaler, model, featureConfig, featureNames, p);
    }

    @Override
    public List<String> labels() {
        return model.labels();
    }

    @Override
    public int numFeatures() {
        return model.numFeatures();
    }

    @Override
    public double[] predictProba(double[] x) {
        return model.predictProba(scaler == null ? checked(x) : scaler.transform(x));
    }

    @Override
    public double[][] predictProba(double[][] xs) {
        if (scaler == null) {
            return model.predictProba(xs);
        }
        double[][] scaled = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            scaled[i] = scaler.transform(xs[i]);
        }
        return model.predictProba(scaled);
    }

    private double[] checked(double[] x) {
        if (x.length != numFeatures()) {
            throw new IllegalArgumentException("expected " + numFeatures() + " features, got " + x.length);
        }
        return x;
    }
}
