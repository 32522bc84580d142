/**
 * Classifier SPI of ser: {@link dev.ser.models.FeatureTable} (labelled feature matrix),
 * {@link dev.ser.models.Trainer} (fits a {@link dev.ser.models.Classifier}, reporting epochs to a
 * {@link dev.ser.models.TrainingListener}) and the deployable pipeline
 * {@link dev.ser.models.ScaledModel} (scaler + classifier + feature configuration + provenance),
 * trained by {@link dev.ser.models.ScaledTrainer}.
 *
 * <p>Sub-packages: {@code mlp} (native multi-layer perceptron), {@code eval} (metrics,
 * cross-validation), {@code tuning} (grid search), {@code io} (model files).
 */
package dev.ser.models;
