package dev.ser.models.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ser.models.util.SplitMix64;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Kernels#mulAdd} (the Vector API kernel when the JVM has {@code --add-modules
 * jdk.incubator.vector}, as in ser-models' second surefire execution) against the scalar kernel:
 * bit for bit. Without the module both sides are the scalar kernel.
 */
class VectorKernelsTest {

    @Example
    void vectorPathIsUsedExactlyWhenTheModuleIsPresent() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(module && Boolean.parseBoolean(System.getProperty("dev.ser.mlp.vector", "true")),
                Kernels.VECTOR, Kernels.kernelName());
    }

    @Property(tries = 120)
    void dispatchedKernelEqualsScalarKernelBitForBit(@ForAll @IntRange(min = 1, max = 13) int rows,
                                                     @ForAll @IntRange(min = 1, max = 40) int inner,
                                                     @ForAll @IntRange(min = 1, max = 120) int cols,
                                                     @ForAll @IntRange(min = 0, max = 9) int cut,
                                                     @ForAll boolean transposedA,
                                                     @ForAll boolean accumulate,
                                                     @ForAll long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] a = values(rng, 2 + rows * inner);
        double[] b = values(rng, 3 + inner * cols);
        double[] c0 = values(rng, 5 + rows * cols);
        // both operand layouts: A(r, k) = a[2 + r * inner + k] or a[2 + k * rows + r]
        int rs = transposedA ? 1 : inner;
        int cs = transposedA ? rows : 1;
        // a column range with ragged ends, and a row range split in two calls as the workers do
        int jStart = Math.min(cut, cols - 1);
        int jEnd = Math.max(jStart + 1, cols - cut / 2);
        int split = rows / 3;
        double[] expected = c0.clone();
        double[] actual = c0.clone();
        Kernels.Scratch s = new Kernels.Scratch();
        Kernels.mulAddScalar(a, 2, rs, cs, b, 3, inner, cols, expected, 5, 0, rows, jStart, jEnd, accumulate, s);
        Kernels.mulAdd(a, 2, rs, cs, b, 3, inner, cols, actual, 5, 0, split, jStart, jEnd, accumulate, s);
        Kernels.mulAdd(a, 2, rs, cs, b, 3, inner, cols, actual, 5, split, rows, jStart, jEnd, accumulate, s);
        assertArrayEquals(expected, actual, 0.0, Kernels.kernelName()); // compares raw bits: -0.0 != 0.0
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]));
        }
    }

    /** Random values, a fifth of them signed zeros, so zero sums keep (or lose) their sign as in the scalar chain. */
    private static double[] values(SplitMix64 rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            v[i] = u < 0.1 ? 0.0 : u < 0.2 ? -0.0 : rng.uniform(-1, 1);
        }
        return v;
    }
}
