package dev.ser.models;

import java.util.List;
import java.util.Objects;

/**
 * A trained classifier that keeps the hyper-parameters it was trained with: holds the labels,
 * the input width and the configuration that every such model reports.
 *
 * @param <C> the hyper-parameter record
 */
public abstract class ConfiguredModel<C extends HyperParameters> implements Classifier {
    /** The class names, in class-index order. */
    protected final List<String> labels;
    /** Number of features each input must have. */
    protected final int numFeatures;
    /** The hyper-parameters the model was trained with. */
    protected final C config;

    protected ConfiguredModel(List<String> labels, int numFeatures, C config) {
        this.labels = List.copyOf(labels);
        this.numFeatures = numFeatures;
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The hyper-parameters it was trained with. */
    public final C config() {
        return config;
    }

    @Override
    public final List<String> labels() {
        return labels;
    }

    @Override
    public final int numFeatures() {
        return numFeatures;
    }
}
