package dev.ser.models.svm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The kernel coefficient {@code gamma} of the rbf, poly and sigmoid kernels, as scikit-learn's
 * {@code SVC(gamma=...)}: {@code scale} (default) is {@code 1 / (n_features * X.var())} with the
 * population variance over all entries of the training matrix (1 when that variance is 0),
 * {@code auto} is {@code 1 / n_features}, or a fixed positive value.
 *
 * @param rule  which rule
 * @param value the fixed value for {@link Rule#VALUE}
 */
public record Gamma(Rule rule, double value) {

    /** The rules. */
    public enum Rule { SCALE, AUTO, VALUE }

    /** {@code 1 / (n_features * X.var())}. */
    public static final Gamma SCALE = new Gamma(Rule.SCALE, 0);
    /** {@code 1 / n_features}. */
    public static final Gamma AUTO = new Gamma(Rule.AUTO, 0);

    public Gamma {
        if (rule == null) {
            throw new IllegalArgumentException("rule must not be null");
        }
        if (rule == Rule.VALUE && !(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("gamma must be finite and > 0, got " + value);
        }
    }

    /** A fixed gamma. */
    public static Gamma of(double value) {
        return new Gamma(Rule.VALUE, value);
    }

    /** The gamma for a row-major {@code rows x cols} training matrix. */
    public double resolve(double[] x, int rows, int cols) {
        return switch (rule) {
            case VALUE -> value;
            case AUTO -> 1.0 / cols;
            case SCALE -> {
                double mean = 0;
                for (double v : x) {
                    mean += v;
                }
                mean /= x.length;
                double var = 0;
                for (double v : x) {
                    var += (v - mean) * (v - mean);
                }
                var /= x.length;
                yield var == 0 ? 1.0 : 1.0 / (cols * var);
            }
        };
    }

    /** As scikit-learn writes it: {@code "scale"}, {@code "auto"} or the number. */
    public JsonNode toJson() {
        return switch (rule) {
            case SCALE -> JsonNodeFactory.instance.textNode("scale");
            case AUTO -> JsonNodeFactory.instance.textNode("auto");
            case VALUE -> JsonNodeFactory.instance.numberNode(value);
        };
    }

    /** Reads {@link #toJson()}'s form. */
    public static Gamma fromJson(JsonNode n) {
        if (n.isTextual()) {
            return switch (n.asText()) {
                case "scale" -> SCALE;
                case "auto" -> AUTO;
                default -> throw new IllegalArgumentException("unknown gamma: " + n);
            };
        }
        if (n.isNumber()) {
            return of(n.doubleValue());
        }
        throw new IllegalArgumentException("gamma must be \"scale\", \"auto\" or a number: " + n);
    }
}
