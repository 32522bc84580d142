package dev.ser.models.eval;

import dev.ser.models.Classifier;
import dev.ser.models.FeatureTable;

/** Evaluates a trained classifier on a labelled test table. */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Predicts every row of {@code test} and compares with its labels.
     *
     * @throws IllegalArgumentException when the classifier's labels differ from the table's
     */
    public static EvaluationReport evaluate(Classifier model, FeatureTable test, SplitKind splitKind) {
        if (!model.labels().equals(test.labelNames())) {
            throw new IllegalArgumentException("model labels " + model.labels() + " differ from test labels "
                    + test.labelNames());
        }
        int[] predicted = model.predict(test);
        return new EvaluationReport(splitKind, ConfusionMatrix.of(test.labels(), predicted, test.labelNames()));
    }
}
