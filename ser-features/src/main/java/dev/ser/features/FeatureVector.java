package dev.ser.features;

import java.util.Arrays;

/**
 * A pooled feature vector with the layout that describes its columns. Immutable.
 */
public final class FeatureVector {
    private final double[] values;
    private final FeatureLayout layout;

    FeatureVector(double[] values, FeatureLayout layout) {
        if (values.length != layout.size()) {
            throw new IllegalArgumentException("vector of " + values.length + " values for a layout of "
                    + layout.size() + " columns");
        }
        this.values = values;
        this.layout = layout;
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /** A copy of one feature's values. */
    public double[] values(Feature feature) {
        FeatureLayout.Segment s = layout.segment(feature);
        return Arrays.copyOfRange(values, s.offset(), s.end());
    }

    /** The value in column {@code i}. */
    public double get(int i) {
        return values[i];
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    /** Which columns hold which feature. */
    public FeatureLayout layout() {
        return layout;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector v && v.layout.equals(layout) && Arrays.equals(v.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * layout.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FeatureVector" + Arrays.toString(values) + " " + layout;
    }
}
