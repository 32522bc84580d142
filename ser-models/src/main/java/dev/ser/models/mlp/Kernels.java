package dev.ser.models.mlp;

import java.util.Arrays;

/**
 * Dense matrix kernels on flat row-major {@code double[]} arrays, written so that HotSpot's C2
 * compiler auto-vectorises the innermost loop.
 *
 * <p>Every kernel computes a contiguous range of output rows. Every output element accumulates its
 * products one at a time with {@link Math#fma} in ascending inner index, so blocking and the split
 * of rows between threads change memory traffic, never the arithmetic: results are bit-identical
 * whatever the thread count, and equal to a naive fma loop.
 *
 * <p>Blocking: the inner dimension is consumed eight rows of {@code B} at a time, copied into
 * eight separate scratch arrays (a 8 x 512 panel, 32 KiB, stays in L1), and each output row
 * segment is copied into a scratch row once per panel. Every array in the inner loops is then
 * indexed by the bare loop variable: C2 (JDK 17) only vectorises reliably when all references
 * share one alignment, which different invariant offsets into a single array defeat. Each inner
 * loop handles four rows of the panel: with eight streams the loop body exceeds C2's default
 * unrolling budget ({@code LoopUnrollLimit}) and is no longer vectorised (measured about 3x slower);
 * 16-row panels measured slower again (L1 pressure).
 * Narrow outputs (fewer than {@link #NARROW} columns) skip the copies, which would cost more than
 * they save; callers with a narrow output and a wide inner dimension (the softmax layer) do better
 * computing the transposed product.
 */
public final class Kernels {

    /** Rows of {@code B} per panel. */
    static final int KB = 8;
    /** Columns of output per block, so the {@code KB x JB} panel of {@code B} fits in L1. */
    static final int JB = 512;
    /** Outputs narrower than this use the direct loop. */
    static final int NARROW = 32;

    private Kernels() {
    }

    /** Per-thread scratch space of {@link #mulAdd}; about 36 KiB. Not thread-safe. */
    public static final class Scratch {
        final double[][] p = new double[KB][JB];
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
        mulAdd(a, aOff, aRowStride, aColStride, b, bOff, inner, n, c, cOff, r0, r1, 0, n, accumulate, s);
    }

    /**
     * As {@link #mulAdd(double[], int, int, int, double[], int, int, int, double[], int, int, int,
     * boolean, Scratch)} restricted to output columns {@code jStart <= j < jEnd}.
     */
    public static void mulAdd(double[] a, int aOff, int aRowStride, int aColStride,
                              double[] b, int bOff, int inner, int n, double[] c, int cOff, int r0, int r1,
                              int jStart, int jEnd, boolean accumulate, Scratch s) {
        if (!accumulate) {
            for (int r = r0; r < r1; r++) {
                Arrays.fill(c, cOff + r * n + jStart, cOff + r * n + jEnd, 0.0);
            }
        }
        if (jEnd - jStart < NARROW) {
            narrow(a, aOff, aRowStride, aColStride, b, bOff, inner, n, c, cOff, r0, r1, jStart, jEnd);
            return;
        }
        for (int j0 = jStart; j0 < jEnd; j0 += JB) {
            int len = Math.min(jEnd - j0, JB);
            int k = 0;
            for (; k + KB <= inner; k += KB) {
                loadPanel(b, bOff + k * n + j0, n, len, s);
                panelKb(a, aOff, aRowStride, aColStride, k, n, c, cOff + j0, r0, r1, len, s);
            }
            for (; k < inner; k++) {
                panel1(a, aOff, aRowStride, aColStride, b, bOff + k * n + j0, k, n, c, cOff + j0, r0, r1, len);
            }
        }
    }

    private static void narrow(double[] a, int aOff, int rs, int cs, double[] b, int bOff, int inner, int n,
                               double[] c, int cOff, int r0, int r1, int jStart, int jEnd) {
        for (int r = r0; r < r1; r++) {
            int co = cOff + r * n;
            int ao = aOff + r * rs;
            for (int k = 0; k < inner; k++) {
                double ak = a[ao + k * cs];
                int bo = bOff + k * n;
                for (int j = jStart; j < jEnd; j++) {
                    c[co + j] = Math.fma(ak, b[bo + j], c[co + j]);
                }
            }
        }
    }

    private static void loadPanel(double[] b, int o, int n, int len, Scratch s) {
        for (int q = 0; q < KB; q++) {
            System.arraycopy(b, o + q * n, s.p[q], 0, len);
        }
    }

    private static void panelKb(double[] a, int aOff, int rs, int cs, int k, int n,
                               double[] c, int cBase, int r0, int r1, int len, Scratch sc) {
        double[] row = sc.row;
        for (int r = r0; r < r1; r++) {
            int ao = aOff + r * rs + k * cs;
            int co = cBase + r * n;
            System.arraycopy(c, co, row, 0, len);
            double[][] p = sc.p;
            for (int q = 0; q < KB; q += 4) {
                int o = ao + q * cs;
                fma4(row, len, a[o], p[q], a[o + cs], p[q + 1], a[o + 2 * cs], p[q + 2], a[o + 3 * cs], p[q + 3]);
            }
            System.arraycopy(row, 0, c, co, len);
        }
    }

    /** {@code row[j] = fma(a3, p3[j], fma(a2, p2[j], fma(a1, p1[j], fma(a0, p0[j], row[j]))))}. */
    private static void fma4(double[] row, int len, double a0, double[] p0, double a1, double[] p1,
                             double a2, double[] p2, double a3, double[] p3) {
        for (int j = 0; j < len; j++) {
            double s = row[j];
            s = Math.fma(a0, p0[j], s);
            s = Math.fma(a1, p1[j], s);
            s = Math.fma(a2, p2[j], s);
            s = Math.fma(a3, p3[j], s);
            row[j] = s;
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

    /**
     * Copies rows {@code [r0, r1)} of a row-major {@code ? x cols} matrix into the same columns of
     * its transpose, a row-major {@code cols x dstCols} matrix: {@code dst[c * dstCols + r] =
     * src[srcOff + r * cols + c]}.
     */
    public static void transposeRows(double[] src, int srcOff, int cols, int r0, int r1, double[] dst, int dstCols) {
        for (int c = 0; c < cols; c++) {
            int d = c * dstCols;
            for (int r = r0; r < r1; r++) {
                dst[d + r] = src[srcOff + r * cols + c];
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
