package dev.ser.models.mlp;

import java.util.Arrays;

/**
 * Dense matrix kernels on flat row-major {@code double[]} arrays, written so that HotSpot's C2
 * compiler auto-vectorises the innermost loop.
 *
 * <p>Every kernel computes a contiguous range of output rows, and the floating-point summation
 * order of each output element depends only on the operands' shapes, never on which rows a call
 * covers. Splitting the output rows between threads therefore gives bit-identical results whatever
 * the thread count.
 *
 * <p>Blocking: the inner dimension is consumed eight rows of {@code B} at a time. The 8 x 512 panel
 * of {@code B} is copied into eight separate scratch arrays and each output row segment into a
 * scratch row, so that every array in the inner loop is indexed by the bare loop variable: C2 (JDK
 * 17) only vectorises reliably when all references share one alignment, which different invariant
 * offsets into a single array defeat. Each inner iteration performs eight fused multiply-adds per
 * store, which keeps the loop compute-bound.
 */
public final class Kernels {

    /** Rows of {@code B} consumed per pass over the output. */
    static final int KB = 8;
    /** Columns of output per block, so the {@code KB x JB} panel of {@code B} fits in L1 (32 KiB). */
    static final int JB = 512;

    private Kernels() {
    }

    /** Per-thread scratch space of {@link #mulAdd}; about 36 KiB. Not thread-safe. */
    public static final class Scratch {
        final double[] p0 = new double[JB];
        final double[] p1 = new double[JB];
        final double[] p2 = new double[JB];
        final double[] p3 = new double[JB];
        final double[] p4 = new double[JB];
        final double[] p5 = new double[JB];
        final double[] p6 = new double[JB];
        final double[] p7 = new double[JB];
        final double[] row = new double[JB];
    }

    /**
     * {@code C[r, :] (+)= sum_k A(r, k) * B[k, :]} for rows {@code r0 <= r < r1}.
     *
     * <p>{@code A(r, k) = a[aOff + r * aRowStride + k * aColStride]}, which covers both {@code A}
     * and its transpose. {@code B} is {@code inner x n} starting at {@code b[bOff]}, {@code C} has
     * {@code n} columns starting at {@code c[cOff]}, both row-major.
     *
     * @param accumulate when false the rows are overwritten, when true the product is added
     * @param s          scratch space owned by the calling thread
     */
    public static void mulAdd(double[] a, int aOff, int aRowStride, int aColStride,
                              double[] b, int bOff, int inner, int n, double[] c, int cOff, int r0, int r1,
                              boolean accumulate, Scratch s) {
        if (!accumulate) {
            Arrays.fill(c, cOff + r0 * n, cOff + r1 * n, 0.0);
        }
        for (int j0 = 0; j0 < n; j0 += JB) {
            int len = Math.min(n - j0, JB);
            int k = 0;
            for (; k + KB <= inner; k += KB) {
                loadPanel(b, bOff + k * n + j0, n, len, s);
                panel8(a, aOff, aRowStride, aColStride, k, n, c, cOff + j0, r0, r1, len, s);
            }
            for (; k < inner; k++) {
                panel1(a, aOff, aRowStride, aColStride, b, bOff + k * n + j0, k, n, c, cOff + j0, r0, r1, len);
            }
        }
    }

    private static void loadPanel(double[] b, int o, int n, int len, Scratch s) {
        System.arraycopy(b, o, s.p0, 0, len);
        System.arraycopy(b, o + n, s.p1, 0, len);
        System.arraycopy(b, o + 2 * n, s.p2, 0, len);
        System.arraycopy(b, o + 3 * n, s.p3, 0, len);
        System.arraycopy(b, o + 4 * n, s.p4, 0, len);
        System.arraycopy(b, o + 5 * n, s.p5, 0, len);
        System.arraycopy(b, o + 6 * n, s.p6, 0, len);
        System.arraycopy(b, o + 7 * n, s.p7, 0, len);
    }

    private static void panel8(double[] a, int aOff, int rs, int cs, int k, int n,
                               double[] c, int cBase, int r0, int r1, int len, Scratch sc) {
        double[] p0 = sc.p0;
        double[] p1 = sc.p1;
        double[] p2 = sc.p2;
        double[] p3 = sc.p3;
        double[] p4 = sc.p4;
        double[] p5 = sc.p5;
        double[] p6 = sc.p6;
        double[] p7 = sc.p7;
        double[] row = sc.row;
        for (int r = r0; r < r1; r++) {
            int ao = aOff + r * rs + k * cs;
            double a0 = a[ao];
            double a1 = a[ao + cs];
            double a2 = a[ao + 2 * cs];
            double a3 = a[ao + 3 * cs];
            double a4 = a[ao + 4 * cs];
            double a5 = a[ao + 5 * cs];
            double a6 = a[ao + 6 * cs];
            double a7 = a[ao + 7 * cs];
            int co = cBase + r * n;
            System.arraycopy(c, co, row, 0, len);
            for (int j = 0; j < len; j++) {
                double s = row[j];
                s = Math.fma(a0, p0[j], s);
                s = Math.fma(a1, p1[j], s);
                s = Math.fma(a2, p2[j], s);
                s = Math.fma(a3, p3[j], s);
                s = Math.fma(a4, p4[j], s);
                s = Math.fma(a5, p5[j], s);
                s = Math.fma(a6, p6[j], s);
                s = Math.fma(a7, p7[j], s);
                row[j] = s;
            }
            System.arraycopy(row, 0, c, co, len);
        }
    }

    private static void panel1(double[] a, int aOff, int rs, int cs, double[] b, int bo, int k, int n,
                               double[] c, int cBase, int r0, int r1, int len) {
        for (int r = r0; r < r1; r++) {
            double a0 = a[aOff + r * rs + k * cs];
            int co = cBase + r * n;
            for (int j = 0; j < len; j++) {
                c[co + j] = Math.fma(a0, b[bo + j], c[co + j]);
            }
        }
    }

    /** {@code dst[c * rows + r] = src[srcOff + r * cols + c]}: transpose of a {@code rows x cols} matrix. */
    public static void transpose(double[] src, int srcOff, int rows, int cols, double[] dst) {
        for (int r = 0; r < rows; r++) {
            int so = srcOff + r * cols;
            for (int c = 0; c < cols; c++) {
                dst[c * rows + r] = src[so + c];
            }
        }
    }
}
