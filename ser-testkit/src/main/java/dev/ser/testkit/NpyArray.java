package dev.ser.testkit;

import java.util.Arrays;

/**
 * An n-dimensional array read from or written to NumPy's {@code .npy} format, held as
 * {@code double} values in C (row-major) order.
 *
 * @param shape  the dimensions, outermost first (empty for a scalar)
 * @param values the values in C order; length is the product of {@code shape}
 */
public record NpyArray(int[] shape, double[] values) {
    public NpyArray {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " values, got " + values.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The size of dimension {@code axis}. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && Arrays.equals(a.shape, shape) && Arrays.equals(a.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NpyArray" + Arrays.toString(shape);
    }
}
