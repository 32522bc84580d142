package dev.ser.models.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named float64 tensor stored in the binary section of a model file.
 *
 * @param name  unique name within the file, at most 255 UTF-8 bytes (e.g. {@code "mlp.coefs.0"})
 * @param shape dimensions, 1 to 4 of them, each at least 0; row-major
 * @param data  {@code product(shape)} values
 */
public record NamedArray(String name, int[] shape, double[] data) {

    /** Maximum rank of a stored array. */
    public static final int MAX_RANK = 4;

    public NamedArray {
        Objects.requireNonNull(name, "name");
        if (shape.length < 1 || shape.length > MAX_RANK) {
            throw new IllegalArgumentException("array " + name + ": rank must be 1.." + MAX_RANK);
        }
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("array " + name + ": negative dimension " + s);
            }
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("array " + name + ": shape " + Arrays.toString(shape) + " holds "
                    + n + " values, data has " + data.length);
        }
        shape = shape.clone();
        data = data.clone();
    }

    /** A vector. */
    public static NamedArray vector(String name, double[] data) {
        return new NamedArray(name, new int[] {data.length}, data);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public double[] data() {
        return data.clone();
    }

    /** Number of values without copying. */
    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedArray a && name.equals(a.name) && Arrays.equals(shape, a.shape)
                && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(data));
    }
}
