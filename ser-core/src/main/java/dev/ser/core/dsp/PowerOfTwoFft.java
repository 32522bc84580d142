package dev.ser.core.dsp;

/**
 * An in-place complex FFT of a power-of-two size on split arrays (real parts in one array,
 * imaginary parts in another), computing {@code Z[k] = sum_n z[n] exp(-2 pi i k n / size)}.
 *
 * <p>Decimation in frequency: every stage combines points a fixed distance apart inside blocks
 * that halve (radix 2) or quarter (radix 4) from one stage to the next, so the result comes out
 * in bit-reversed order: {@code Z[k]} lands at index {@link #bitReversed(int) bitReversed(k)}.
 * The callers (the real-FFT pre- and post-processing passes) read or write through that table
 * anyway, so no separate reordering pass is spent.
 *
 * <p>Radix-4 stages are two radix-2 stages fused (three complex multiplications per four points
 * instead of four, and half the passes over the data); one leading radix-2 stage handles odd
 * powers of two. The twiddle factors of each stage are precomputed, each directly from
 * {@code cos}/{@code sin} (no recurrence, so no accumulated rounding), into contiguous per-stage
 * tables: the inner loop of a stage then walks five arrays with unit stride and no branches,
 * which is the shape C2's auto-vectoriser turns into SIMD code. Immutable after construction
 * and safe to share; the arrays passed in are the only state touched.
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

    /** The transform length. */
    int size() {
        return size;
    }

    /** Where {@code Z[k]} sits after {@link #transform}: {@code k} with its bits reversed. */
    int bitReversed(int k) {
        return bitReversal[k];
    }

    /** The whole bit-reversal table (read-only), for callers that loop over it. */
    int[] bitReversalTable() {
        return bitReversal;
    }

    /** Transforms the first {@link #size()} entries of {@code re}/{@code im} in place (bit-reversed output). */
    void transform(double[] re, double[] im) {
        int block = size;
        if (leadingRadix2) {
            radix2Stage(re, im);
            block /= 2;
        }
        for (int s = 0; block >= 4; s++, block /= 4) {
            if (block == 4) {
                lastRadix4Stage(re, im);
            } else {
                radix4Stage(re, im, block / 4, s);
            }
        }
    }

    /** {@code x[j] + x[j + h]} and {@code (x[j] - x[j + h]) W^j} over the single block of the whole array. */
    private void radix2Stage(double[] re, double[] im) {
        int h = size / 2;
        double[] wr = radix2Re;
        double[] wi = radix2Im;
        for (int j = 0; j < h; j++) {
            double ar = re[j];
            double ai = im[j];
            double br = re[j + h];
            double bi = im[j + h];
            double dr = ar - br;
            double di = ai - bi;
            re[j] = ar + br;
            im[j] = ai + bi;
            re[j + h] = dr * wr[j] - di * wi[j];
            im[j + h] = dr * wi[j] + di * wr[j];
        }
    }

    /**
     * One radix-4 stage over blocks of {@code 4m}. With {@code a0..a3} the points {@code m} apart
     * and {@code w = W_{4m}^j}, the two fused radix-2 stages give
     * {@code y0 = (a0 + a2) + (a1 + a3)}, {@code y1 = ((a0 + a2) - (a1 + a3)) w^2},
     * {@code y2 = ((a0 - a2) - i (a1 - a3)) w}, {@code y3 = ((a0 - a2) + i (a1 - a3)) w^3}.
     * The inner loop runs over {@code j} so that every access has unit stride.
     */
    private void radix4Stage(double[] re, double[] im, int m, int stage) {
        double[] w1r = w1Re[stage];
        double[] w1i = w1Im[stage];
        double[] w2r = w2Re[stage];
        double[] w2i = w2Im[stage];
        double[] w3r = w3Re[stage];
        double[] w3i = w3Im[stage];
        for (int b = 0; b < size; b += 4 * m) {
            int p0 = b;
            int p1 = b + m;
            int p2 = b + 2 * m;
            int p3 = b + 3 * m;
            for (int j = 0; j < m; j++) {
                double a0r = re[p0 + j];
                double a0i = im[p0 + j];
                double a1r = re[p1 + j];
                double a1i = im[p1 + j];
                double a2r = re[p2 + j];
                double a2i = im[p2 + j];
                double a3r = re[p3 + j];
                double a3i = im[p3 + j];
                double s02r = a0r + a2r;
                double s02i = a0i + a2i;
                double d02r = a0r - a2r;
                double d02i = a0i - a2i;
                double s13r = a1r + a3r;
                double s13i = a1i + a3i;
                double d13r = a1r - a3r;
                double d13i = a1i - a3i;
                re[p0 + j] = s02r + s13r;
                im[p0 + j] = s02i + s13i;
                double tr = s02r - s13r;
                double ti = s02i - s13i;
                re[p1 + j] = tr * w2r[j] - ti * w2i[j];
                im[p1 + j] = tr * w2i[j] + ti * w2r[j];
                double ur = d02r + d13i; // (a0 - a2) - i (a1 - a3)
                double ui = d02i - d13r;
                re[p2 + j] = ur * w1r[j] - ui * w1i[j];
                im[p2 + j] = ur * w1i[j] + ui * w1r[j];
                double vr = d02r - d13i; // (a0 - a2) + i (a1 - a3)
                double vi = d02i + d13r;
                re[p3 + j] = vr * w3r[j] - vi * w3i[j];
                im[p3 + j] = vr * w3i[j] + vi * w3r[j];
            }
        }
    }

    /** The radix-4 stage over blocks of four, where every twiddle is 1: additions only. */
    private void lastRadix4Stage(double[] re, double[] im) {
        for (int b = 0; b < size; b += 4) {
            double a0r = re[b];
            double a0i = im[b];
            double a1r = re[b + 1];
            double a1i = im[b + 1];
            double a2r = re[b + 2];
            double a2i = im[b + 2];
            double a3r = re[b + 3];
            double a3i = im[b + 3];
            double s02r = a0r + a2r;
            double s02i = a0i + a2i;
            double d02r = a0r - a2r;
            double d02i = a0i - a2i;
            double s13r = a1r + a3r;
            double s13i = a1i + a3i;
            double d13r = a1r - a3r;
            double d13i = a1i - a3i;
            re[b] = s02r + s13r;
            im[b] = s02i + s13i;
            re[b + 1] = s02r - s13r;
            im[b + 1] = s02i - s13i;
            re[b + 2] = d02r + d13i;
            im[b + 2] = d02i - d13r;
            re[b + 3] = d02r - d13i;
            im[b + 3] = d02i + d13r;
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
