package dev.ser.models.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * How many features a tree examines at each split, as scikit-learn's {@code max_features}: all,
 * {@code sqrt}, {@code log2}, a count or a fraction of the features.
 *
 * @param kind     which rule
 * @param count    the count for {@link Kind#COUNT}
 * @param fraction the fraction for {@link Kind#FRACTION}, in (0, 1]
 */
public record MaxFeatures(Kind kind, int count, double fraction) {

    /** The rule kinds. */
    public enum Kind { ALL, SQRT, LOG2, COUNT, FRACTION }

    /** Every feature (scikit-learn's {@code None}). */
    public static final MaxFeatures ALL = new MaxFeatures(Kind.ALL, 0, 0);
    /** {@code max(1, floor(sqrt(n_features)))}. */
    public static final MaxFeatures SQRT = new MaxFeatures(Kind.SQRT, 0, 0);
    /** {@code max(1, floor(log2(n_features)))}. */
    public static final MaxFeatures LOG2 = new MaxFeatures(Kind.LOG2, 0, 0);

    public MaxFeatures {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (kind == Kind.COUNT && count < 1) {
            throw new IllegalArgumentException("max_features count must be >= 1, got " + count);
        }
        if (kind == Kind.FRACTION && !(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("max_features fraction must be in (0, 1], got " + fraction);
        }
    }

    /** Exactly {@code n} features (clipped to the number available). */
    public static MaxFeatures count(int n) {
        return new MaxFeatures(Kind.COUNT, n, 0);
    }

    /** {@code max(1, floor(f * n_features))} features. */
    public static MaxFeatures fraction(double f) {
        return new MaxFeatures(Kind.FRACTION, 0, f);
    }

    /** The number of features examined per split for {@code nFeatures} features. */
    public int resolve(int nFeatures) {
        int k = switch (kind) {
            case ALL -> nFeatures;
            case SQRT -> (int) Math.sqrt(nFeatures);
            case LOG2 -> (int) (Math.log(nFeatures) / Math.log(2));
            case COUNT -> count;
            case FRACTION -> (int) (fraction * nFeatures);
        };
        return Math.max(1, Math.min(nFeatures, k));
    }

    /** As scikit-learn writes it: {@code null}, {@code "sqrt"}, {@code "log2"}, an int or a float. */
    public JsonNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (kind) {
            case ALL -> f.nullNode();
            case SQRT -> f.textNode("sqrt");
            case LOG2 -> f.textNode("log2");
            case COUNT -> f.numberNode(count);
            case FRACTION -> f.numberNode(fraction);
        };
    }

    /** Reads {@link #toJson()}'s form. */
    public static MaxFeatures fromJson(JsonNode n) {
        if (n == null || n.isNull()) {
            return ALL;
        }
        if (n.isTextual()) {
            return switch (n.asText()) {
                case "sqrt" -> SQRT;
                case "log2" -> LOG2;
                default -> throw new IllegalArgumentException("unknown max_features: " + n);
            };
        }
        if (n.isIntegralNumber()) {
            return count(n.intValue());
        }
        if (n.isNumber()) {
            return fraction(n.doubleValue());
        }
        throw new IllegalArgumentException("max_features must be null, a name or a number: " + n);
    }
}
