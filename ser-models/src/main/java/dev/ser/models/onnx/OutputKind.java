package dev.ser.models.onnx;

import java.util.Locale;

/** What a model's class-score output holds. */
public enum OutputKind {
    /** Class probabilities (non-negative, summing to 1), used as they are. */
    PROBABILITIES,
    /** Unnormalised scores: a softmax turns them into probabilities. */
    LOGITS;

    /** The lower-case name used in the contract JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #key()} (case-insensitive). */
    public static OutputKind parse(String text) {
        for (OutputKind k : values()) {
            if (k.name().equalsIgnoreCase(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown output kind '" + text + "'; known: probabilities, logits");
    }
}
