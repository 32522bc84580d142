package dev.ser.core.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Integer decimation by fast convolution ({@link FftDecimation}) against the direct sum it
 * replaces ({@link PolyphaseKernel#applyDirect}), on the HIGH_QUALITY filters (about 400 taps
 * for 2:1, about 200 per stream and factor): every output within
 * {@value #TOLERANCE} of {@code sum|h| * max|x|}, the bound on any output's magnitude. Measured
 * differences are about 1e-15 of it, the rounding of a few hundred additions either way.
 */
class FftDecimationPropertiesTest {
    private static final double TOLERANCE = 1e-13;

    @Property(tries = 60)
    void fastEqualsDirectForEveryBlockLength(@ForAll @IntRange(min = 2, max = 5) int factor,
                                             @ForAll @IntRange(min = 0, max = 6000) int inputLength,
                                             @ForAll @DoubleRange(min = -3, max = 3) double logScale,
                                             @ForAll long seed) {
        PolyphaseKernel kernel = highQuality(factor);
        FftDecimation fast = fastOf(kernel);
        double[] x = noise(inputLength, Math.pow(10, logScale), seed);
        int outputs = kernel.naturalLength(inputLength);
        double[] direct = kernel.applyDirect(x, outputs);
        double bound = TOLERANCE * l1(kernel) * maxAbs(x);
        int tried = 0;
        for (int e = 0; e <= 12; e++) {
            if (Double.isInfinite(fast.cost(outputs, e))) {
                continue;                    // block too short for the filter
            }
            assertWithin(direct, fast.apply(x, outputs, e), bound, factor + ":1, n=" + inputLength + ", 2^" + e);
            tried++;
        }
        assertTrue(tried > 0, "some block length holds the filter");
    }

    @Property(tries = 60)
    void resamplerMatchesDirectSumAtAnyLength(@ForAll @IntRange(min = 2, max = 4) int factor,
                                              @ForAll @IntRange(min = 0, max = 20000) int inputLength,
                                              @ForAll long seed) {
        // whichever path apply() picks, including lengths shorter than the filter
        PolyphaseKernel kernel = highQuality(factor);
        double[] x = noise(inputLength, 0.5, seed);
        int outputs = kernel.naturalLength(inputLength);
        assertWithin(kernel.applyDirect(x, outputs), kernel.apply(x, outputs), TOLERANCE * l1(kernel) * maxAbs(x),
                factor + ":1, n=" + inputLength);
    }

    @Example
    void fastPathRunsForLongSignalsAndDirectForShortOnes() {
        PolyphaseKernel kernel = highQuality(2);
        FftDecimation fast = fastOf(kernel);
        int e = fast.blockExponent(29600);
        assertTrue(e >= 9 && e <= 12, "a block of 2^" + e + " outputs for a 3.7 s clip at 16 kHz");
        assertTrue(2 * fast.cost(29600, e) < 29600.0 * kernel.taps(), "several times less work than the direct sum");
        assertEquals(-1, new FftDecimation(new double[10_000], 2, 0).blockExponent(100), "no block holds 5000 taps");
    }

    private static PolyphaseKernel highQuality(int factor) {
        return (PolyphaseKernel) Resampler.kernel(factor, 1, ResampleMode.HIGH_QUALITY);
    }

    /** A fast path over the same taps as the kernel's direct one. */
    private static FftDecimation fastOf(PolyphaseKernel kernel) {
        double[] h = kernel.row(0);
        return new FftDecimation(h, kernel.down(), kernel.lead());
    }

    private static double l1(PolyphaseKernel kernel) {
        double s = 0;
        for (double v : kernel.row(0)) {
            s += Math.abs(v);
        }
        return s;
    }

    private static double[] noise(int n, double scale, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * random.nextGaussian();
        }
        return x;
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static void assertWithin(double[] expected, double[] actual, double bound, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        double w = worst;
        assertTrue(worst <= bound, () -> String.format(Locale.ROOT, "%s: worst difference %.3e, bound %.3e", what, w, bound));
    }
}
