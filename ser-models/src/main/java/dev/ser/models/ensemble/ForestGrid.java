package dev.ser.models.ensemble;

import dev.ser.models.tree.MaxFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The Cartesian product of random-forest hyper-parameter values around a base configuration, for
 * {@link dev.ser.models.tuning.GridSearch}. Unset axes keep the base value; the first axis set
 * varies slowest.
 */
public final class ForestGrid {

    private final RandomForestConfig base;
    private final List<List<UnaryOperator<RandomForestConfig.Builder>>> axes = new ArrayList<>();

    private ForestGrid(RandomForestConfig base) {
        this.base = base;
    }

    /** A grid around {@code base}. */
    public static ForestGrid around(RandomForestConfig base) {
        return new ForestGrid(base);
    }

    private <T> ForestGrid axis(List<T> values, BiFunction<RandomForestConfig.Builder, T,
            RandomForestConfig.Builder> set) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an axis needs at least one value");
        }
        List<UnaryOperator<RandomForestConfig.Builder>> ops = new ArrayList<>();
        for (T v : values) {
            ops.add(b -> set.apply(b, v));
        }
        axes.add(ops);
        return this;
    }

    /** Tree counts to try. */
    public ForestGrid nEstimators(int... values) {
        return axis(Arrays.stream(values).boxed().toList(), RandomForestConfig.Builder::nEstimators);
    }

    /** Maximum depths to try ({@code Integer.MAX_VALUE} for none). */
    public ForestGrid maxDepth(int... values) {
        return axis(Arrays.stream(values).boxed().toList(), RandomForestConfig.Builder::maxDepth);
    }

    /** Minimum leaf sizes to try. */
    public ForestGrid minSamplesLeaf(int... values) {
        return axis(Arrays.stream(values).boxed().toList(), RandomForestConfig.Builder::minSamplesLeaf);
    }

    /** Feature sampling rules to try. */
    public ForestGrid maxFeatures(MaxFeatures... values) {
        return axis(List.of(values), RandomForestConfig.Builder::maxFeatures);
    }

    /** All combinations. */
    public List<RandomForestConfig> build() {
        List<RandomForestConfig> out = new ArrayList<>();
        expand(0, base, out);
        return out;
    }

    private void expand(int axis, RandomForestConfig current, List<RandomForestConfig> out) {
        if (axis == axes.size()) {
            out.add(current);
            return;
        }
        for (UnaryOperator<RandomForestConfig.Builder> op : axes.get(axis)) {
            expand(axis + 1, op.apply(current.toBuilder()).build(), out);
        }
    }
}
