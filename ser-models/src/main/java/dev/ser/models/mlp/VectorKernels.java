package dev.ser.models.mlp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product of {@link Kernels#mulAdd} on the incubating Vector API: a register-blocked
 * micro-kernel that C2's auto-vectoriser cannot produce.
 *
 * <p>Only loaded when the JVM was started with {@code --add-modules jdk.incubator.vector}
 * ({@link Kernels} checks before the first reference); without it this class is never touched.
 *
 * <p>Shape: a block of eight output rows times three vectors of columns (24 doubles on AVX-512)
 * is held in 24 vector registers across the whole inner loop (AVX-512 has 32); each step loads
 * three vectors of one {@code B} row and broadcasts eight values of {@code A}, 24 fmas for eleven
 * loads. Every output element is therefore loaded and stored once per call (the scalar kernel
 * copies it once per 16-row panel) and {@code B} is read once per eight output rows. Eight rows
 * measured 1.3x faster than four (1.30 against 1.70 ms for the forward and gradient products of
 * one 256-row batch). Row and column leftovers use the same
 * loop with fewer rows or one vector; the last columns that do not fill a vector are computed as
 * one overlapping vector window (see {@link #tail}). Only the preferred species is used: one
 * vector shape keeps C2's type profiles of the Vector API's shared methods monomorphic (a second
 * shape for the tail made C2 fall back to boxed vectors, measured up to 20x slower).
 *
 * <p>Each block shape (8, 4 or 1 rows by 3 or 1 vectors) is its own method with its accumulators
 * as named locals, which is why the methods look alike: C2 keeps vectors in registers only when
 * their number is fixed in the code; an array of vectors or a loop over the block's rows would
 * make it allocate (box) them.
 *
 * <p>Arithmetic: each output element starts from its value in {@code c} and takes one fma per
 * inner index in ascending order, exactly as in the scalar kernel and in a naive
 * {@code c = Math.fma(a, b, c)} loop; lane-wise {@code fma} is the correctly rounded IEEE
 * fused multiply-add, so the results are bit-identical to the scalar path.
 */
final class VectorKernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorKernels() {
    }

    /**
     * Columns {@code [jStart, jEnd)} of rows {@code [r0, r1)}, added to {@code c}; see {@link Kernels#mulAdd}.
     * Needs {@code jEnd - jStart >= }{@link #L}; {@code tmp} holds at least {@code 8 L} doubles.
     */
    static void mulAdd(double[] a, int aOff, int rs, int cs, double[] b, int bOff, int inner, int n,
                       double[] c, int cOff, int r0, int r1, int jStart, int jEnd, double[] tmp) {
        int jTail = jStart + (jEnd - jStart) / L * L;
        if (jTail < jEnd) {
            // first, while every output is still at its initial value
            tail(a, aOff, rs, cs, b, bOff, inner, n, c, cOff, r0, r1, jTail, jEnd, tmp);
        }
        int j = jStart;
        // column strips outermost: one strip of B (inner x 3L doubles, 37 KiB for 193 x 24) stays in
        // L1 while every row block of the output streams past it
        for (; j + 3 * L <= jTail; j += 3 * L) {
            int r = r0;
            for (; r + 8 <= r1; r += 8) {
                block8x3(a, aOff + r * rs, rs, cs, b, bOff + j, inner, n, c, cOff + r * n + j);
            }
            for (; r + 4 <= r1; r += 4) {
                block4x3(a, aOff + r * rs, rs, cs, b, bOff + j, inner, n, c, cOff + r * n + j);
            }
            for (; r < r1; r++) {
                block1x3(a, aOff + r * rs, cs, b, bOff + j, inner, n, c, cOff + r * n + j);
            }
        }
        for (; j < jTail; j += L) {
            int r = r0;
            for (; r + 8 <= r1; r += 8) {
                block8x1(a, aOff + r * rs, rs, cs, b, bOff + j, inner, n, c, cOff + r * n + j, c, n);
            }
            for (; r + 4 <= r1; r += 4) {
                block4x1(a, aOff + r * rs, rs, cs, b, bOff + j, inner, n, c, cOff + r * n + j, c, n);
            }
            for (; r < r1; r++) {
                block1x1(a, aOff + r * rs, cs, b, bOff + j, inner, n, c, cOff + r * n + j, c);
            }
        }
    }

    /**
     * Columns {@code [jTail, jEnd)}, fewer than one vector. Computes the whole vector window
     * {@code [jEnd - L, jEnd)} from the initial outputs into {@code tmp} and keeps only the tail
     * lanes: every kept element still takes its full fma chain from its initial value, and the
     * window's other lanes (recomputed later by the main loop) are discarded. Masked loads would be
     * neater but Java 17's C2 does not intrinsify them (measured slower than the scalar kernel), and
     * a second vector shape would pollute the type profiles of the shared Vector API methods.
     */
    private static void tail(double[] a, int aOff, int rs, int cs, double[] b, int bOff, int inner, int n,
                             double[] c, int cOff, int r0, int r1, int jTail, int jEnd, double[] tmp) {
        int w = jEnd - L;
        int skip = jTail - w;
        int r = r0;
        for (; r + 8 <= r1; r += 8) {
            block8x1(a, aOff + r * rs, rs, cs, b, bOff + w, inner, n, c, cOff + r * n + w, tmp, L);
            for (int q = 0; q < 8; q++) {
                System.arraycopy(tmp, q * L + skip, c, cOff + (r + q) * n + jTail, jEnd - jTail);
            }
        }
        for (; r + 4 <= r1; r += 4) {
            block4x1(a, aOff + r * rs, rs, cs, b, bOff + w, inner, n, c, cOff + r * n + w, tmp, L);
            for (int q = 0; q < 4; q++) {
                System.arraycopy(tmp, q * L + skip, c, cOff + (r + q) * n + jTail, jEnd - jTail);
            }
        }
        for (; r < r1; r++) {
            block1x1(a, aOff + r * rs, cs, b, bOff + w, inner, n, c, cOff + r * n + w, tmp);
            System.arraycopy(tmp, skip, c, cOff + r * n + jTail, jEnd - jTail);
        }
    }

    /** Eight rows ({@code rs} apart in {@code a}, {@code n} apart in {@code c}) times 3L columns: 24 accumulators. */
    private static void block8x3(double[] a, int ao, int rs, int cs, double[] b, int bo, int inner, int n,
                                 double[] c, int co) {
        DoubleVector s00 = DoubleVector.fromArray(S, c, co);
        DoubleVector s01 = DoubleVector.fromArray(S, c, co + 1 * L);
        DoubleVector s02 = DoubleVector.fromArray(S, c, co + 2 * L);
        DoubleVector s10 = DoubleVector.fromArray(S, c, co + 1 * n);
        DoubleVector s11 = DoubleVector.fromArray(S, c, co + 1 * n + 1 * L);
        DoubleVector s12 = DoubleVector.fromArray(S, c, co + 1 * n + 2 * L);
        DoubleVector s20 = DoubleVector.fromArray(S, c, co + 2 * n);
        DoubleVector s21 = DoubleVector.fromArray(S, c, co + 2 * n + 1 * L);
        DoubleVector s22 = DoubleVector.fromArray(S, c, co + 2 * n + 2 * L);
        DoubleVector s30 = DoubleVector.fromArray(S, c, co + 3 * n);
        DoubleVector s31 = DoubleVector.fromArray(S, c, co + 3 * n + 1 * L);
        DoubleVector s32 = DoubleVector.fromArray(S, c, co + 3 * n + 2 * L);
        DoubleVector s40 = DoubleVector.fromArray(S, c, co + 4 * n);
        DoubleVector s41 = DoubleVector.fromArray(S, c, co + 4 * n + 1 * L);
        DoubleVector s42 = DoubleVector.fromArray(S, c, co + 4 * n + 2 * L);
        DoubleVector s50 = DoubleVector.fromArray(S, c, co + 5 * n);
        DoubleVector s51 = DoubleVector.fromArray(S, c, co + 5 * n + 1 * L);
        DoubleVector s52 = DoubleVector.fromArray(S, c, co + 5 * n + 2 * L);
        DoubleVector s60 = DoubleVector.fromArray(S, c, co + 6 * n);
        DoubleVector s61 = DoubleVector.fromArray(S, c, co + 6 * n + 1 * L);
        DoubleVector s62 = DoubleVector.fromArray(S, c, co + 6 * n + 2 * L);
        DoubleVector s70 = DoubleVector.fromArray(S, c, co + 7 * n);
        DoubleVector s71 = DoubleVector.fromArray(S, c, co + 7 * n + 1 * L);
        DoubleVector s72 = DoubleVector.fromArray(S, c, co + 7 * n + 2 * L);
        for (int k = 0; k < inner; k++) {
            int bk = bo + k * n;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bk);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bk + 1 * L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bk + 2 * L);
            int ak = ao + k * cs;
            DoubleVector x = DoubleVector.broadcast(S, a[ak]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            s02 = x.fma(b2, s02);
            x = DoubleVector.broadcast(S, a[ak + 1 * rs]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            s12 = x.fma(b2, s12);
            x = DoubleVector.broadcast(S, a[ak + 2 * rs]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            s22 = x.fma(b2, s22);
            x = DoubleVector.broadcast(S, a[ak + 3 * rs]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            s32 = x.fma(b2, s32);
            x = DoubleVector.broadcast(S, a[ak + 4 * rs]);
            s40 = x.fma(b0, s40);
            s41 = x.fma(b1, s41);
            s42 = x.fma(b2, s42);
            x = DoubleVector.broadcast(S, a[ak + 5 * rs]);
            s50 = x.fma(b0, s50);
            s51 = x.fma(b1, s51);
            s52 = x.fma(b2, s52);
            x = DoubleVector.broadcast(S, a[ak + 6 * rs]);
            s60 = x.fma(b0, s60);
            s61 = x.fma(b1, s61);
            s62 = x.fma(b2, s62);
            x = DoubleVector.broadcast(S, a[ak + 7 * rs]);
            s70 = x.fma(b0, s70);
            s71 = x.fma(b1, s71);
            s72 = x.fma(b2, s72);
        }
        s00.intoArray(c, co);
        s01.intoArray(c, co + 1 * L);
        s02.intoArray(c, co + 2 * L);
        s10.intoArray(c, co + 1 * n);
        s11.intoArray(c, co + 1 * n + 1 * L);
        s12.intoArray(c, co + 1 * n + 2 * L);
        s20.intoArray(c, co + 2 * n);
        s21.intoArray(c, co + 2 * n + 1 * L);
        s22.intoArray(c, co + 2 * n + 2 * L);
        s30.intoArray(c, co + 3 * n);
        s31.intoArray(c, co + 3 * n + 1 * L);
        s32.intoArray(c, co + 3 * n + 2 * L);
        s40.intoArray(c, co + 4 * n);
        s41.intoArray(c, co + 4 * n + 1 * L);
        s42.intoArray(c, co + 4 * n + 2 * L);
        s50.intoArray(c, co + 5 * n);
        s51.intoArray(c, co + 5 * n + 1 * L);
        s52.intoArray(c, co + 5 * n + 2 * L);
        s60.intoArray(c, co + 6 * n);
        s61.intoArray(c, co + 6 * n + 1 * L);
        s62.intoArray(c, co + 6 * n + 2 * L);
        s70.intoArray(c, co + 7 * n);
        s71.intoArray(c, co + 7 * n + 1 * L);
        s72.intoArray(c, co + 7 * n + 2 * L);
    }

    /** Four rows ({@code rs} apart in {@code a}, {@code n} apart in {@code c}) times 3L columns. */
    private static void block4x3(double[] a, int ao, int rs, int cs, double[] b, int bo, int inner, int n,
                                 double[] c, int co) {
        int c1 = co + n;
        int c2 = co + 2 * n;
        int c3 = co + 3 * n;
        DoubleVector s00 = DoubleVector.fromArray(S, c, co);
        DoubleVector s01 = DoubleVector.fromArray(S, c, co + L);
        DoubleVector s02 = DoubleVector.fromArray(S, c, co + 2 * L);
        DoubleVector s10 = DoubleVector.fromArray(S, c, c1);
        DoubleVector s11 = DoubleVector.fromArray(S, c, c1 + L);
        DoubleVector s12 = DoubleVector.fromArray(S, c, c1 + 2 * L);
        DoubleVector s20 = DoubleVector.fromArray(S, c, c2);
        DoubleVector s21 = DoubleVector.fromArray(S, c, c2 + L);
        DoubleVector s22 = DoubleVector.fromArray(S, c, c2 + 2 * L);
        DoubleVector s30 = DoubleVector.fromArray(S, c, c3);
        DoubleVector s31 = DoubleVector.fromArray(S, c, c3 + L);
        DoubleVector s32 = DoubleVector.fromArray(S, c, c3 + 2 * L);
        for (int k = 0; k < inner; k++) {
            int bk = bo + k * n;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bk);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bk + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bk + 2 * L);
            int ak = ao + k * cs;
            DoubleVector x = DoubleVector.broadcast(S, a[ak]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            s02 = x.fma(b2, s02);
            x = DoubleVector.broadcast(S, a[ak + rs]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            s12 = x.fma(b2, s12);
            x = DoubleVector.broadcast(S, a[ak + 2 * rs]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            s22 = x.fma(b2, s22);
            x = DoubleVector.broadcast(S, a[ak + 3 * rs]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            s32 = x.fma(b2, s32);
        }
        s00.intoArray(c, co);
        s01.intoArray(c, co + L);
        s02.intoArray(c, co + 2 * L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s12.intoArray(c, c1 + 2 * L);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + L);
        s22.intoArray(c, c2 + 2 * L);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + L);
        s32.intoArray(c, c3 + 2 * L);
    }

    /** One row times 3L columns. */
    private static void block1x3(double[] a, int ao, int cs, double[] b, int bo, int inner, int n,
                                 double[] c, int co) {
        DoubleVector s0 = DoubleVector.fromArray(S, c, co);
        DoubleVector s1 = DoubleVector.fromArray(S, c, co + L);
        DoubleVector s2 = DoubleVector.fromArray(S, c, co + 2 * L);
        for (int k = 0; k < inner; k++) {
            int bk = bo + k * n;
            DoubleVector x = DoubleVector.broadcast(S, a[ao + k * cs]);
            s0 = x.fma(DoubleVector.fromArray(S, b, bk), s0);
            s1 = x.fma(DoubleVector.fromArray(S, b, bk + L), s1);
            s2 = x.fma(DoubleVector.fromArray(S, b, bk + 2 * L), s2);
        }
        s0.intoArray(c, co);
        s1.intoArray(c, co + L);
        s2.intoArray(c, co + 2 * L);
    }

    /**
     * Eight rows times one vector of columns, read from {@code c} and written to {@code dst} ({@code c}
     * itself with {@code dn = n}, or a scratch block with {@code dn = L}): eight independent fma chains,
     * where four would leave the fma unit waiting on its own latency.
     */
    private static void block8x1(double[] a, int ao, int rs, int cs, double[] b, int bo, int inner, int n,
                                 double[] c, int co, double[] dst, int dn) {
        DoubleVector s0 = DoubleVector.fromArray(S, c, co);
        DoubleVector s1 = DoubleVector.fromArray(S, c, co + 1 * n);
        DoubleVector s2 = DoubleVector.fromArray(S, c, co + 2 * n);
        DoubleVector s3 = DoubleVector.fromArray(S, c, co + 3 * n);
        DoubleVector s4 = DoubleVector.fromArray(S, c, co + 4 * n);
        DoubleVector s5 = DoubleVector.fromArray(S, c, co + 5 * n);
        DoubleVector s6 = DoubleVector.fromArray(S, c, co + 6 * n);
        DoubleVector s7 = DoubleVector.fromArray(S, c, co + 7 * n);
        for (int k = 0; k < inner; k++) {
            DoubleVector bv = DoubleVector.fromArray(S, b, bo + k * n);
            int ak = ao + k * cs;
            s0 = DoubleVector.broadcast(S, a[ak]).fma(bv, s0);
            s1 = DoubleVector.broadcast(S, a[ak + 1 * rs]).fma(bv, s1);
            s2 = DoubleVector.broadcast(S, a[ak + 2 * rs]).fma(bv, s2);
            s3 = DoubleVector.broadcast(S, a[ak + 3 * rs]).fma(bv, s3);
            s4 = DoubleVector.broadcast(S, a[ak + 4 * rs]).fma(bv, s4);
            s5 = DoubleVector.broadcast(S, a[ak + 5 * rs]).fma(bv, s5);
            s6 = DoubleVector.broadcast(S, a[ak + 6 * rs]).fma(bv, s6);
            s7 = DoubleVector.broadcast(S, a[ak + 7 * rs]).fma(bv, s7);
        }
        int d0 = dst == c ? co : 0;
        s0.intoArray(dst, d0);
        s1.intoArray(dst, d0 + 1 * dn);
        s2.intoArray(dst, d0 + 2 * dn);
        s3.intoArray(dst, d0 + 3 * dn);
        s4.intoArray(dst, d0 + 4 * dn);
        s5.intoArray(dst, d0 + 5 * dn);
        s6.intoArray(dst, d0 + 6 * dn);
        s7.intoArray(dst, d0 + 7 * dn);
    }

    /**
     * Four rows times one vector of columns, read from {@code c} and written to {@code dst}: to
     * {@code c} itself ({@code dn = n}) or to a scratch block of rows {@code dn = L} apart.
     */
    private static void block4x1(double[] a, int ao, int rs, int cs, double[] b, int bo, int inner, int n,
                                 double[] c, int co, double[] dst, int dn) {
        DoubleVector s0 = DoubleVector.fromArray(S, c, co);
        DoubleVector s1 = DoubleVector.fromArray(S, c, co + n);
        DoubleVector s2 = DoubleVector.fromArray(S, c, co + 2 * n);
        DoubleVector s3 = DoubleVector.fromArray(S, c, co + 3 * n);
        for (int k = 0; k < inner; k++) {
            DoubleVector bv = DoubleVector.fromArray(S, b, bo + k * n);
            int ak = ao + k * cs;
            s0 = DoubleVector.broadcast(S, a[ak]).fma(bv, s0);
            s1 = DoubleVector.broadcast(S, a[ak + rs]).fma(bv, s1);
            s2 = DoubleVector.broadcast(S, a[ak + 2 * rs]).fma(bv, s2);
            s3 = DoubleVector.broadcast(S, a[ak + 3 * rs]).fma(bv, s3);
        }
        int d0 = dst == c ? co : 0;
        s0.intoArray(dst, d0);
        s1.intoArray(dst, d0 + dn);
        s2.intoArray(dst, d0 + 2 * dn);
        s3.intoArray(dst, d0 + 3 * dn);
    }

    /** One row times one vector of columns, read from {@code c}, written to {@code c} or to {@code dst[0, L)}. */
    private static void block1x1(double[] a, int ao, int cs, double[] b, int bo, int inner, int n,
                                 double[] c, int co, double[] dst) {
        DoubleVector s = DoubleVector.fromArray(S, c, co);
        for (int k = 0; k < inner; k++) {
            s = DoubleVector.broadcast(S, a[ao + k * cs]).fma(DoubleVector.fromArray(S, b, bo + k * n), s);
        }
        s.intoArray(dst, dst == c ? co : 0);
    }

}
