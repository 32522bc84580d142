package dev.ser.examples.listen;

import dev.ser.models.recognize.Prediction;
import java.util.Map;

/**
 * The emotion recognised in one segment of a live stream.
 *
 * @param index        0 for the first segment classified, then 1, 2, ...
 * @param startSeconds segment start, in seconds from the beginning of the stream
 * @param endSeconds   segment end, in seconds from the beginning of the stream
 * @param prediction   the recognizer's answer
 */
public record LiveResult(int index, double startSeconds, double endSeconds, Prediction prediction) {
    /** The most probable label. */
    public String label() {
        return prediction.label();
    }

    /** Every label's probability (they sum to 1). */
    public Map<String, Double> probabilities() {
        return prediction.probabilities();
    }
}
