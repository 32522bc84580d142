package dev.ser.models.mlp;

import dev.ser.models.HyperParameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Hyper-parameters of {@link MlpTrainer}, with scikit-learn {@code MLPClassifier}'s defaults and
 * meanings (JSON keys are scikit-learn's parameter names).
 *
 * @param hiddenLayerSizes   units per hidden layer; default {@code [100]}; may be empty (softmax regression)
 * @param activation         hidden activation; default {@link Activation#RELU}
 * @param solver             default {@link Solver#ADAM}
 * @param alpha              L2 penalty; the loss gets {@code 0.5 * alpha * ||W||^2 / batch_rows}; default 1e-4
 * @param batchSize          mini-batch rows; 0 means {@code min(200, n_samples)} (default); larger values
 *                           are clipped to {@code n_samples}
 * @param learningRate       SGD schedule; default {@link LearningRate#CONSTANT}
 * @param learningRateInit   initial step size; default 1e-3
 * @param powerT             exponent of {@link LearningRate#INVSCALING}; default 0.5
 * @param maxIter            maximum number of epochs; default 200
 * @param shuffle            reshuffle the samples every epoch; default true
 * @param seed               seed of initialisation, shuffling and the validation split; default 0
 * @param tol                minimum improvement of loss (or validation score); default 1e-4
 * @param momentum           SGD momentum; default 0.9
 * @param nesterov           Nesterov momentum for SGD; default true
 * @param earlyStopping      hold out a stratified validation split and stop on its accuracy; default false
 * @param validationFraction fraction held out when early stopping; default 0.1
 * @param beta1              Adam first-moment decay; default 0.9
 * @param beta2              Adam second-moment decay; default 0.999
 * @param epsilon            Adam denominator offset; default 1e-8
 * @param nIterNoChange      epochs without {@code tol} improvement tolerated; stopping (or an
 *                           adaptive rate cut) happens when more than this many accumulate; default 10
 * @param threads            worker threads used by one fit; results are bit-identical for any value; default 1
 */
public record MlpConfig(List<Integer> hiddenLayerSizes, Activation activation, Solver solver, double alpha,
                        int batchSize, LearningRate learningRate, double learningRateInit, double powerT,
                        int maxIter, boolean shuffle, long seed, double tol, double momentum, boolean nesterov,
                        boolean earlyStopping, double validationFraction, double beta1, double beta2,
                        double epsilon, int nIterNoChange, int threads) implements HyperParameters {

    /** scikit-learn's defaults (seed 0, one thread). */
    public static final MlpConfig DEFAULT = builder().build();

    public MlpConfig {
        hiddenLayerSizes = List.copyOf(hiddenLayerSizes);
        for (int h : hiddenLayerSizes) {
            require(h >= 1, "hidden layer sizes must be positive: " + hiddenLayerSizes);
        }
        require(activation != null && solver != null && learningRate != null, "enums must not be null");
        require(alpha >= 0 && Double.isFinite(alpha), "alpha must be >= 0, got " + alpha);
        require(batchSize >= 0, "batch_size must be >= 0 (0 = auto), got " + batchSize);
        require(learningRateInit > 0, "learning_rate_init must be > 0, got " + learningRateInit);
        require(powerT >= 0, "power_t must be >= 0, got " + powerT);
        require(maxIter >= 1, "max_iter must be >= 1, got " + maxIter);
        require(tol >= 0, "tol must be >= 0, got " + tol);
        require(momentum >= 0 && momentum <= 1, "momentum must be in [0, 1], got " + momentum);
        require(validationFraction > 0 && validationFraction < 1,
                "validation_fraction must be in (0, 1), got " + validationFraction);
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "beta_1 and beta_2 must be in [0, 1)");
        require(epsilon > 0, "epsilon must be > 0, got " + epsilon);
        require(nIterNoChange >= 1, "n_iter_no_change must be >= 1, got " + nIterNoChange);
        require(threads >= 1, "threads must be >= 1, got " + threads);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A builder with scikit-learn's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The batch size used for {@code nSamples} training rows. */
    public int effectiveBatchSize(int nSamples) {
        return batchSize == 0 ? Math.min(200, nSamples) : Math.min(batchSize, nSamples);
    }

    /** The configuration as JSON with scikit-learn parameter names (plus {@code seed}, {@code threads}). */
    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode h = o.putArray("hidden_layer_sizes");
        hiddenLayerSizes.forEach(h::add);
        o.put("activation", activation.sklearnName());
        o.put("solver", solver.sklearnName());
        o.put("alpha", alpha);
        if (batchSize == 0) {
            o.put("batch_size", "auto");
        } else {
            o.put("batch_size", batchSize);
        }
        o.put("learning_rate", learningRate.sklearnName());
        o.put("learning_rate_init", learningRateInit);
        o.put("power_t", powerT);
        o.put("max_iter", maxIter);
        o.put("shuffle", shuffle);
        o.put("seed", seed);
        o.put("tol", tol);
        o.put("momentum", momentum);
        o.put("nesterovs_momentum", nesterov);
        o.put("early_stopping", earlyStopping);
        o.put("validation_fraction", validationFraction);
        o.put("beta_1", beta1);
        o.put("beta_2", beta2);
        o.put("epsilon", epsilon);
        o.put("n_iter_no_change", nIterNoChange);
        o.put("threads", threads);
        return o;
    }

    /**
     * Reads {@link #toJson()}'s form; absent keys take the defaults.
     *
     * @throws IllegalArgumentException on a value of the wrong kind or out of range
     */
    public static MlpConfig fromJson(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("MLP hyper-parameters must be a JSON object");
        }
        Builder b = builder();
        if (o.has("hidden_layer_sizes")) {
            JsonNode h = o.get("hidden_layer_sizes");
            require(h.isArray(), "hidden_layer_sizes must be an array");
            List<Integer> sizes = new ArrayList<>();
            h.forEach(n -> {
                require(n.canConvertToInt() && n.isIntegralNumber(), "hidden layer size must be an int: " + n);
                sizes.add(n.intValue());
            });
            b.hiddenLayerSizes(sizes.stream().mapToInt(Integer::intValue).toArray());
        }
        if (o.has("activation")) {
            b.activation(Activation.fromSklearnName(o.get("activation").asText()));
        }
        if (o.has("solver")) {
            b.solver(Solver.fromSklearnName(o.get("solver").asText()));
        }
        if (o.has("batch_size")) {
            JsonNode n = o.get("batch_size");
            b.batchSize(n.isTextual() && n.asText().equals("auto") ? 0 : intOf(n, "batch_size"));
        }
        if (o.has("learning_rate")) {
            b.learningRate(LearningRate.fromSklearnName(o.get("learning_rate").asText()));
        }
        b.alpha(doubleOr(o, "alpha", b.alpha))
                .learningRateInit(doubleOr(o, "learning_rate_init", b.learningRateInit))
                .powerT(doubleOr(o, "power_t", b.powerT))
                .tol(doubleOr(o, "tol", b.tol))
                .momentum(doubleOr(o, "momentum", b.momentum))
                .validationFraction(doubleOr(o, "validation_fraction", b.validationFraction))
                .beta1(doubleOr(o, "beta_1", b.beta1))
                .beta2(doubleOr(o, "beta_2", b.beta2))
                .epsilon(doubleOr(o, "epsilon", b.epsilon));
        if (o.has("max_iter")) {
            b.maxIter(intOf(o.get("max_iter"), "max_iter"));
        }
        if (o.has("n_iter_no_change")) {
            b.nIterNoChange(intOf(o.get("n_iter_no_change"), "n_iter_no_change"));
        }
        if (o.has("threads")) {
            b.threads(intOf(o.get("threads"), "threads"));
        }
        if (o.has("seed")) {
            require(o.get("seed").isIntegralNumber(), "seed must be an integer");
            b.seed(o.get("seed").longValue());
        }
        b.shuffle(o.path("shuffle").asBoolean(b.shuffle))
                .nesterov(o.path("nesterovs_momentum").asBoolean(b.nesterov))
                .earlyStopping(o.path("early_stopping").asBoolean(b.earlyStopping));
        return b.build();
    }

    private static int intOf(JsonNode n, String key) {
        require(n.isIntegralNumber() && n.canConvertToInt(), key + " must be an int, got " + n);
        return n.intValue();
    }

    private static double doubleOr(JsonNode o, String key, double dflt) {
        if (!o.has(key)) {
            return dflt;
        }
        require(o.get(key).isNumber(), key + " must be a number, got " + o.get(key));
        return o.get(key).doubleValue();
    }

    /** Mutable builder of {@link MlpConfig}; starts at scikit-learn's defaults. */
    public static final class Builder {
        private List<Integer> hiddenLayerSizes = List.of(100);
        private Activation activation = Activation.RELU;
        private Solver solver = Solver.ADAM;
        private double alpha = 1e-4;
        private int batchSize = 0;
        private LearningRate learningRate = LearningRate.CONSTANT;
        private double learningRateInit = 1e-3;
        private double powerT = 0.5;
        private int maxIter = 200;
        private boolean shuffle = true;
        private long seed = 0;
        private double tol = 1e-4;
        private double momentum = 0.9;
        private boolean nesterov = true;
        private boolean earlyStopping = false;
        private double validationFraction = 0.1;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private int nIterNoChange = 10;
        private int threads = 1;

        private Builder() {
        }

        private Builder(MlpConfig c) {
            hiddenLayerSizes = c.hiddenLayerSizes;
            activation = c.activation;
            solver = c.solver;
            alpha = c.alpha;
            batchSize = c.batchSize;
            learningRate = c.learningRate;
            learningRateInit = c.learningRateInit;
            powerT = c.powerT;
            maxIter = c.maxIter;
            shuffle = c.shuffle;
            seed = c.seed;
            tol = c.tol;
            momentum = c.momentum;
            nesterov = c.nesterov;
            earlyStopping = c.earlyStopping;
            validationFraction = c.validationFraction;
            beta1 = c.beta1;
            beta2 = c.beta2;
            epsilon = c.epsilon;
            nIterNoChange = c.nIterNoChange;
            threads = c.threads;
        }

        /** Units per hidden layer, e.g. {@code hiddenLayerSizes(300)} or {@code (256, 128)}. */
        public Builder hiddenLayerSizes(int... sizes) {
            List<Integer> l = new ArrayList<>();
            for (int s : sizes) {
                l.add(s);
            }
            this.hiddenLayerSizes = List.copyOf(l);
            return this;
        }

        public Builder activation(Activation v) {
            this.activation = v;
            return this;
        }

        public Builder solver(Solver v) {
            this.solver = v;
            return this;
        }

        public Builder alpha(double v) {
            this.alpha = v;
            return this;
        }

        /** Mini-batch rows; 0 for scikit-learn's {@code "auto"}. */
        public Builder batchSize(int v) {
            this.batchSize = v;
            return this;
        }

        public Builder learningRate(LearningRate v) {
            this.learningRate = v;
            return this;
        }

        public Builder learningRateInit(double v) {
            this.learningRateInit = v;
            return this;
        }

        public Builder powerT(double v) {
            this.powerT = v;
            return this;
        }

        public Builder maxIter(int v) {
            this.maxIter = v;
            return this;
        }

        public Builder shuffle(boolean v) {
            this.shuffle = v;
            return this;
        }

        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        public Builder tol(double v) {
            this.tol = v;
            return this;
        }

        public Builder momentum(double v) {
            this.momentum = v;
            return this;
        }

        public Builder nesterov(boolean v) {
            this.nesterov = v;
            return this;
        }

        public Builder earlyStopping(boolean v) {
            this.earlyStopping = v;
            return this;
        }

        public Builder validationFraction(double v) {
            this.validationFraction = v;
            return this;
        }

        public Builder beta1(double v) {
            this.beta1 = v;
            return this;
        }

        public Builder beta2(double v) {
            this.beta2 = v;
            return this;
        }

        public Builder epsilon(double v) {
            this.epsilon = v;
            return this;
        }

        public Builder nIterNoChange(int v) {
            this.nIterNoChange = v;
            return this;
        }

        public Builder threads(int v) {
            this.threads = v;
            return this;
        }

        public MlpConfig build() {
            return new MlpConfig(hiddenLayerSizes, activation, solver, alpha, batchSize, learningRate,
                    learningRateInit, powerT, maxIter, shuffle, seed, tol, momentum, nesterov, earlyStopping,
                    validationFraction, beta1, beta2, epsilon, nIterNoChange, threads);
        }
    }
}
