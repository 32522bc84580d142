package dev.ser.core.dsp;

/**
 * In-place complex FFTs of a power-of-two size, computing {@code Z[k] = sum_n z[n] exp(-2 pi i k n
 * / size)} for a batch of sequences stored point-major: point {@code p} of sequence {@code f} is
 * {@code re[p][f]}, {@code im[p][f]} (one array per point, or "row").
 *
 * <p>Why rows: C2 (JDK 17) only vectorises loops whose array accesses all use the same index. A
 * single sequence's butterflies combine points of one array at run-time distances and stay
 * scalar; across sequences every butterfly is a loop over the sequence index on a few distinct
 * row arrays with the twiddle as a scalar, which vectorises.
 *
 * <p>Decimation in frequency: every stage combines points a fixed distance apart inside blocks
 * that halve (radix 2) or quarter (radix 4) from one stage to the next, so the result comes out
 * in bit-reversed order: {@code Z[k]} lands in row {@code bitReversalTable()[k]}. The callers' twiddle
 * passes read and write through that table, so no reordering pass is spent (with rows, reordering
 * would only permute references anyway). Radix-4 stages are two radix-2 stages fused (three
 * complex multiplications per four points instead of four); one leading radix-2 stage handles odd
 * powers of two. The twiddles of each stage are precomputed, each directly from
 * {@code cos}/{@code sin} (no recurrence, so no accumulated rounding). Immutable after
 * construction and safe to share; the arrays passed in are the only state touched.
 */
final class PowerOfTwoFft {
    private final int size;
    /** Whether the first stage is radix 2 ({@code log2(size)} odd). */
    private final boolean leadingRadix2;
    /** The leading radix-2 stage's twiddles {@code W_size^j}, {@code j < size / 2}. */
    private final double[] radix2Re;
    private final double[] radix2Im;
    /**
     * Per radix-4 stage with quarter-block {@code m > 1}: twiddles {@code W_{4m}^j}, {@code ^2j},
     * {@code ^3j} for {@code j < m}. The last stage ({@code m = 1}) needs none.
     */
    private final double[][] w1Re;
    private final double[][] w1Im;
    private final double[][] w2Re;
    private final double[][] w2Im;
    private final double[][] w3Re;
    private final double[][] w3Im;
    private final int[] bitReversal;

    PowerOfTwoFft(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two, got " + size);
        }
        this.size = size;
        int log2 = Integer.numberOfTrailingZeros(size);
        this.leadingRadix2 = log2 % 2 == 1;
        int half = leadingRadix2 ? size / 2 : 0;
        this.radix2Re = new double[half];
        this.radix2Im = new double[half];
        for (int j = 0; j < half; j++) {
            radix2Re[j] = twiddleRe(j, size);
            radix2Im[j] = twiddleIm(j, size);
        }
        int stages = log2 / 2;
        w1Re = new double[stages][];
        w1Im = new double[stages][];
        w2Re = new double[stages][];
        w2Im = new double[stages][];
        w3Re = new double[stages][];
        w3Im = new double[stages][];
        int block = leadingRadix2 ? size / 2 : size;
        for (int s = 0; s < stages; s++, block /= 4) {
            int m = block / 4;
            w1Re[s] = new double[m];
            w1Im[s] = new double[m];
            w2Re[s] = new double[m];
            w2Im[s] = new double[m];
            w3Re[s] = new double[m];
            w3Im[s] = new double[m];
            for (int j = 0; j < m; j++) {
                w1Re[s][j] = twiddleRe(j, block);
                w1Im[s][j] = twiddleIm(j, block);
                w2Re[s][j] = twiddleRe(2 * j, block);
                w2Im[s][j] = twiddleIm(2 * j, block);
                w3Re[s][j] = twiddleRe(3 * j, block);
                w3Im[s][j] = twiddleIm(3 * j, block);
            }
        }
        this.bitReversal = bitReversalTable(size, log2);
    }

    /** The whole bit-reversal table (read-only), for callers that loop over it. */
    int[] bitReversalTable() {
        return bitReversal;
    }

    /**
     * Transforms the first {@code count} sequences of the rows in place (bit-reversed row order),
     * row {@code p} taken times {@code scaleRe[p]} (real parts) and {@code scaleIm[p]} (imaginary
     * parts): the STFT's window, applied by the first stage as it loads the rows rather than by a
     * pass of its own. Scales of 1 leave the input exactly as it is.
     */
    void transformRows(double[][] re, double[][] im, int count, double[] scaleRe, double[] scaleIm) {
        if (leadingRadix2) {
            int h = size / 2;
            for (int j = 0; j < h; j++) {
                scaleRows(re[j], im[j], re[j + h], im[j + h], scaleRe[j], scaleIm[j], scaleRe[j + h],
                        scaleIm[j + h], count);
                radix2Rows(re[j], im[j], re[j + h], im[j + h], radix2Re[j], radix2Im[j], count);
            }
            radix4Rows(re, im, count, 0, h, 0);
            radix4Rows(re, im, count, h, h, 0);
        } else if (size >= 4) {
            firstRadix4Stage(re, im, count, scaleRe, scaleIm);
        } else {
            scaleRows(re[0], im[0], re[0], im[0], scaleRe[0], scaleIm[0], 1.0, 1.0, count);
        }
    }

    /** The first radix-4 stage (one block of all rows), scaling its inputs, then the rest depth first. */
    private void firstRadix4Stage(double[][] re, double[][] im, int count, double[] scaleRe, double[] scaleIm) {
        int m = size / 4;
        for (int j = 0; j < m; j++) {
            int p0 = j;
            int p1 = j + m;
            int p2 = j + 2 * m;
            int p3 = j + 3 * m;
            scaledSumAndDifference(re[p0], im[p0], re[p2], im[p2], scaleRe[p0], scaleIm[p0], scaleRe[p2],
                    scaleIm[p2], count);
            scaledSumAndDifference(re[p1], im[p1], re[p3], im[p3], scaleRe[p1], scaleIm[p1], scaleRe[p3],
                    scaleIm[p3], count);
            radix2Rows(re[p0], im[p0], re[p1], im[p1], w2Re[0][j], w2Im[0][j], count);
            rotatePair(re[p2], im[p2], re[p3], im[p3], w1Re[0][j], w1Im[0][j], w3Re[0][j], w3Im[0][j], count);
        }
        for (int q = 0; q < 4; q++) {
            radix4Rows(re, im, count, q * m, m, 1);
        }
    }

    /** {@code (a, b) <- (a, b)} scaled part by part (used where a stage has no sum to fold it into). */
    private static void scaleRows(double[] ar, double[] ai, double[] br, double[] bi, double sar, double sai,
                                  double sbr, double sbi, int count) {
        for (int f = 0; f < count; f++) {
            ar[f] *= sar;
            ai[f] *= sai;
            br[f] *= sbr;
            bi[f] *= sbi;
        }
    }

    /** {@code (a, b) <- (sa a + sb b, sa a - sb b)} with the scales applied to each part separately. */
    private static void scaledSumAndDifference(double[] ar, double[] ai, double[] br, double[] bi, double sar,
                                               double sai, double sbr, double sbi, int count) {
        for (int f = 0; f < count; f++) {
            double xr = ar[f] * sar;
            double xi = ai[f] * sai;
            double yr = br[f] * sbr;
            double yi = bi[f] * sbi;
            ar[f] = xr + yr;
            ai[f] = xi + yi;
            br[f] = xr - yr;
            bi[f] = xi - yi;
        }
    }

    /**
     * The radix-4 stages of the rows {@code base .. base + block}, depth first: one stage over the
     * block, then each quarter to the end before the next, so that once a quarter fits in cache it
     * stays there for all its remaining stages (instead of every stage sweeping all rows).
     */
    private void radix4Rows(double[][] re, double[][] im, int count, int base, int block, int stage) {
        if (block < 4) {
            return;
        }
        int m = block / 4;
        for (int j = 0; j < m; j++) {
            int p = base + j;
            if (m == 1) {
                radix4Rows(re[p], im[p], re[p + 1], im[p + 1], re[p + 2], im[p + 2], re[p + 3], im[p + 3], count);
            } else {
                radix4Rows(re[p], im[p], re[p + m], im[p + m], re[p + 2 * m], im[p + 2 * m],
                        re[p + 3 * m], im[p + 3 * m], count, w1Re[stage][j], w1Im[stage][j], w2Re[stage][j],
                        w2Im[stage][j], w3Re[stage][j], w3Im[stage][j]);
            }
        }
        for (int q = 0; q < 4; q++) {
            radix4Rows(re, im, count, base + q * m, m, stage + 1);
        }
    }

    /** One radix-2 butterfly across {@code count} sequences: {@code (a + b, (a - b) w)}. */
    private static void radix2Rows(double[] ar, double[] ai, double[] br, double[] bi, double wr, double wi,
                                   int count) {
        for (int f = 0; f < count; f++) {
            double xr = ar[f];
            double xi = ai[f];
            double yr = br[f];
            double yi = bi[f];
            double dr = xr - yr;
            double di = xi - yi;
            ar[f] = xr + yr;
            ai[f] = xi + yi;
            br[f] = dr * wr - di * wi;
            bi[f] = dr * wi + di * wr;
        }
    }

    /**
     * One radix-4 butterfly across {@code count} sequences. With {@code a0..a3} the points {@code m}
     * apart in a block of {@code 4m} and {@code w = W_{4m}^j}, the two fused radix-2 stages give
     * {@code y0 = (a0 + a2) + (a1 + a3)}, {@code y1 = ((a0 + a2) - (a1 + a3)) w^2},
     * {@code y2 = ((a0 - a2) - i (a1 - a3)) w}, {@code y3 = ((a0 - a2) + i (a1 - a3)) w^3}. As four short
     * loops over the same four rows rather than one: C2 does not unroll a loop body as large as the
     * whole butterfly far enough to vectorise it, while each of these small ones vectorises. The
     * rows stay in L1 between the loops.
     */
    private static void radix4Rows(double[] x0r, double[] x0i, double[] x1r, double[] x1i, double[] x2r,
                                   double[] x2i, double[] x3r, double[] x3i, int count, double w1r, double w1i,
                                   double w2r, double w2i, double w3r, double w3i) {
        sumAndDifference(x0r, x0i, x2r, x2i, count);              // x0 = a0 + a2, x2 = a0 - a2
        sumAndDifference(x1r, x1i, x3r, x3i, count);              // x1 = a1 + a3, x3 = a1 - a3
        radix2Rows(x0r, x0i, x1r, x1i, w2r, w2i, count);          // y0, y1
        rotatePair(x2r, x2i, x3r, x3i, w1r, w1i, w3r, w3i, count); // y2, y3
    }

    /** The twiddle-free radix-4 butterfly of the last stage across {@code count} sequences. */
    private static void radix4Rows(double[] x0r, double[] x0i, double[] x1r, double[] x1i, double[] x2r,
                                   double[] x2i, double[] x3r, double[] x3i, int count) {
        sumAndDifference(x0r, x0i, x2r, x2i, count);
        sumAndDifference(x1r, x1i, x3r, x3i, count);
        sumAndDifference(x0r, x0i, x1r, x1i, count);
        timesMinusAndPlusI(x2r, x2i, x3r, x3i, count);
    }

    /** {@code (u, v) <- (u - i v, u + i v)}: {@link #rotatePair} with unit twiddles, additions only. */
    private static void timesMinusAndPlusI(double[] ur, double[] ui, double[] vr, double[] vi, int count) {
        for (int f = 0; f < count; f++) {
            double a = ur[f];
            double b = ui[f];
            double c = vr[f];
            double d = vi[f];
            ur[f] = a + d;
            ui[f] = b - c;
            vr[f] = a - d;
            vi[f] = b + c;
        }
    }

    /** {@code (a, b) <- (a + b, a - b)}. */
    private static void sumAndDifference(double[] ar, double[] ai, double[] br, double[] bi, int count) {
        for (int f = 0; f < count; f++) {
            double xr = ar[f];
            double xi = ai[f];
            double yr = br[f];
            double yi = bi[f];
            ar[f] = xr + yr;
            ai[f] = xi + yi;
            br[f] = xr - yr;
            bi[f] = xi - yi;
        }
    }

    /** {@code (u, v) <- ((u - i v) w1, (u + i v) w3)}: the odd outputs of a radix-4 butterfly. */
    private static void rotatePair(double[] ur, double[] ui, double[] vr, double[] vi, double w1r, double w1i,
                                   double w3r, double w3i, int count) {
        for (int f = 0; f < count; f++) {
            double a = ur[f];
            double b = ui[f];
            double c = vr[f];
            double d = vi[f];
            double pr = a + d;
            double pi = b - c;
            double qr = a - d;
            double qi = b + c;
            ur[f] = pr * w1r - pi * w1i;
            ui[f] = pr * w1i + pi * w1r;
            vr[f] = qr * w3r - qi * w3i;
            vi[f] = qr * w3i + qi * w3r;
        }
    }

    /** {@code Re exp(-2 pi i k / n)}. */
    static double twiddleRe(int k, int n) {
        return Math.cos(2 * Math.PI * k / n);
    }

    /** {@code Im exp(-2 pi i k / n)}. */
    static double twiddleIm(int k, int n) {
        return -Math.sin(2 * Math.PI * k / n);
    }

    private static int[] bitReversalTable(int size, int log2) {
        int[] table = new int[size];
        for (int k = 0; k < size; k++) {
            table[k] = log2 == 0 ? 0 : Integer.reverse(k) >>> (32 - log2);
        }
        return table;
    }
}
