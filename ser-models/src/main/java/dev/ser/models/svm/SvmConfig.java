package dev.ser.models.svm;

import dev.ser.models.HyperParameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.tree.Json;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hyper-parameters of {@link SvmTrainer}, with scikit-learn {@code SVC}'s meanings, defaults and
 * JSON names (plus {@code seed} and {@code threads}), except {@code probability}, which defaults to
 * true here because every
 * {@link dev.ser.models.Classifier} returns probabilities.
 *
 * @param c             regularisation {@code C > 0}; default 1.0
 * @param kernel        default {@link Kernel#RBF}
 * @param gamma         default {@link Gamma#SCALE}
 * @param degree        degree of the poly kernel; default 3
 * @param coef0         independent term of the poly and sigmoid kernels; default 0.0
 * @param probability   fit Platt sigmoids by an internal 5-fold cross-validation and couple them
 *                      pairwise (the procedure of LIBSVM {@code -b 1}); without it probabilities are
 *                      one-vs-one vote fractions; default true
 * @param tol           stopping tolerance of the solver; default 1e-3
 * @param cacheSizeMb   kernel cache in MB; default 200
 * @param shrinking     shrinking heuristic; default true
 * @param classWeight   per class name, a factor on {@code C} (scikit-learn's dict); default empty
 * @param balanced      scikit-learn's {@code class_weight="balanced"}: factor
 *                      {@code n_samples / (n_present_classes * count_c)}, multiplied with
 *                      {@code classWeight}; default false
 * @param seed          seed of the random fold split of the probability fit; default 0
 * @param threads       workers training the class pairs (their binary SVMs and probability
 *                      cross-validation fits); the model is identical for any value; default 1
 */
public record SvmConfig(double c, Kernel kernel, Gamma gamma, int degree, double coef0, boolean probability,
                        double tol, double cacheSizeMb, boolean shrinking, Map<String, Double> classWeight,
                        boolean balanced, long seed, int threads) implements HyperParameters {

    /** The defaults (scikit-learn's, with probability on). */
    public static final SvmConfig DEFAULT = builder().build();

    public SvmConfig {
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("C must be > 0, got " + c);
        }
        if (kernel == null || gamma == null) {
            throw new IllegalArgumentException("kernel and gamma must not be null");
        }
        if (degree < 0) {
            throw new IllegalArgumentException("degree must be >= 0, got " + degree);
        }
        if (!Double.isFinite(coef0)) {
            throw new IllegalArgumentException("coef0 must be finite, got " + coef0);
        }
        if (!(tol > 0)) {
            throw new IllegalArgumentException("tol must be > 0, got " + tol);
        }
        if (!(cacheSizeMb > 0)) {
            throw new IllegalArgumentException("cache size must be > 0 MB, got " + cacheSizeMb);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        classWeight = Map.copyOf(new TreeMap<>(classWeight));
        classWeight.forEach((k, v) -> {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("class weight of " + k + " must be > 0, got " + v);
            }
        });
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().c(c).kernel(kernel).gamma(gamma).degree(degree).coef0(coef0).probability(probability)
                .tol(tol).cacheSizeMb(cacheSizeMb).shrinking(shrinking).classWeight(classWeight).balanced(balanced)
                .seed(seed).threads(threads);
    }

    /** As JSON with scikit-learn names plus {@code seed}. */
    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("C", c);
        o.put("kernel", kernel.sklearnName());
        o.set("gamma", gamma.toJson());
        o.put("degree", degree);
        o.put("coef0", coef0);
        o.put("probability", probability);
        o.put("tol", tol);
        o.put("cache_size", cacheSizeMb);
        o.put("shrinking", shrinking);
        ObjectNode w = o.putObject("class_weight");
        new TreeMap<>(classWeight).forEach(w::put);
        o.put("balanced", balanced);
        o.put("seed", seed);
        o.put("threads", threads);
        return o;
    }

    /** Reads {@link #toJson()}'s form; absent keys take the defaults. */
    public static SvmConfig fromJson(JsonNode o) {
        Builder b = builder().c(Json.doubleOr(o, "C", 1.0)).degree(Json.intOr(o, "degree", 3))
                .coef0(Json.doubleOr(o, "coef0", 0.0)).probability(Json.boolOr(o, "probability", true))
                .tol(Json.doubleOr(o, "tol", 1e-3)).cacheSizeMb(Json.doubleOr(o, "cache_size", 200))
                .shrinking(Json.boolOr(o, "shrinking", true)).balanced(Json.boolOr(o, "balanced", false))
                .seed(Json.longOr(o, "seed", 0)).threads(Json.intOr(o, "threads", 1));
        if (o.has("kernel")) {
            b.kernel(Kernel.fromSklearnName(o.get("kernel").asText()));
        }
        if (o.has("gamma")) {
            b.gamma(Gamma.fromJson(o.get("gamma")));
        }
        if (o.has("class_weight")) {
            JsonNode w = o.get("class_weight");
            if (!w.isObject()) {
                throw new IllegalArgumentException("class_weight must be an object");
            }
            Map<String, Double> m = new TreeMap<>();
            w.fields().forEachRemaining(e -> m.put(e.getKey(), Json.doubleOr(w, e.getKey(), 1.0)));
            b.classWeight(m);
        }
        return b.build();
    }

    /** Builder of {@link SvmConfig}. */
    public static final class Builder {
        private double c = 1.0;
        private Kernel kernel = Kernel.RBF;
        private Gamma gamma = Gamma.SCALE;
        private int degree = 3;
        private double coef0;
        private boolean probability = true;
        private double tol = 1e-3;
        private double cacheSizeMb = 200;
        private boolean shrinking = true;
        private Map<String, Double> classWeight = Map.of();
        private boolean balanced;
        private long seed;
        private int threads = 1;

        private Builder() {
        }

        /** Regularisation C. */
        public Builder c(double v) {
            c = v;
            return this;
        }

        /** Kernel. */
        public Builder kernel(Kernel v) {
            kernel = v;
            return this;
        }

        /** Kernel coefficient. */
        public Builder gamma(Gamma v) {
            gamma = v;
            return this;
        }

        /** Poly degree. */
        public Builder degree(int v) {
            degree = v;
            return this;
        }

        /** Poly/sigmoid offset. */
        public Builder coef0(double v) {
            coef0 = v;
            return this;
        }

        /** Platt-scaled probabilities. */
        public Builder probability(boolean v) {
            probability = v;
            return this;
        }

        /** Solver tolerance. */
        public Builder tol(double v) {
            tol = v;
            return this;
        }

        /** Kernel cache in MB. */
        public Builder cacheSizeMb(double v) {
            cacheSizeMb = v;
            return this;
        }

        /** Shrinking heuristic. */
        public Builder shrinking(boolean v) {
            shrinking = v;
            return this;
        }

        /** Per-class factors on C. */
        public Builder classWeight(Map<String, Double> v) {
            classWeight = v;
            return this;
        }

        /** Balanced class weights. */
        public Builder balanced(boolean v) {
            balanced = v;
            return this;
        }

        /** Seed of the probability cross-validation. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Workers training the class pairs. */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** The configuration. */
        public SvmConfig build() {
            return new SvmConfig(c, kernel, gamma, degree, coef0, probability, tol, cacheSizeMb, shrinking,
                    classWeight, balanced, seed, threads);
        }
    }
}
