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
 * <p>Blocking: the inner dimension is consumed {@link #KB} rows of {@code B} at a time, copied
 * into a scratch panel that stays in L1, and output rows are copied into scratch rows two at a
 * time, once per panel. The innermost loop updates both output rows with three panel rows: six
 * fused multiply-adds per five loads and two stores, against four per five loads and one store
 * for one row and four panel rows (measured 1.25x faster); two rows and four panel rows no longer
 * fit C2's default unrolling budget ({@code LoopUnrollLimit}) and are not vectorised at all
 * (measured 4x slower). A partial panel is padded with zero rows whose factors are {@code -0.0}:
 * {@code fma(-0.0, 0.0, s) == s} exactly for every {@code s}, signed zeros included.
 *
 * <p>Output rows and panel live in ONE array at offsets that are compile-time constants and
 * multiples of 64 bytes: C2 then proves the loads and stores do not overlap (with run-time
 * offsets it cannot, and leaves the loop scalar), and once its pre-loop aligns one store every
 * access is aligned. With separate arrays each would sit at its own heap alignment and most 64-byte
 * AVX-512 accesses would straddle two cache lines: the single array measured 1.4-1.7x faster. The
 * offsets must be literal in each loop for C2 to see them, hence one method per group of panel
 * rows rather than one method with an offset parameter.
 *
 * <p>Narrow outputs (fewer than {@link #NARROW} columns) skip the copies, which would cost more
 * than they save; callers with a narrow output and a wide inner dimension (the softmax layer) do
 * better computing the transposed product.
 */
public final class Kernels {

    /** Rows of {@code B} per panel: five groups of three. */
    static final int KB = 15;
    /**
     * Columns of output per block: a multiple of 16 doubles so the vector loops have no scalar
     * tail, small enough that the {@code (KB + 2) x JB} buffer (41.3 KiB) stays in the 48 KiB L1,
     * large enough to hold a 300-unit layer in one block.
     */
    static final int JB = 304;
    /** Outputs narrower than this use the direct loop. */
    static final int NARROW = 32;
    /** Columns per strip of {@link #transposeRows}: one cache line of doubles. */
    private static final int TRANSPOSE_STRIP = 8;

    /** Offsets in {@link Scratch#buf}: output rows at 0 and {@code JB}, panel row {@code q} at {@code P0 + q * JB}. */
    private static final int ROW1 = JB;
    private static final int P0 = 2 * JB;
    private static final int P3 = P0 + 3 * JB;
    private static final int P6 = P0 + 6 * JB;
    private static final int P9 = P0 + 9 * JB;
    private static final int P12 = P0 + 12 * JB;

    private Kernels() {
    }

    /** Per-thread scratch space of {@link #mulAdd}; about 42 KiB. Not thread-safe. */
    public static final class Scratch {
        /** Two output row segments, then the panel; see the offsets above. */
        final double[] buf = new double[(KB + 2) * JB];
        /** The panel's factors for the two output rows: {@code A(r, k + q)} at {@code q}, {@code A(r + 1, k + q)} at {@code KB + q}. */
        final double[] factors = new double[2 * KB];
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
            for (int k = 0; k < inner; k += KB) {
                int rows = Math.min(KB, inner - k);
                loadPanel(b, bOff + k * n + j0, n, len, rows, s);
                Panel p = new Panel(a, aOff, aRowStride, aColStride, k, rows);
                applyPanel(p, c, cOff + j0, n, r0, r1, len, s);
            }
        }
    }

    /** Where the factors of one panel come from: {@code A(r, k + q)} for {@code q < rows}. */
    private record Panel(double[] a, int aOff, int rs, int cs, int k, int rows) {
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

    /** Copies {@code rows} rows of {@code B} into the panel and zeroes the padding of the last group. */
    private static void loadPanel(double[] b, int o, int n, int len, int rows, Scratch s) {
        for (int q = 0; q < rows; q++) {
            System.arraycopy(b, o + q * n, s.buf, P0 + q * JB, len);
        }
        for (int q = rows; q < groups(rows) * 3; q++) {
            Arrays.fill(s.buf, P0 + q * JB, P0 + q * JB + len, 0.0);
        }
    }

    private static int groups(int rows) {
        return (rows + 2) / 3;
    }

    /** Output rows {@code [r0, r1)} += the panel's products, two rows at a time. */
    private static void applyPanel(Panel p, double[] c, int cBase, int n, int r0, int r1, int len, Scratch s) {
        double[] buf = s.buf;
        int groups = groups(p.rows());
        for (int r = r0; r < r1; r += 2) {
            // an odd last row pairs with a dummy second row whose result is dropped
            boolean pair = r + 1 < r1;
            loadFactors(p, r, s.factors, 0);
            System.arraycopy(c, cBase + r * n, buf, 0, len);
            if (pair) {
                loadFactors(p, r + 1, s.factors, KB);
                System.arraycopy(c, cBase + (r + 1) * n, buf, ROW1, len);
            }
            runGroups(buf, len, groups, s.factors);
            System.arraycopy(buf, 0, c, cBase + r * n, len);
            if (pair) {
                System.arraycopy(buf, ROW1, c, cBase + (r + 1) * n, len);
            }
        }
    }

    /** {@code f[at + q] = A(r, k + q)} for the panel's rows, {@code -0.0} for the padding. */
    private static void loadFactors(Panel p, int r, double[] f, int at) {
        int o = p.aOff() + r * p.rs() + p.k() * p.cs();
        int q = 0;
        for (; q < p.rows(); q++) {
            f[at + q] = p.a()[o + q * p.cs()];
        }
        for (; q < KB; q++) {
            f[at + q] = -0.0;
        }
    }

    private static void runGroups(double[] buf, int len, int groups, double[] f) {
        pair0(buf, len, f[0], f[1], f[2], f[KB], f[KB + 1], f[KB + 2]);
        if (groups > 1) {
            pair3(buf, len, f[3], f[4], f[5], f[KB + 3], f[KB + 4], f[KB + 5]);
        }
        if (groups > 2) {
            pair6(buf, len, f[6], f[7], f[8], f[KB + 6], f[KB + 7], f[KB + 8]);
        }
        if (groups > 3) {
            pair9(buf, len, f[9], f[10], f[11], f[KB + 9], f[KB + 10], f[KB + 11]);
        }
        if (groups > 4) {
            pair12(buf, len, f[12], f[13], f[14], f[KB + 12], f[KB + 13], f[KB + 14]);
        }
    }

    /**
     * Both output rows += their factors times panel rows 0-2: {@code row0 = fma(a2, p2, fma(a1, p1,
     * fma(a0, p0, row0)))}, the same for {@code row1} with {@code b0..b2}.
     */
    private static void pair0(double[] buf, int len, double a0, double a1, double a2,
                              double b0, double b1, double b2) {
        for (int j = 0; j < len; j++) {
            double x0 = buf[P0 + j];
            double x1 = buf[P0 + JB + j];
            double x2 = buf[P0 + 2 * JB + j];
            buf[j] = Math.fma(a2, x2, Math.fma(a1, x1, Math.fma(a0, x0, buf[j])));
            buf[ROW1 + j] = Math.fma(b2, x2, Math.fma(b1, x1, Math.fma(b0, x0, buf[ROW1 + j])));
        }
    }

    /** As {@link #pair0} with panel rows 3-5. */
    private static void pair3(double[] buf, int len, double a0, double a1, double a2,
                              double b0, double b1, double b2) {
        for (int j = 0; j < len; j++) {
            double x0 = buf[P3 + j];
            double x1 = buf[P3 + JB + j];
            double x2 = buf[P3 + 2 * JB + j];
            buf[j] = Math.fma(a2, x2, Math.fma(a1, x1, Math.fma(a0, x0, buf[j])));
            buf[ROW1 + j] = Math.fma(b2, x2, Math.fma(b1, x1, Math.fma(b0, x0, buf[ROW1 + j])));
        }
    }

    /** As {@link #pair0} with panel rows 6-8. */
    private static void pair6(double[] buf, int len, double a0, double a1, double a2,
                              double b0, double b1, double b2) {
        for (int j = 0; j < len; j++) {
            double x0 = buf[P6 + j];
            double x1 = buf[P6 + JB + j];
            double x2 = buf[P6 + 2 * JB + j];
            buf[j] = Math.fma(a2, x2, Math.fma(a1, x1, Math.fma(a0, x0, buf[j])));
            buf[ROW1 + j] = Math.fma(b2, x2, Math.fma(b1, x1, Math.fma(b0, x0, buf[ROW1 + j])));
        }
    }

    /** As {@link #pair0} with panel rows 9-11. */
    private static void pair9(double[] buf, int len, double a0, double a1, double a2,
                              double b0, double b1, double b2) {
        for (int j = 0; j < len; j++) {
            double x0 = buf[P9 + j];
            double x1 = buf[P9 + JB + j];
            double x2 = buf[P9 + 2 * JB + j];
            buf[j] = Math.fma(a2, x2, Math.fma(a1, x1, Math.fma(a0, x0, buf[j])));
            buf[ROW1 + j] = Math.fma(b2, x2, Math.fma(b1, x1, Math.fma(b0, x0, buf[ROW1 + j])));
        }
    }

    /** As {@link #pair0} with panel rows 12-14. */
    private static void pair12(double[] buf, int len, double a0, double a1, double a2,
                              double b0, double b1, double b2) {
        for (int j = 0; j < len; j++) {
            double x0 = buf[P12 + j];
            double x1 = buf[P12 + JB + j];
            double x2 = buf[P12 + 2 * JB + j];
            buf[j] = Math.fma(a2, x2, Math.fma(a1, x1, Math.fma(a0, x0, buf[j])));
            buf[ROW1 + j] = Math.fma(b2, x2, Math.fma(b1, x1, Math.fma(b0, x0, buf[ROW1 + j])));
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
