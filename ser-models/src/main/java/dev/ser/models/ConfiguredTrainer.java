package dev.ser.models;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A trainer defined by an immutable hyper-parameter record: holds the model type and the
 * configuration, and reports the configuration's JSON as its hyper-parameters. Subclasses
 * implement {@link #fit(FeatureTable, TrainingListener)}.
 *
 * @param <C> the hyper-parameter record
 * @param <M> the model type produced
 */
public abstract class ConfiguredTrainer<C extends HyperParameters, M extends Classifier> implements Trainer<M> {
    private final String modelType;
    /** The hyper-parameters, for the subclass's {@code fit}. */
    protected final C config;

    /**
     * @param modelType the model type written to model files
     * @param config    the hyper-parameters
     */
    protected ConfiguredTrainer(String modelType, C config) {
        this.modelType = Objects.requireNonNull(modelType, "modelType");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The hyper-parameters. */
    public final C config() {
        return config;
    }

    @Override
    public final String modelType() {
        return modelType;
    }

    @Override
    public ObjectNode hyperParameters() {
        return config.toJson();
    }
}
