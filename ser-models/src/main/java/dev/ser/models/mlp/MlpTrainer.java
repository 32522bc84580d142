package dev.ser.models.mlp;

import dev.ser.models.ConfiguredTrainer;
import dev.ser.models.FeatureTable;
import dev.ser.models.TrainingListener;
import dev.ser.models.util.SplitMix64;
import dev.ser.models.util.Workers;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an {@link MlpModel} with scikit-learn {@code MLPClassifier}'s stochastic solvers
 * ({@code adam}, {@code sgd}) and semantics: Glorot-uniform initialisation, softmax cross-entropy
 * with the L2 penalty {@code 0.5 * alpha * ||W||^2 / batch_rows}, mini-batches reshuffled every
 * epoch, the {@code tol} / {@code n_iter_no_change} stopping rule on the training loss or, with
 * early stopping, on the accuracy of a stratified validation split (the best weights are restored).
 *
 * <p>Reproducible bit for bit for a given seed, whatever {@link MlpConfig#threads()}: threads split
 * rows or parameters between them, never a sum. Features should be standardised first (see
 * {@link dev.ser.models.ScaledTrainer}).
 */
public final class MlpTrainer extends ConfiguredTrainer<MlpConfig, MlpModel> {

    private static final Logger LOG = LoggerFactory.getLogger(MlpTrainer.class);
    /** The model type written to model files. */
    public static final String MODEL_TYPE = "mlp";

    /** A trainer with the given hyper-parameters. */
    public MlpTrainer(MlpConfig config) {
        super(MODEL_TYPE, config);
    }

    @Override
    public MlpModel fit(FeatureTable table, TrainingListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (config.batchSize() > table.rows()) {
            LOG.warn("batch_size={} exceeds the {} training samples; clipped as scikit-learn does",
                    config.batchSize(), table.rows());
        }
        int[] sizes = layerSizes(config, table);
        Layout layout = new Layout(sizes);
        SplitMix64 rng = new SplitMix64(config.seed());
        double[] params = initialParameters(layout, config.activation(), rng);
        int[][] split = config.earlyStopping()
                ? Splits.stratifiedHoldOut(table.labels(), table.numClasses(), config.validationFraction(), rng)
                : new int[][] {identity(table.rows()), new int[0]};
        try (Workers workers = new Workers(config.threads())) {
            Run run = new Run(config, layout, table, split[0], split[1], params, rng, workers);
            MlpModel.History history = run.train(listener);
            return new MlpModel(table.labelNames(), sizes, config.activation(), run.finalParameters(), history);
        }
    }

    /**
     * Glorot-uniform initialisation as scikit-learn: for each layer in order, weights then biases
     * drawn from {@code U(-b, b)} with {@code b = sqrt(f / (fan_in + fan_out))}, {@code f = 2} for
     * logistic activation and 6 otherwise.
     */
    static double[] initialParameters(Layout layout, Activation activation, SplitMix64 rng) {
        double[] p = new double[layout.numParams()];
        double factor = activation == Activation.LOGISTIC ? 2.0 : 6.0;
        for (int l = 0; l < layout.layers(); l++) {
            int in = layout.size(l);
            int out = layout.size(l + 1);
            double bound = Math.sqrt(factor / (in + out));
            int w = layout.weightOffset(l);
            for (int i = 0; i < in * out; i++) {
                p[w + i] = rng.uniform(-bound, bound);
            }
            int b = layout.biasOffset(l);
            for (int j = 0; j < out; j++) {
                p[b + j] = rng.uniform(-bound, bound);
            }
        }
        return p;
    }

    /**
     * Loss (with L2 penalty) of the whole table at {@code params} and its gradient into
     * {@code gradOut}: one full batch, no update. For gradient checks.
     */
    static double lossAndGradient(MlpConfig config, FeatureTable table, double[] params, double[] gradOut) {
        int[] sizes = layerSizes(config, table);
        MlpConfig full = config.toBuilder().batchSize(table.rows()).build();
        try (Workers workers = new Workers(config.threads())) {
            Run run = new Run(full, new Layout(sizes), table, identity(table.rows()), new int[0], params.clone(),
                    new SplitMix64(0), workers);
            double loss = run.lossAndGradient(0, table.rows());
            System.arraycopy(run.grads, 0, gradOut, 0, gradOut.length);
            return loss;
        }
    }

    /** Layer sizes of a network for {@code table} under {@code config}. */
    static int[] layerSizes(MlpConfig config, FeatureTable table) {
        int[] sizes = new int[config.hiddenLayerSizes().size() + 2];
        sizes[0] = table.cols();
        for (int i = 0; i < config.hiddenLayerSizes().size(); i++) {
            sizes[i + 1] = config.hiddenLayerSizes().get(i);
        }
        sizes[sizes.length - 1] = table.numClasses();
        return sizes;
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /** The state of one training run. */
    private static final class Run {
        private final MlpConfig cfg;
        private final Layout layout;
        private final FeatureTable table;
        private final int[] order;
        private final int[] validation;
        private final double[] params;
        private final double[] grads;
        private final Optimizer optimizer;
        private final SplitMix64 rng;
        private final Workers workers;
        private final int batch;
        private final int layers;
        private final Layout.Workspace ws;
        private final double[][] acts;
        private final double[][] deltas;
        private final double[] gradT;
        private final double[] transposed;
        private final int[] batchLabels;
        private final double[] rowLoss;
        private final Kernels.Scratch[] scratch;
        private final double[] biasSum;
        private final double[] biasRow;
        private double[] bestParams;

        Run(MlpConfig cfg, Layout layout, FeatureTable table, int[] train, int[] validation, double[] params,
            SplitMix64 rng, Workers workers) {
            this.cfg = cfg;
            this.layout = layout;
            this.table = table;
            this.order = train.clone();
            this.validation = validation;
            this.params = params;
            this.grads = new double[params.length];
            this.rng = rng;
            this.workers = workers;
            this.batch = cfg.effectiveBatchSize(train.length);
            this.layers = layout.layers();
            this.ws = new Layout.Workspace(layout, batch);
            this.acts = ws.acts;
            this.deltas = new double[layers + 1][];
            int maxIn = 0;
            int maxGradT = 0;
            for (int l = 1; l <= layers; l++) {
                deltas[l] = new double[batch * layout.size(l)];
            }
            for (int l = 0; l < layers; l++) {
                if (layout.transposed(l)) {
                    maxGradT = Math.max(maxGradT, layout.size(l) * layout.size(l + 1));
                }
            }
            this.gradT = new double[maxGradT];
            for (int l = 1; l < layers; l++) {
                maxIn = Math.max(maxIn, layout.size(l) * layout.size(l + 1));
            }
            this.transposed = new double[maxIn];
            this.batchLabels = new int[batch];
            this.rowLoss = new double[batch];
            this.scratch = new Kernels.Scratch[workers.size()];
            for (int t = 0; t < scratch.length; t++) {
                scratch[t] = new Kernels.Scratch();
            }
            this.biasSum = new double[layout.maxWidth()];
            this.biasRow = new double[layout.maxWidth()];
            this.optimizer = cfg.solver() == Solver.ADAM ? new Optimizer.Adam(cfg, params.length)
                    : new Optimizer.Sgd(cfg, params.length);
        }

        MlpModel.History train(TrainingListener listener) {
            int n = order.length;
            double[] lossCurve = new double[cfg.maxIter()];
            double[] valScores = new double[cfg.earlyStopping() ? cfg.maxIter() : 0];
            double bestLoss = Double.POSITIVE_INFINITY;
            double bestScore = Double.NEGATIVE_INFINITY;
            int noImprovement = 0;
            long samplesSeen = 0;
            int epoch = 0;
            boolean stopped = false;
            while (epoch < cfg.maxIter() && !stopped) {
                if (cfg.shuffle()) {
                    rng.shuffle(order);
                }
                double accumulated = 0;
                for (int start = 0; start < n; start += batch) {
                    int rows = Math.min(batch, n - start);
                    accumulated += step(start, rows) * rows;
                }
                double loss = accumulated / n;
                lossCurve[epoch] = loss;
                samplesSeen += n;
                double score = Double.NaN;
                if (cfg.earlyStopping()) {
                    score = validationAccuracy();
                    valScores[epoch] = score;
                    noImprovement = score < bestScore + cfg.tol() ? noImprovement + 1 : 0;
                    if (score > bestScore) {
                        bestScore = score;
                        bestParams = params.clone();
                    }
                } else {
                    noImprovement = loss > bestLoss - cfg.tol() ? noImprovement + 1 : 0;
                    bestLoss = Math.min(bestLoss, loss);
                }
                optimizer.epochEnded(samplesSeen);
                epoch++;
                listener.onEpoch(new TrainingListener.EpochEvent(epoch, loss, score, optimizer.learningRate()));
                if (noImprovement > cfg.nIterNoChange()) {
                    if (optimizer.shouldStop()) {
                        LOG.debug("{} did not improve by tol={} for {} consecutive epochs; stopping after epoch {}",
                                cfg.earlyStopping() ? "Validation score" : "Training loss", cfg.tol(),
                                cfg.nIterNoChange(), epoch);
                        stopped = true;
                    } else {
                        noImprovement = 0;
                    }
                }
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("training diverged: loss " + loss + " at epoch " + epoch
                            + "; lower learning_rate_init or standardise the features");
                }
            }
            if (!stopped) {
                LOG.warn("MLP reached max_iter={} epochs without converging (tol={})", cfg.maxIter(), cfg.tol());
            }
            return new MlpModel.History(java.util.Arrays.copyOf(lossCurve, epoch),
                    java.util.Arrays.copyOf(valScores, cfg.earlyStopping() ? epoch : 0), epoch, stopped);
        }

        double[] finalParameters() {
            return bestParams != null ? bestParams : params;
        }

        /** One mini-batch: forward, loss, backward, update. Returns the batch loss. */
        private double step(int start, int rows) {
            double loss = lossAndGradient(start, rows);
            optimizer.prepare();
            workers.run(t -> {
                int from = Workers.splitStart(params.length, workers.size(), t);
                int to = Workers.splitStart(params.length, workers.size(), t + 1);
                optimizer.update(params, grads, from, to);
            });
            return loss;
        }

        /** Loss of the batch at {@code order[start, start + rows)} and its gradient into {@code grads}. */
        double lossAndGradient(int start, int rows) {
            gather(start, rows);
            int last = layers;
            int outWidth = layout.size(last);
            workers.run(t -> forwardRows(t, rows, outWidth));
            double loss = 0;
            for (int r = 0; r < rows; r++) {
                loss += rowLoss[r];
            }
            loss /= rows;
            loss += 0.5 * cfg.alpha() * sumSquaredWeights() / rows;
            for (int l = layers - 1; l >= 0; l--) {
                backwardLayer(l, rows);
            }
            return loss;
        }

        private void gather(int start, int rows) {
            int d = table.cols();
            double[] x = table.rawData();
            double[] xb = acts[0];
            for (int r = 0; r < rows; r++) {
                int i = order[start + r];
                System.arraycopy(x, i * d, xb, r * d, d);
                batchLabels[r] = table.label(i);
            }
        }

        private void forwardRows(int t, int rows, int width) {
            int r0 = Workers.splitStart(rows, workers.size(), t);
            int r1 = Workers.splitStart(rows, workers.size(), t + 1);
            layout.forward(params, ws, r0, r1, cfg.activation(), scratch[t]);
            double[] p = acts[layers];
            double[] delta = deltas[layers];
            double eps = Math.ulp(1.0);
            for (int r = r0; r < r1; r++) {
                int o = r * width;
                int y = batchLabels[r];
                for (int c = 0; c < width; c++) {
                    delta[o + c] = p[o + c];
                }
                delta[o + y] -= 1.0;
                double py = Math.min(Math.max(p[o + y], eps), 1.0 - eps);
                rowLoss[r] = -Math.log(py);
            }
        }

        private double sumSquaredWeights() {
            if (cfg.alpha() == 0) {
                return 0;
            }
            double s = 0;
            for (int l = 0; l < layers; l++) {
                int w = layout.weightOffset(l);
                int end = w + layout.size(l) * layout.size(l + 1);
                for (int i = w; i < end; i++) {
                    s += params[i] * params[i];
                }
            }
            return s;
        }

        /** Gradients of layer {@code l} and, below the first layer, the deltas of layer {@code l - 1}. */
        private void backwardLayer(int l, int rows) {
            int in = layout.size(l);
            int out = layout.size(l + 1);
            double[] delta = deltas[l + 1];
            if (l > 0) {
                Kernels.transpose(params, layout.weightOffset(l), in, out, transposed);
            }
            workers.run(t -> {
                int k0 = Workers.splitStart(in, workers.size(), t);
                int k1 = Workers.splitStart(in, workers.size(), t + 1);
                int w = layout.weightOffset(l);
                double alpha = cfg.alpha();
                if (layout.transposed(l)) {
                    // G^T = delta^T A over columns [k0, k1): vectorises along the wide input
                    Kernels.mulAdd(delta, 0, 1, out, acts[l], 0, rows, in, gradT, 0, 0, out, k0, k1, false,
                            scratch[t]);
                    for (int k = k0; k < k1; k++) {
                        for (int j = 0; j < out; j++) {
                            int i = w + k * out + j;
                            grads[i] = (gradT[j * in + k] + alpha * params[i]) / rows;
                        }
                    }
                } else {
                    Kernels.mulAdd(acts[l], 0, 1, in, delta, 0, rows, out, grads, w, k0, k1, false, scratch[t]);
                    for (int i = w + k0 * out; i < w + k1 * out; i++) {
                        grads[i] = (grads[i] + alpha * params[i]) / rows;
                    }
                }
                if (l > 0) {
                    int r0 = Workers.splitStart(rows, workers.size(), t);
                    int r1 = Workers.splitStart(rows, workers.size(), t + 1);
                    Kernels.mulAdd(delta, 0, out, 1, transposed, 0, out, in, deltas[l], 0, r0, r1, false, scratch[t]);
                    cfg.activation().multiplyDerivative(acts[l], deltas[l], r0 * in, r1 * in);
                }
            });
            biasGradient(layout.biasOffset(l), delta, rows, out);
        }

        /**
         * Column sums of the deltas over the batch rows, in ascending row order, divided by the
         * batch size. Each delta row is first copied into a scratch row: C2 vectorises the sum
         * only when both arrays are indexed by the bare loop variable.
         */
        private void biasGradient(int b, double[] delta, int rows, int out) {
            double[] sum = biasSum;
            double[] row = biasRow;
            java.util.Arrays.fill(sum, 0, out, 0.0);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(delta, r * out, row, 0, out);
                for (int j = 0; j < out; j++) {
                    sum[j] += row[j];
                }
            }
            for (int j = 0; j < out; j++) {
                grads[b + j] = sum[j] / rows;
            }
        }

        private double validationAccuracy() {
            int d = table.cols();
            int width = layout.size(layers);
            double[] x = table.rawData();
            int correct = 0;
            for (int start = 0; start < validation.length; start += batch) {
                int rows = Math.min(batch, validation.length - start);
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(x, validation[start + r] * d, acts[0], r * d, d);
                }
                workers.run(t -> layout.forward(params, ws, Workers.splitStart(rows, workers.size(), t),
                        Workers.splitStart(rows, workers.size(), t + 1), cfg.activation(), scratch[t]));
                double[] p = acts[layers];
                for (int r = 0; r < rows; r++) {
                    int best = 0;
                    for (int c = 1; c < width; c++) {
                        if (p[r * width + c] > p[r * width + best]) {
                            best = c;
                        }
                    }
                    if (best == table.label(validation[start + r])) {
                        correct++;
                    }
                }
            }
            return (double) correct / validation.length;
        }
    }
}
