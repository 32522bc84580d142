package dev.ser.core.dsp;

/**
 * Wiener-style soft masks, as {@code librosa.util.softmask(X, X_ref, power, split_zeros)}.
 *
 * <p>For non-negative {@code x} and {@code ref}, with {@code z = max(x, ref)}:
 * <ul>
 *   <li>finite {@code power}: {@code (x/z)^p / ((x/z)^p + (ref/z)^p)}, the rescaling by {@code z}
 *       keeping large powers from overflowing;</li>
 *   <li>infinite {@code power}: the hard mask {@code x > ref ? 1 : 0};</li>
 *   <li>where {@code z} is below the smallest normal double (both inputs are zero, in effect) a
 *       finite-power mask is {@code 0.5} when {@code splitZeros} is set and {@code 0} otherwise.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class SoftMask {
    /** {@code np.finfo(np.float64).tiny}: the smallest positive normal double. */
    static final double TINY = Double.MIN_NORMAL;

    private SoftMask() {
    }

    /**
     * The mask of {@code x} against {@code ref}.
     *
     * @param x          non-negative values the mask selects
     * @param ref        non-negative competing values, same shape
     * @param power      exponent, strictly positive; {@code Double.POSITIVE_INFINITY} for a hard mask
     * @param splitZeros whether cells where both inputs vanish get 0.5 instead of 0
     * @return a new matrix with values in {@code [0, 1]}
     * @throws IllegalArgumentException on a shape mismatch, a negative or NaN input, or a power that
     *                                  is not strictly positive
     */
    public static Matrix compute(Matrix x, Matrix ref, double power, boolean splitZeros) {
        if (x.rows() != ref.rows() || x.cols() != ref.cols()) {
            throw new IllegalArgumentException("softmask inputs differ in shape: " + x + " vs " + ref);
        }
        checkPower(power);
        checkNonNegative(x.data(), "X");
        checkNonNegative(ref.data(), "X_ref");
        Matrix out = new Matrix(x.rows(), x.cols());
        fill(x.data(), ref.data(), 1.0, power, splitZeros, out.data());
        return out;
    }

    /** The mask value for one cell; inputs are assumed non-negative and power validated. */
    public static double value(double x, double ref, double power, boolean splitZeros) {
        double z = Math.max(x, ref);
        if (Double.isInfinite(power)) {
            return x > ref ? 1.0 : 0.0;
        }
        if (z < TINY) {
            return splitZeros ? 0.5 : 0.0;
        }
        double m;
        double r;
        if (power == 2.0) {
            double a = x / z;
            double b = ref / z;
            m = a * a;
            r = b * b;
        } else if (power == 1.0) {
            m = x / z;
            r = ref / z;
        } else {
            m = Math.pow(x / z, power);
            r = Math.pow(ref / z, power);
        }
        return m / (m + r);
    }

    /**
     * Writes {@code value(x[i], ref[i] * refScale, ...)} into {@code out[i]} for every index. The
     * reference is scaled on the fly (HPSS's margin) so no scaled copy is allocated.
     */
    static void fill(double[] x, double[] ref, double refScale, double power, boolean splitZeros,
                     double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = value(x[i], ref[i] * refScale, power, splitZeros);
        }
    }

    static void checkPower(double power) {
        if (!(power > 0)) {
            throw new IllegalArgumentException("softmask power must be strictly positive, got " + power);
        }
    }

    static void checkNonNegative(double[] a, String name) {
        for (double v : a) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException(name + " must be non-negative (and not NaN), found " + v);
            }
        }
    }
}
