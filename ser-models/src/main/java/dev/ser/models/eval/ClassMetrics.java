package dev.ser.models.eval;

/**
 * Per-class scores.
 *
 * @param label     class name
 * @param precision fraction of predictions of this class that were right (0 if never predicted)
 * @param recall    fraction of this class's samples found (0 without support)
 * @param f1        harmonic mean of precision and recall (0 when undefined)
 * @param support   number of samples of this class in the truth
 */
public record ClassMetrics(String label, double precision, double recall, double f1, long support) {
}
