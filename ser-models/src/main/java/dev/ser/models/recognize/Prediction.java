package dev.ser.models.recognize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The emotion recognised in one recording: the most probable label and every label's probability.
 *
 * @param label         the most probable label
 * @param probabilities each label's probability, in the model's label order (sums to 1)
 */
public record Prediction(String label, Map<String, Double> probabilities) {
    public Prediction {
        Objects.requireNonNull(label, "label");
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
        if (!probabilities.containsKey(label)) {
            throw new IllegalArgumentException("label " + label + " has no probability");
        }
    }

    /** Builds a prediction from the model's labels and probabilities; the first maximum wins. */
    public static Prediction of(List<String> labels, double[] probabilities) {
        if (labels.size() != probabilities.length) {
            throw new IllegalArgumentException(labels.size() + " labels for " + probabilities.length + " probabilities");
        }
        Map<String, Double> map = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < probabilities.length; i++) {
            map.put(labels.get(i), probabilities[i]);
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Prediction(labels.get(best), map);
    }

    /** The labels, in the model's order. */
    public List<String> labels() {
        return List.copyOf(probabilities.keySet());
    }

    /** The probabilities as an array, in the model's label order. */
    public double[] values() {
        return probabilities.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The probability of the predicted label. */
    public double confidence() {
        return probabilities.get(label);
    }

    /** Labels sorted from most to least probable. */
    public List<String> ranking() {
        List<String> labels = new ArrayList<>(probabilities.keySet());
        labels.sort((a, b) -> Double.compare(probabilities.get(b), probabilities.get(a)));
        return labels;
    }
}
