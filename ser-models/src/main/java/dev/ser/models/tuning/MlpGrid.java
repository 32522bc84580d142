package dev.ser.models.tuning;

import dev.ser.models.mlp.Activation;
import dev.ser.models.mlp.MlpConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Builds the Cartesian product of MLP hyper-parameter values on top of a base configuration.
 * Unset axes keep the base value. The order of the result is fixed: the first axis set varies
 * slowest.
 */
public final class MlpGrid {

    private final MlpConfig base;
    private final List<List<java.util.function.UnaryOperator<MlpConfig.Builder>>> axes = new ArrayList<>();

    private MlpGrid(MlpConfig base) {
        this.base = base;
    }

    /** A grid around {@code base}. */
    public static MlpGrid around(MlpConfig base) {
        return new MlpGrid(base);
    }

    private <T> MlpGrid axis(List<T> values, BiFunction<MlpConfig.Builder, T, MlpConfig.Builder> set) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an axis needs at least one value");
        }
        List<java.util.function.UnaryOperator<MlpConfig.Builder>> ops = new ArrayList<>();
        for (T v : values) {
            ops.add(b -> set.apply(b, v));
        }
        axes.add(ops);
        return this;
    }

    /** Hidden layer size tuples to try. */
    public MlpGrid hiddenLayerSizes(int[]... options) {
        return axis(List.of(options), MlpConfig.Builder::hiddenLayerSizes);
    }

    /** L2 penalties to try. */
    public MlpGrid alpha(double... values) {
        return axis(boxed(values), MlpConfig.Builder::alpha);
    }

    /** Initial learning rates to try. */
    public MlpGrid learningRateInit(double... values) {
        return axis(boxed(values), MlpConfig.Builder::learningRateInit);
    }

    /** Batch sizes to try. */
    public MlpGrid batchSize(int... values) {
        return axis(java.util.Arrays.stream(values).boxed().toList(), MlpConfig.Builder::batchSize);
    }

    /** Epoch limits to try. */
    public MlpGrid maxIter(int... values) {
        return axis(java.util.Arrays.stream(values).boxed().toList(), MlpConfig.Builder::maxIter);
    }

    /** Activations to try. */
    public MlpGrid activation(Activation... values) {
        return axis(List.of(values), MlpConfig.Builder::activation);
    }

    /** Seeds to try. */
    public MlpGrid seed(long... values) {
        return axis(java.util.Arrays.stream(values).boxed().toList(), MlpConfig.Builder::seed);
    }

    /** All combinations. */
    public List<MlpConfig> build() {
        List<MlpConfig> out = new ArrayList<>();
        expand(0, base, out);
        return out;
    }

    private void expand(int axis, MlpConfig current, List<MlpConfig> out) {
        if (axis == axes.size()) {
            out.add(current);
            return;
        }
        for (var op : axes.get(axis)) {
            expand(axis + 1, op.apply(current.toBuilder()).build(), out);
        }
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
