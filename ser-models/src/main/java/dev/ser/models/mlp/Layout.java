package dev.ser.models.mlp;

import java.util.Arrays;

/**
 * Where each layer's weights and biases live in one flat parameter vector, and the forward pass.
 *
 * <p>Layer {@code l} maps {@code sizes[l]} inputs to {@code sizes[l+1]} outputs; its weights are a
 * row-major {@code sizes[l] x sizes[l+1]} matrix (scikit-learn's {@code coefs_[l]}) at
 * {@link #weightOffset(int)}, followed by its {@code sizes[l+1]} biases at {@link #biasOffset(int)}.
 */
final class Layout {

    private final int[] sizes;
    private final int[] wOff;
    private final int[] bOff;
    private final int numParams;

    Layout(int[] sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs input and output sizes: " + Arrays.toString(sizes));
        }
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        wOff = new int[layers];
        bOff = new int[layers];
        long off = 0;
        for (int l = 0; l < layers; l++) {
            if (sizes[l] < 1 || sizes[l + 1] < 1) {
                throw new IllegalArgumentException("layer sizes must be positive: " + Arrays.toString(sizes));
            }
            wOff[l] = (int) off;
            off += (long) sizes[l] * sizes[l + 1];
            bOff[l] = (int) off;
            off += sizes[l + 1];
            if (off > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("network too large: " + Arrays.toString(sizes));
            }
        }
        numParams = (int) off;
    }

    int layers() {
        return sizes.length - 1;
    }

    int size(int layer) {
        return sizes[layer];
    }

    int[] sizes() {
        return sizes.clone();
    }

    int weightOffset(int l) {
        return wOff[l];
    }

    int biasOffset(int l) {
        return bOff[l];
    }

    int numParams() {
        return numParams;
    }

    /** Largest layer width (for buffer sizing). */
    int maxWidth() {
        return Arrays.stream(sizes).max().orElseThrow();
    }

    /**
     * Whether layer {@code l} is computed transposed: a narrow output (the softmax layer) from a
     * wide input, where the direct kernel cannot vectorise over the few output columns.
     */
    boolean transposed(int l) {
        return sizes[l + 1] < Kernels.NARROW && sizes[l] >= Kernels.NARROW;
    }

    /** Activation buffers for up to {@code capacity} rows, plus the transposes some layers need. */
    static final class Workspace {
        final int capacity;
        final double[][] acts;
        final double[] inT;
        final double[] outT;

        Workspace(Layout layout, int capacity) {
            this.capacity = capacity;
            int layers = layout.layers();
            acts = new double[layers + 1][];
            int maxIn = 0;
            int maxOut = 0;
            for (int l = 0; l <= layers; l++) {
                acts[l] = new double[capacity * layout.size(l)];
                if (l < layers && layout.transposed(l)) {
                    maxIn = Math.max(maxIn, layout.size(l));
                    maxOut = Math.max(maxOut, layout.size(l + 1));
                }
            }
            inT = new double[maxIn * capacity];
            outT = new double[maxOut * capacity];
        }
    }

    /**
     * Forward pass of rows {@code [r0, r1)}: {@code ws.acts[0]} holds the input rows; every
     * {@code ws.acts[l+1]} receives layer {@code l}'s output, the last one softmax probabilities.
     * Each output element is its bias plus the products accumulated by fused multiply-adds in
     * ascending input order, whichever way the layer is computed.
     */
    void forward(double[] params, Workspace ws, int r0, int r1, Activation activation, Kernels.Scratch s) {
        int last = layers() - 1;
        double[][] acts = ws.acts;
        for (int l = 0; l <= last; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] z = acts[l + 1];
            if (transposed(l)) {
                forwardTransposed(params, ws, l, r0, r1, s);
            } else {
                for (int r = r0; r < r1; r++) {
                    System.arraycopy(params, bOff[l], z, r * out, out);
                }
                Kernels.mulAdd(acts[l], 0, in, 1, params, wOff[l], in, out, z, 0, r0, r1, true, s);
            }
            if (l < last) {
                activation.apply(z, r0 * out, r1 * out);
            } else {
                softmaxRows(z, out, r0, r1);
            }
        }
    }

    /** {@code Z^T = W^T A^T + b} over columns {@code [r0, r1)}, then transposed back into the rows. */
    private void forwardTransposed(double[] params, Workspace ws, int l, int r0, int r1, Kernels.Scratch s) {
        int in = sizes[l];
        int out = sizes[l + 1];
        int cap = ws.capacity;
        Kernels.transposeRows(ws.acts[l], 0, in, r0, r1, ws.inT, cap);
        for (int j = 0; j < out; j++) {
            java.util.Arrays.fill(ws.outT, j * cap + r0, j * cap + r1, params[bOff[l] + j]);
        }
        // A(j, k) = W[k, j]: row stride 1, column stride out
        Kernels.mulAdd(params, wOff[l], 1, out, ws.inT, 0, in, cap, ws.outT, 0, 0, out, r0, r1, true, s);
        double[] z = ws.acts[l + 1];
        for (int r = r0; r < r1; r++) {
            for (int j = 0; j < out; j++) {
                z[r * out + j] = ws.outT[j * cap + r];
            }
        }
    }

    /**
     * Forward pass of one sample; the same arithmetic (fused multiply-adds in ascending input
     * order) as {@link #forward}, so the results are bit-identical to the batched path.
     */
    double[] forwardOne(double[] params, double[] x, Activation activation) {
        double[] a = x;
        int last = layers() - 1;
        for (int l = 0; l <= last; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] z = Arrays.copyOfRange(params, bOff[l], bOff[l] + out);
            for (int k = 0; k < in; k++) {
                double ak = a[k];
                int wo = wOff[l] + k * out;
                for (int j = 0; j < out; j++) {
                    z[j] = Math.fma(ak, params[wo + j], z[j]);
                }
            }
            if (l < last) {
                activation.apply(z, 0, out);
            } else {
                softmaxRows(z, out, 0, 1);
            }
            a = z;
        }
        return a;
    }

    /** Numerically stable softmax of each row, in place (subtracting the row maximum). */
    static void softmaxRows(double[] z, int width, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            int o = r * width;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < width; j++) {
                max = Math.max(max, z[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < width; j++) {
                double e = Math.exp(z[o + j] - max);
                z[o + j] = e;
                sum += e;
            }
            double inv = 1.0 / sum;
            for (int j = 0; j < width; j++) {
                z[o + j] *= inv;
            }
        }
    }
}
