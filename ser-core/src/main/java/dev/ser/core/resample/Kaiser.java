package dev.ser.core.resample;

/**
 * The Kaiser window and the modified Bessel function of the first kind of order zero that
 * defines it.
 *
 * <p>The window is {@code w[n] = I0(beta * sqrt(1 - (2n/(M-1) - 1)^2)) / I0(beta)}, symmetric,
 * the same values as {@code scipy.signal.windows.kaiser(M, beta, sym=True)}.
 */
public final class Kaiser {
    /** Above this argument {@code I0} overflows a double. */
    private static final double MAX_ARGUMENT = 713.0;
    /** {@code 1 / k^2}: a multiplication per series term instead of a division. */
    private static final double[] INVERSE_SQUARES = new double[1000];

    static {
        for (int k = 1; k < INVERSE_SQUARES.length; k++) {
            INVERSE_SQUARES[k] = 1.0 / ((double) k * k);
        }
    }

    private Kaiser() {
    }

    /**
     * The modified Bessel function {@code I0(x)}, accurate to a few ulps for {@code |x| <= 713}.
     *
     * <p>Evaluated by its power series {@code sum_k ((x/2)^k / k!)^2}: every term is positive, so
     * the sum has no cancellation and its relative error stays at the rounding of each term,
     * unlike polynomial approximations whose error is about 1e-7.
     *
     * @param x the argument
     * @return {@code I0(x)}, {@code +Infinity} beyond the double range
     */
    public static double besselI0(double x) {
        double ax = Math.abs(x);
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (ax > MAX_ARGUMENT) {
            return Double.POSITIVE_INFINITY;
        }
        double half = 0.5 * ax;
        double halfSquared = half * half;
        double term = 1.0;
        double sum = 1.0;
        // Terms grow until k ~ x/2 and then fall faster than geometrically; stop once a term no
        // longer changes the sum.
        for (int k = 1; k < INVERSE_SQUARES.length; k++) {
            term *= halfSquared * INVERSE_SQUARES[k];
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return sum;
    }

    /**
     * The symmetric Kaiser window of {@code m} points.
     *
     * @param m    number of points, at least 1
     * @param beta shape parameter (0 gives a rectangle; 5 is scipy's resample_poly default)
     * @return the window, peak 1 at the centre
     */
    public static double[] window(int m, double beta) {
        if (m < 1) {
            throw new IllegalArgumentException("Kaiser window length must be positive, got " + m);
        }
        double[] w = new double[m];
        if (m == 1) {
            w[0] = 1.0;
            return w;
        }
        double alpha = 0.5 * (m - 1);
        double norm = besselI0(beta);
        // symmetric: evaluate the first half and mirror it
        for (int n = 0; n < (m + 1) / 2; n++) {
            double r = (n - alpha) / alpha;
            w[n] = besselI0(beta * Math.sqrt(Math.max(0.0, 1.0 - r * r))) / norm;
            w[m - 1 - n] = w[n];
        }
        return w;
    }

    /**
     * The Kaiser window as a continuous function of {@code r in [-1, 1]} (0 outside).
     *
     * @param r    position relative to the half-length
     * @param beta shape parameter
     * @param norm {@code besselI0(beta)}, passed in so that callers evaluate it once
     */
    static double at(double r, double beta, double norm) {
        double s = 1.0 - r * r;
        return s <= 0.0 ? (s == 0.0 ? 1.0 / norm : 0.0) : besselI0(beta * Math.sqrt(s)) / norm;
    }
}
