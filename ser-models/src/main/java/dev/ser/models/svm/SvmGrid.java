package dev.ser.models.svm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The Cartesian product of SVM hyper-parameter values around a base configuration, for
 * {@link dev.ser.models.tuning.GridSearch}. Unset axes keep the base value; the first axis set
 * varies slowest.
 */
public final class SvmGrid {

    private final SvmConfig base;
    private final List<List<UnaryOperator<SvmConfig.Builder>>> axes = new ArrayList<>();

    private SvmGrid(SvmConfig base) {
        this.base = base;
    }

    /** A grid around {@code base}. */
    public static SvmGrid around(SvmConfig base) {
        return new SvmGrid(base);
    }

    private <T> SvmGrid axis(List<T> values, BiFunction<SvmConfig.Builder, T, SvmConfig.Builder> set) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an axis needs at least one value");
        }
        List<UnaryOperator<SvmConfig.Builder>> ops = new ArrayList<>();
        for (T v : values) {
            ops.add(b -> set.apply(b, v));
        }
        axes.add(ops);
        return this;
    }

    /** Values of C to try. */
    public SvmGrid c(double... values) {
        return axis(Arrays.stream(values).boxed().toList(), SvmConfig.Builder::c);
    }

    /** Gammas to try. */
    public SvmGrid gamma(Gamma... values) {
        return axis(List.of(values), SvmConfig.Builder::gamma);
    }

    /** Kernels to try. */
    public SvmGrid kernel(Kernel... values) {
        return axis(List.of(values), SvmConfig.Builder::kernel);
    }

    /** Poly degrees to try. */
    public SvmGrid degree(int... values) {
        return axis(Arrays.stream(values).boxed().toList(), SvmConfig.Builder::degree);
    }

    /** All combinations. */
    public List<SvmConfig> build() {
        List<SvmConfig> out = new ArrayList<>();
        expand(0, base, out);
        return out;
    }

    private void expand(int axis, SvmConfig current, List<SvmConfig> out) {
        if (axis == axes.size()) {
            out.add(current);
            return;
        }
        for (UnaryOperator<SvmConfig.Builder> op : axes.get(axis)) {
            expand(axis + 1, op.apply(current.toBuilder()).build(), out);
        }
    }
}
