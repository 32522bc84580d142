package dev.ser.models.onnx;

import dev.ser.models.Classifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model's answer for one recording: a probability per label.
 *
 * @param labels        the class names, in the model's order
 * @param probabilities one probability per label (non-negative, summing to 1)
 */
public record EmotionPrediction(List<String> labels, double[] probabilities) {

    public EmotionPrediction {
        labels = List.copyOf(labels);
        Objects.requireNonNull(probabilities, "probabilities");
        if (labels.size() != probabilities.length) {
            throw new IllegalArgumentException(labels.size() + " labels but " + probabilities.length + " probabilities");
        }
        probabilities = probabilities.clone();
    }

    /** A copy of the probabilities. */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** Index of the most probable label (the first on ties). */
    public int index() {
        return Classifier.argmax(probabilities);
    }

    /** The most probable label. */
    public String label() {
        return labels.get(index());
    }

    /** The probability of the most probable label. */
    public double confidence() {
        return probabilities[index()];
    }

    /** The probability of {@code label}. */
    public double probability(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("unknown label '" + label + "'; labels are " + labels);
        }
        return probabilities[i];
    }

    /** Label -> probability, in the model's label order. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < probabilities.length; i++) {
            m.put(labels.get(i), probabilities[i]);
        }
        return m;
    }

    /** Labels from most to least probable. */
    public List<String> ranked() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -probabilities[i]));
        return order.stream().map(labels::get).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmotionPrediction p && labels.equals(p.labels) && Arrays.equals(probabilities, p.probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return label() + " " + asMap();
    }
}
