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
 * <p>Blocking: the inner dimension is consumed sixteen rows of {@code B} at a time, copied into a
 * scratch panel (16 x 304 doubles, 38 KiB, stays in the 48 KiB L1), and each output row segment is
 * copied into a scratch row once per panel. The copies of the output row cost about as much as
 * the products of eight panel rows (they come from L2), hence sixteen: measured 15% faster than
 * eight; {@link #JB} keeps the buffer inside L1 and holds a 300-unit layer in one block.
 *
 * <p>Row and panel live in ONE array at offsets that are compile-time constants and multiples of
 * 64 bytes: C2 can then prove the loads and the store do not overlap
 * (with run-time offsets it cannot, and does not vectorise), and when its pre-loop aligns the store
 * every load is aligned too. With separate arrays each load would sit at its own heap alignment
 * and most 64-byte AVX-512 loads would straddle two cache lines: the single array measured 1.4-1.7x
 * faster. Each inner loop handles four rows of the panel: with eight streams the loop body exceeds
 * C2's default unrolling budget ({@code LoopUnrollLimit}) and is no longer vectorised (measured
 * about 4x slower). The four loops differ only in their constant offsets, which must be literal
 * in each loop for C2 to see them, hence four methods rather than one with a parameter.
 * Narrow outputs (fewer than {@link #NARROW} columns) skip the copies, which would cost more than
 * they save; callers with a narrow output and a wide inner dimension (the softmax layer) do better
 * computing the transposed product.
 *
 * <p>Vector API: when the JVM runs with {@code --add-modules jdk.incubator.vector}, outputs of at
 * least {@link #NARROW} columns go to {@link VectorKernels} instead, a register-blocked kernel with
 * the same arithmetic (one fma per inner index in ascending order from the initial value), so its
 * results are bit-identical to this path. The system property {@code dev.ser.mlp.vector=false}
 * keeps the scalar path even with the module. Without the module {@code VectorKernels} is never
 * loaded, so the library runs on any Java 17.
 */
public final class Kernels {

    /** Rows of {@code B} per panel. */
    static final int KB = 16;
    /**
     * Columns of output per block: a multiple of 16 doubles so the vector loops have no scalar
     * tail, small enough that the {@code (KB + 1) x JB} buffer (41.3 KiB) stays in L1.
     */
    static final int JB = 304;
    /** Outputs narrower than this use the direct loop. */
    static final int NARROW = 32;

    /**
     * Whether {@link #mulAdd} uses {@link VectorKernels}: decided once, before any reference to
     * that class can load it (and with it the incubator module's classes).
     */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && Boolean.parseBoolean(System.getProperty("dev.ser.mlp.vector", "true"));

    private Kernels() {
    }

    /** Which matrix kernel {@link #mulAdd} uses in this JVM, for benchmark reports. */
    public static String kernelName() {
        return VECTOR ? "vector-api (jdk.incubator.vector)" : "scalar (C2 auto-vectorised)";
    }

    /** Columns per strip of {@link #transposeRows}: one cache line of doubles. */
    private static final int TRANSPOSE_STRIP = 8;
    /** Offset of panel rows 0, 4, 8 and 12 in {@link Scratch}'s buffer; the output row is at 0. */
    private static final int P0 = JB;
    private static final int P4 = 5 * JB;
    private static final int P8 = 9 * JB;
    private static final int P12 = 13 * JB;

    /** Per-thread scratch space of {@link #mulAdd}; about 41 KiB. Not thread-safe. */
    public static final class Scratch {
        /** The output row segment at {@code [0, JB)}, then panel row {@code q} at {@code (q + 1) * JB}. */
        final double[] buf = new double[(KB + 1) * JB];
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
        if (VECTOR && jEnd - jStart >= NARROW) {
            zeroUnlessAccumulating(c, cOff, n, r0, r1, jStart, jEnd, accumulate);
            VectorKernels.mulAdd(a, aOff, aRowStride, aColStride, b, bOff, inner, n, c, cOff, r0, r1, jStart, jEnd,
                    s.buf);
            return;
        }
        mulAddScalar(a, aOff, aRowStride, aColStride, b, bOff, inner, n, c, cOff, r0, r1, jStart, jEnd,
                accumulate, s);
    }

    private static void zeroUnlessAccumulating(double[] c, int cOff, int n, int r0, int r1, int jStart, int jEnd,
                                               boolean accumulate) {
        if (!accumulate) {
            for (int r = r0; r < r1; r++) {
                Arrays.fill(c, cOff + r * n + jStart, cOff + r * n + jEnd, 0.0);
            }
        }
    }

    /** The auto-vectorised path of {@link #mulAdd}, whatever {@link #VECTOR} says (tests compare both). */
    static void mulAddScalar(double[] a, int aOff, int aRowStride, int aColStride,
                             double[] b, int bOff, int inner, int n, double[] c, int cOff, int r0, int r1,
                             int jStart, int jEnd, boolean accumulate, Scratch s) {
        zeroUnlessAccumulating(c, cOff, n, r0, r1, jStart, jEnd, accumulate);
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
            System.arraycopy(b, o + q * n, s.buf, (q + 1) * JB, len);
        }
    }

    private static void panelKb(double[] a, int aOff, int rs, int cs, int k, int n,
                               double[] c, int cBase, int r0, int r1, int len, Scratch sc) {
        double[] buf = sc.buf;
        for (int r = r0; r < r1; r++) {
            int o = aOff + r * rs + k * cs;
            int co = cBase + r * n;
            System.arraycopy(c, co, buf, 0, len);
            fmaRows0(buf, len, a[o], a[o + cs], a[o + 2 * cs], a[o + 3 * cs]);
            fmaRows4(buf, len, a[o + 4 * cs], a[o + 5 * cs], a[o + 6 * cs], a[o + 7 * cs]);
            fmaRows8(buf, len, a[o + 8 * cs], a[o + 9 * cs], a[o + 10 * cs], a[o + 11 * cs]);
            fmaRows12(buf, len, a[o + 12 * cs], a[o + 13 * cs], a[o + 14 * cs], a[o + 15 * cs]);
            System.arraycopy(buf, 0, c, co, len);
        }
    }

    /** Output row {@code += a0 p0 + a1 p1 + a2 p2 + a3 p3} over panel rows 0-3, one fma each, in that order. */
    private static void fmaRows0(double[] buf, int len, double a0, double a1, double a2, double a3) {
        for (int j = 0; j < len; j++) {
            double s = buf[j];
            s = Math.fma(a0, buf[P0 + j], s);
            s = Math.fma(a1, buf[P0 + JB + j], s);
            s = Math.fma(a2, buf[P0 + 2 * JB + j], s);
            s = Math.fma(a3, buf[P0 + 3 * JB + j], s);
            buf[j] = s;
        }
    }

    /** As {@link #fmaRows0} over panel rows 4-7. */
    private static void fmaRows4(double[] buf, int len, double a0, double a1, double a2, double a3) {
        for (int j = 0; j < len; j++) {
            double s = buf[j];
            s = Math.fma(a0, buf[P4 + j], s);
            s = Math.fma(a1, buf[P4 + JB + j], s);
            s = Math.fma(a2, buf[P4 + 2 * JB + j], s);
            s = Math.fma(a3, buf[P4 + 3 * JB + j], s);
            buf[j] = s;
        }
    }

    /** As {@link #fmaRows0} over panel rows 8-11. */
    private static void fmaRows8(double[] buf, int len, double a0, double a1, double a2, double a3) {
        for (int j = 0; j < len; j++) {
            double s = buf[j];
            s = Math.fma(a0, buf[P8 + j], s);
            s = Math.fma(a1, buf[P8 + JB + j], s);
            s = Math.fma(a2, buf[P8 + 2 * JB + j], s);
            s = Math.fma(a3, buf[P8 + 3 * JB + j], s);
            buf[j] = s;
        }
    }

    /** As {@link #fmaRows0} over panel rows 12-15. */
    private static void fmaRows12(double[] buf, int len, double a0, double a1, double a2, double a3) {
        for (int j = 0; j < len; j++) {
            double s = buf[j];
            s = Math.fma(a0, buf[P12 + j], s);
            s = Math.fma(a1, buf[P12 + JB + j], s);
            s = Math.fma(a2, buf[P12 + 2 * JB + j], s);
            s = Math.fma(a3, buf[P12 + 3 * JB + j], s);
            buf[j] = s;
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
        // strips of a few columns: each source row is read a cache line at a time and the strip's
        // destination rows are written in order, instead of one strided pass over the source per column
        for (int c0 = 0; c0 < cols; c0 += TRANSPOSE_STRIP) {
            int c1 = Math.min(cols, c0 + TRANSPOSE_STRIP);
            for (int r = r0; r < r1; r++) {
                int so = srcOff + r * cols;
                for (int c = c0; c < c1; c++) {
                    dst[c * dstCols + r] = src[so + c];
                }
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
