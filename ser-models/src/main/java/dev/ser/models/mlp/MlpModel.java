package dev.ser.models.mlp;

import dev.ser.models.Classifier;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A trained multi-layer perceptron: hidden layers with one {@link Activation}, a softmax output
 * over {@link #labels()}. Immutable and thread-safe.
 *
 * <p>For two classes this model keeps two softmax outputs, where scikit-learn uses one logistic
 * unit; the two parametrisations describe the same family of classifiers.
 */
public final class MlpModel implements Classifier {

    /** Rows processed together by the batched prediction path. */
    private static final int PREDICT_BLOCK = 256;

    /**
     * What happened during training.
     *
     * @param lossCurve           mean training loss per epoch (scikit-learn's {@code loss_curve_})
     * @param validationScores    validation accuracy per epoch with early stopping, else empty
     * @param epochs              epochs run ({@code n_iter_})
     * @param converged           whether training stopped before {@code max_iter}
     */
    public record History(double[] lossCurve, double[] validationScores, int epochs, boolean converged) {
        public History {
            lossCurve = lossCurve.clone();
            validationScores = validationScores.clone();
        }

        @Override
        public double[] lossCurve() {
            return lossCurve.clone();
        }

        @Override
        public double[] validationScores() {
            return validationScores.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof History h && Arrays.equals(lossCurve, h.lossCurve)
                    && Arrays.equals(validationScores, h.validationScores) && epochs == h.epochs
                    && converged == h.converged;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(lossCurve), Arrays.hashCode(validationScores), epochs, converged);
        }
    }

    private final List<String> labels;
    private final Layout layout;
    private final Activation activation;
    private final double[] params;
    private final History history;

    /**
     * @param labels     class names; the output layer has one unit per label
     * @param layerSizes {@code [n_features, hidden..., n_classes]}
     * @param activation hidden activation
     * @param params     flat parameters: per layer the row-major {@code in x out} weights then the
     *                   {@code out} biases (copied)
     * @param history    training history
     */
    public MlpModel(List<String> labels, int[] layerSizes, Activation activation, double[] params, History history) {
        this.labels = List.copyOf(labels);
        this.layout = new Layout(layerSizes);
        if (layerSizes[layerSizes.length - 1] != labels.size()) {
            throw new IllegalArgumentException("output layer has " + layerSizes[layerSizes.length - 1]
                    + " units for " + labels.size() + " labels");
        }
        if (params.length != layout.numParams()) {
            throw new IllegalArgumentException("expected " + layout.numParams() + " parameters for layers "
                    + Arrays.toString(layerSizes) + ", got " + params.length);
        }
        this.activation = Objects.requireNonNull(activation, "activation");
        this.params = params.clone();
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public int numFeatures() {
        return layout.size(0);
    }

    /** {@code [n_features, hidden..., n_classes]}. */
    public int[] layerSizes() {
        return layout.sizes();
    }

    /** The hidden activation. */
    public Activation activation() {
        return activation;
    }

    /** A copy of all parameters in the flat layout described at the constructor. */
    public double[] parameters() {
        return params.clone();
    }

    /** Weights of layer {@code l}: row-major {@code in x out} (scikit-learn's {@code coefs_[l]}). */
    public double[] coefs(int l) {
        int in = layout.size(l);
        int out = layout.size(l + 1);
        return Arrays.copyOfRange(params, layout.weightOffset(l), layout.weightOffset(l) + in * out);
    }

    /** Biases of layer {@code l} (scikit-learn's {@code intercepts_[l]}). */
    public double[] intercepts(int l) {
        return Arrays.copyOfRange(params, layout.biasOffset(l), layout.biasOffset(l) + layout.size(l + 1));
    }

    /** Training history. */
    public History history() {
        return history;
    }

    @Override
    public double[] predictProba(double[] x) {
        if (x.length != numFeatures()) {
            throw new IllegalArgumentException("expected " + numFeatures() + " features, got " + x.length);
        }
        return layout.forwardOne(params, x, activation);
    }

    @Override
    public double[][] predictProba(double[][] xs) {
        int d = numFeatures();
        int k = labels.size();
        int layers = layout.layers();
        int block = Math.min(PREDICT_BLOCK, Math.max(1, xs.length));
        Layout.Workspace ws = new Layout.Workspace(layout, block);
        double[][] acts = ws.acts;
        Kernels.Scratch scratch = new Kernels.Scratch();
        double[][] out = new double[xs.length][];
        for (int start = 0; start < xs.length; start += block) {
            int rows = Math.min(block, xs.length - start);
            for (int r = 0; r < rows; r++) {
                double[] x = xs[start + r];
                if (x.length != d) {
                    throw new IllegalArgumentException("row " + (start + r) + ": expected " + d
                            + " features, got " + x.length);
                }
                System.arraycopy(x, 0, acts[0], r * d, d);
            }
            layout.forward(params, ws, 0, rows, activation, scratch);
            for (int r = 0; r < rows; r++) {
                out[start + r] = Arrays.copyOfRange(acts[layers], r * k, (r + 1) * k);
            }
        }
        return out;
    }
}
