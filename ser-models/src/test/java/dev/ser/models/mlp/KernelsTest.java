package dev.ser.models.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ser.models.util.SplitMix64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class KernelsTest {

    @Property(tries = 60)
    void mulAddMatchesNaiveProductForBothOperandLayouts(@ForAll @IntRange(min = 1, max = 30) int rows,
                                                        @ForAll @IntRange(min = 1, max = 40) int inner,
                                                        @ForAll @IntRange(min = 1, max = 600) int cols,
                                                        @ForAll long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] a = new double[rows * inner];
        double[] b = new double[3 + inner * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.uniform(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.uniform(-1, 1);
        }
        double[] c = new double[5 + rows * cols];
        Kernels.Scratch s = new Kernels.Scratch();
        Kernels.mulAdd(a, 0, inner, 1, b, 3, inner, cols, c, 5, 0, rows, false, s);
        // A^T layout: A(r, k) = at[k * rows + r]
        double[] at = new double[inner * rows];
        Kernels.transpose(a, 0, rows, inner, at);
        double[] c2 = new double[rows * cols];
        int split = rows / 2;
        Kernels.mulAdd(at, 0, 1, rows, b, 3, inner, cols, c2, 0, 0, split, false, s);
        Kernels.mulAdd(at, 0, 1, rows, b, 3, inner, cols, c2, 0, split, rows, false, s);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                double expected = 0;
                for (int k = 0; k < inner; k++) {
                    expected = Math.fma(a[r * inner + k], b[3 + k * cols + j], expected);
                }
                assertEquals(expected, c[5 + r * cols + j], 0.0, "fma chain in ascending k is exact order");
                assertEquals(expected, c2[r * cols + j], 0.0);
            }
        }
    }

    @Property(tries = 40)
    void transposeRowsCopiesEveryElementOfTheRowRange(@ForAll @IntRange(min = 1, max = 40) int rows,
                                                      @ForAll @IntRange(min = 1, max = 70) int cols,
                                                      @ForAll long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] src = new double[2 + rows * cols];
        for (int i = 0; i < src.length; i++) {
            src[i] = rng.uniform(-1, 1);
        }
        int r0 = rows / 3;
        int r1 = rows - rows / 4;
        int dstCols = rows + 3;
        double[] dst = new double[cols * dstCols];
        Kernels.transposeRows(src, 2, cols, r0, r1, dst, dstCols);
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                double expected = r >= r0 && r < r1 ? src[2 + r * cols + c] : 0.0;
                assertEquals(expected, dst[c * dstCols + r], 0.0);
            }
        }
    }

    @Property(tries = 60)
    void signedZerosComeOutAsInTheNaiveFmaChain(@ForAll @IntRange(min = 1, max = 9) int rows,
                                                @ForAll @IntRange(min = 1, max = 40) int inner,
                                                @ForAll @IntRange(min = 32, max = 70) int cols,
                                                @ForAll long seed) {
        // the padding of partial panels must add nothing, not even turn -0.0 into +0.0
        SplitMix64 rng = new SplitMix64(seed);
        double[] aValues = {-1.0, -0.0, 0.0, 1.0};
        double[] bValues = {0.0, -0.0, 0.5};
        double[] a = new double[rows * inner];
        double[] b = new double[inner * cols];
        double[] c = new double[rows * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = aValues[(int) (rng.nextDouble() * aValues.length)];
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = bValues[(int) (rng.nextDouble() * bValues.length)];
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = rng.nextDouble() < 0.5 ? -0.0 : 0.0;
        }
        double[] expected = c.clone();
        Kernels.mulAdd(a, 0, inner, 1, b, 0, inner, cols, c, 0, 0, rows, true, new Kernels.Scratch());
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                double e = expected[r * cols + j];
                for (int k = 0; k < inner; k++) {
                    e = Math.fma(a[r * inner + k], b[k * cols + j], e);
                }
                assertEquals(Double.doubleToRawLongBits(e), Double.doubleToRawLongBits(c[r * cols + j]),
                        "bits of C[" + r + "," + j + "]");
            }
        }
    }
}
