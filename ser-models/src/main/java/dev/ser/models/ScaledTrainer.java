package dev.ser.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Trains a {@link ScaledModel}: fits a {@link StandardScaler} on the training table only, trains the
 * wrapped trainer on the scaled table and bundles scaler, model, feature configuration and
 * provenance. Use it inside cross-validation so that test folds never leak into the scaler.
 *
 * @param <M> the wrapped model type
 */
public final class ScaledTrainer<M extends Classifier> implements Trainer<ScaledModel<M>> {

    private final Trainer<M> inner;
    private final JsonNode featureConfig;
    private final boolean scale;

    /**
     * @param inner         trainer of the classifier
     * @param featureConfig feature configuration stored with every model (may be {@code null})
     * @param scale         whether to standardise (true is what scikit-learn pipelines for MLP/SVM need)
     */
    public ScaledTrainer(Trainer<M> inner, JsonNode featureConfig, boolean scale) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.featureConfig = featureConfig == null ? null : featureConfig.deepCopy();
        this.scale = scale;
    }

    /** A standardising trainer with no feature configuration. */
    public static <M extends Classifier> ScaledTrainer<M> of(Trainer<M> inner) {
        return new ScaledTrainer<>(inner, null, true);
    }

    /** The wrapped trainer. */
    public Trainer<M> inner() {
        return inner;
    }

    @Override
    public String modelType() {
        return inner.modelType();
    }

    @Override
    public ObjectNode hyperParameters() {
        ObjectNode h = inner.hyperParameters();
        h.put("standardize", scale);
        return h;
    }

    @Override
    public ScaledModel<M> fit(FeatureTable table, TrainingListener listener) {
        StandardScaler scaler = scale ? StandardScaler.fit(table) : null;
        FeatureTable input = scale ? scaler.transform(table) : table;
        M model = inner.fit(input, listener);
        return new ScaledModel<>(scaler, model, featureConfig, table.featureNames(), Provenance.of(this, table));
    }
}
