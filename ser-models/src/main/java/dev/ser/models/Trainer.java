package dev.ser.models;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fits a classifier of type {@code M} to a feature table. A trainer holds only its
 * hyper-parameters, so one trainer may fit many tables (also concurrently).
 *
 * @param <M> the model type produced
 */
public interface Trainer<M extends Classifier> {

    /** Short identifier of the model type produced, as used in model files (e.g. {@code "mlp"}). */
    String modelType();

    /** The hyper-parameters as a JSON object, recorded in model provenance. */
    ObjectNode hyperParameters();

    /**
     * Fits a model, reporting progress to {@code listener}.
     *
     * @param table    training data; its label list becomes the model's label list
     * @param listener receives one event per epoch/iteration (never {@code null}; use
     *                 {@link TrainingListener#NONE})
     */
    M fit(FeatureTable table, TrainingListener listener);

    /** Fits a model without progress reporting. */
    default M fit(FeatureTable table) {
        return fit(table, TrainingListener.NONE);
    }
}
