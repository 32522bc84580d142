package dev.ser.models.linear;

import dev.ser.models.HyperParameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.tree.Json;

/**
 * Hyper-parameters of {@link LogisticRegressionTrainer} (multinomial, L2, L-BFGS), with
 * scikit-learn {@code LogisticRegression}'s defaults and JSON names.
 *
 * @param c            inverse regularisation strength: the objective is
 *                     {@code C * sum_i -log p(y_i | x_i) + 0.5 * ||W||^2} (intercepts unpenalised); default 1.0
 * @param maxIter      maximum L-BFGS iterations; default 100
 * @param tol          stop when every gradient component of the objective divided by {@code C * n}
 *                     is at most this; default 1e-4
 * @param fitIntercept learn a bias per class; default true
 */
public record LogisticRegressionConfig(double c, int maxIter, double tol, boolean fitIntercept) implements HyperParameters {

    /** scikit-learn's defaults. */
    public static final LogisticRegressionConfig DEFAULT = new LogisticRegressionConfig(1.0, 100, 1e-4, true);

    public LogisticRegressionConfig {
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("C must be > 0, got " + c);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("max_iter must be >= 1, got " + maxIter);
        }
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tol must be >= 0, got " + tol);
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** As JSON with scikit-learn names. */
    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("penalty", "l2");
        o.put("C", c);
        o.put("solver", "lbfgs");
        o.put("max_iter", maxIter);
        o.put("tol", tol);
        o.put("fit_intercept", fitIntercept);
        return o;
    }

    /** Reads {@link #toJson()}'s form; absent keys take the defaults. */
    public static LogisticRegressionConfig fromJson(JsonNode o) {
        return new LogisticRegressionConfig(Json.doubleOr(o, "C", 1.0), Json.intOr(o, "max_iter", 100),
                Json.doubleOr(o, "tol", 1e-4), Json.boolOr(o, "fit_intercept", true));
    }

    /** Builder of {@link LogisticRegressionConfig}. */
    public static final class Builder {
        private double c = 1.0;
        private int maxIter = 100;
        private double tol = 1e-4;
        private boolean fitIntercept = true;

        private Builder() {
        }

        /** Inverse regularisation strength. */
        public Builder c(double v) {
            c = v;
            return this;
        }

        /** Maximum iterations. */
        public Builder maxIter(int v) {
            maxIter = v;
            return this;
        }

        /** Gradient tolerance. */
        public Builder tol(double v) {
            tol = v;
            return this;
        }

        /** Learn intercepts. */
        public Builder fitIntercept(boolean v) {
            fitIntercept = v;
            return this;
        }

        /** The configuration. */
        public LogisticRegressionConfig build() {
            return new LogisticRegressionConfig(c, maxIter, tol, fitIntercept);
        }
    }
}
