package dev.ser.core.dsp;

/**
 * Discrete cosine transforms of types 1, 2 and 3 along the feature axis (the rows) of a matrix,
 * as {@code scipy.fftpack.dct(X, type, axis=-2, norm)} in librosa's orientation, keeping the first
 * {@code nOut} coefficients.
 *
 * <p>For input length {@code N} and coefficient {@code k}, with {@code norm=None}:
 * <ul>
 *   <li>type 1 ({@code N >= 2}): {@code y[k] = x[0] + (-1)^k x[N-1] + 2 Σ_{n=1}^{N-2} x[n] cos(π k n / (N-1))};</li>
 *   <li>type 2: {@code y[k] = 2 Σ_n x[n] cos(π k (2n+1) / (2N))};</li>
 *   <li>type 3: {@code y[k] = x[0] + 2 Σ_{n>=1} x[n] cos(π (2k+1) n / (2N))}.</li>
 * </ul>
 * With {@code norm='ortho'} each is scaled to an orthonormal basis as scipy does (type 1: the
 * end samples and end coefficients weighted by √2 and 1/√2 and everything by {@code 1/√(2(N-1))};
 * type 2: {@code √(1/(4N))} for {@code k = 0}, {@code √(1/(2N))} otherwise; type 3: its transpose).
 *
 * <p>The transform is a precomputed {@code nOut x N} basis applied as a matrix product whose inner
 * loop runs over contiguous frame rows; for MFCC sizes (N = 40..128) that beats an FFT-based DCT
 * and is accurate to a few ulps. Immutable and thread-safe.
 */
public final class Dct {
    private final int type;
    private final DctNorm norm;
    private final int n;
    private final Matrix basis;

    private Dct(int type, DctNorm norm, int n, Matrix basis) {
        this.type = type;
        this.norm = norm;
        this.n = n;
        this.basis = basis;
    }

    /**
     * A transform of {@code type} (1, 2 or 3) for inputs of length {@code n}, keeping the first
     * {@code nOut} coefficients ({@code 1 <= nOut <= n}).
     */
    public static Dct of(int type, DctNorm norm, int n, int nOut) {
        if (type < 1 || type > 3) {
            throw new SpectralParameterException("DCT type must be 1, 2 or 3, got " + type);
        }
        if (norm == null) {
            throw new NullPointerException("norm (use DctNorm.NONE for norm=None)");
        }
        if (n < 1 || (type == 1 && n < 2)) {
            throw new SpectralParameterException("DCT-" + type + " input length must be at least "
                    + (type == 1 ? 2 : 1) + ", got " + n);
        }
        if (nOut < 1 || nOut > n) {
            throw new SpectralParameterException("number of DCT coefficients must be in [1, " + n + "], got " + nOut);
        }
        Matrix basis = new Matrix(nOut, n);
        for (int k = 0; k < nOut; k++) {
            for (int j = 0; j < n; j++) {
                basis.set(k, j, coefficient(type, norm, n, k, j));
            }
        }
        return new Dct(type, norm, n, basis);
    }

    /** The full transform ({@code nOut = n}). */
    public static Dct of(int type, DctNorm norm, int n) {
        return of(type, norm, n, n);
    }

    /** One-off {@code scipy.fftpack.dct(x, type, axis=-2, norm)} of every column of {@code x}. */
    public static Matrix transform(Matrix x, int type, DctNorm norm) {
        return of(type, norm, x.rows()).apply(x);
    }

    /** Basis entry: weight of input sample {@code j} in coefficient {@code k}. */
    private static double coefficient(int type, DctNorm norm, int n, int k, int j) {
        boolean ortho = norm == DctNorm.ORTHO;
        switch (type) {
            case 1: {
                int period = 2 * (n - 1); // cos(π k j / (n-1)) has period 2(n-1) in k*j
                boolean end = j == 0 || j == n - 1;
                double w = end ? cosPi((long) k * j % period, n - 1) : 2.0 * cosPi((long) k * j % period, n - 1);
                if (ortho) {
                    w *= end ? Math.sqrt(2.0) : 1.0;
                    w *= (k == 0 || k == n - 1 ? Math.sqrt(0.5) : 1.0) / Math.sqrt(2.0 * (n - 1));
                }
                return w;
            }
            case 2: {
                double w = 2.0 * cosPi((long) k * (2L * j + 1) % (4L * n), 2 * n);
                if (ortho) {
                    w *= k == 0 ? Math.sqrt(1.0 / (4.0 * n)) : Math.sqrt(1.0 / (2.0 * n));
                }
                return w;
            }
            default: {
                if (j == 0) {
                    return ortho ? 1.0 / Math.sqrt(n) : 1.0;
                }
                double c = cosPi((2L * k + 1) * j % (4L * n), 2 * n);
                return ortho ? Math.sqrt(2.0 / n) * c : 2.0 * c;
            }
        }
    }

    /**
     * {@code cos(π * num / den)} for {@code 0 <= num < 2 den}, with the argument kept small
     * (integer reduction first) so that each basis entry is accurate to an ulp.
     */
    private static double cosPi(long num, long den) {
        return Math.cos(Math.PI * num / den);
    }

    /**
     * The first {@code nOut} DCT coefficients of every column of {@code x} ({@code n} rows): an
     * {@code nOut x x.cols()} matrix.
     */
    public Matrix apply(Matrix x) {
        if (x.rows() != n) {
            throw new SpectralParameterException("DCT expects " + n + " rows (features), got " + x);
        }
        int frames = x.cols();
        int nOut = basis.rows();
        double[] b = basis.data();
        double[] in = x.data();
        // out row k = sum_j w_kj * x row j, four rows of x per pass (one load and store of the
        // output per four products). Groups of x rows outside, coefficients inside: the four rows
        // stay in L1 while every coefficient takes them. Rows are separate arrays indexed alike
        // so that C2 vectorises the passes (see RowKernels); each coefficient still adds its
        // terms in order of j, so the sums are those of the plain row-by-row product.
        double[][] acc = new double[nOut][frames];
        double[][] group = new double[4][frames];
        int n4 = n - n % 4;
        for (int j = 0; j < n4; j += 4) {
            for (int r = 0; r < 4; r++) {
                RowKernels.copyRow(in, frames, j + r, group[r]);
            }
            for (int k = 0; k < nOut; k++) {
                int w = k * n + j;
                RowKernels.addWeighted4(acc[k], group[0], group[1], group[2], group[3],
                        b[w], b[w + 1], b[w + 2], b[w + 3], frames);
            }
        }
        for (int j = n4; j < n; j++) {
            RowKernels.copyRow(in, frames, j, group[0]);
            for (int k = 0; k < nOut; k++) {
                RowKernels.addWeighted(acc[k], group[0], b[k * n + j], frames);
            }
        }
        Matrix out = new Matrix(nOut, frames);
        RowKernels.storeRows(acc, frames, out.data());
        return out;
    }

    /** The transform of one vector of length {@link #inputLength()}. */
    public double[] apply(double[] x) {
        return apply(new Matrix(x.length, 1, x.clone())).data();
    }

    /** The {@code nOut x n} basis (a copy): {@code apply(x) = basis · x}. */
    public Matrix basis() {
        return basis.copy();
    }

    public int type() {
        return type;
    }

    public DctNorm norm() {
        return norm;
    }

    public int inputLength() {
        return n;
    }

    public int outputLength() {
        return basis.rows();
    }
}
