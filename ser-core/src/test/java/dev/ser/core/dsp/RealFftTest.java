package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RealFft} against a direct O(N^2) DFT in double precision, plus the algebraic properties
 * of the DFT on random inputs. The direct transforms here are also the reference of
 * {@link FrameBatchFftTest}.
 */
class RealFftTest {
    /** Relative to the largest bin (or sample): a double FFT's rounding is ~1e-15. */
    private static final double TOL = 1e-12;

    static IntStream sizes() {
        IntStream powers = IntStream.rangeClosed(0, 13).map(p -> 1 << p);
        return IntStream.concat(powers, IntStream.of(3, 5, 6, 7, 12, 15, 100, 255, 300, 400, 1000, 1536));
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sizes")
    void forwardMatchesTheDirectDft(int n) {
        double[] x = noise(n, 17L * n + 1);
        RealFft fft = RealFft.forSize(n);
        double[] re = new double[fft.bins()];
        double[] im = new double[fft.bins()];
        fft.forward(x, 0, re, im);
        double[][] expected = directDft(x);
        double scale = maxAbs(expected[0], expected[1]);
        for (int k = 0; k < fft.bins(); k++) {
            assertEquals(expected[0][k], re[k], TOL * scale, "Re X[" + k + "] of n = " + n);
            assertEquals(expected[1][k], im[k], TOL * scale, "Im X[" + k + "] of n = " + n);
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sizes")
    void inverseMatchesTheDirectInverseDft(int n) {
        Random random = new Random(31L * n);
        int bins = n / 2 + 1;
        double[] re = new double[bins];
        double[] im = new double[bins];
        for (int k = 0; k < bins; k++) {
            re[k] = random.nextGaussian();
            im[k] = random.nextGaussian(); // DC's and Nyquist's must be ignored, as numpy does
        }
        double[] out = new double[n + 3];
        RealFft.forSize(n).inverse(re, im, out, 3);
        double[] expected = directInverse(re, im, n);
        double scale = maxAbs(expected, expected);
        for (int j = 0; j < n; j++) {
            assertEquals(expected[j], out[3 + j], TOL * scale, "x[" + j + "] of n = " + n);
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sizes")
    void packedLayoutAgreesWithForward(int n) {
        double[] frame = noise(n, n);
        RealFft fft = RealFft.forSize(n);
        double[] re = new double[fft.bins()];
        double[] im = new double[fft.bins()];
        fft.forward(frame, 0, re, im);
        double[] packed = frame.clone();
        fft.forwardInPlace(packed);
        for (int k = 0; k < fft.bins(); k++) {
            assertEquals(re[k], fft.re(packed, k), 0.0);
            assertEquals(im[k], fft.im(packed, k), 0.0);
        }
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.of(1, 2, 4, 8, 16, 64, 256, 512, 1024, 2048, 4096, 6, 9, 100, 300, 1000);
    }

    @Property(tries = 80)
    void inverseUndoesForward(@ForAll("lengths") int n, @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        double[] x = noise(n, seed);
        double[] y = roundTrip(x);
        double scale = maxAbs(x, x);
        for (int i = 0; i < n; i++) {
            assertEquals(x[i], y[i], TOL * scale);
        }
    }

    /** Parseval: {@code sum x^2 = (|X0|^2 + 2 sum_{0<k<n/2} |Xk|^2 + |X_{n/2}|^2) / n}. */
    @Property(tries = 80)
    void parseval(@ForAll("lengths") int n, @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        double[] x = noise(n, seed);
        double[][] spectrum = forward(x);
        double time = 0;
        for (double v : x) {
            time += v * v;
        }
        double freq = 0;
        for (int k = 0; k < spectrum[0].length; k++) {
            double p = spectrum[0][k] * spectrum[0][k] + spectrum[1][k] * spectrum[1][k];
            boolean unpaired = k == 0 || (n % 2 == 0 && k == n / 2);
            freq += unpaired ? p : 2 * p;
        }
        assertEquals(time, freq / n, TOL * time);
    }

    @Property(tries = 60)
    void linearity(@ForAll("lengths") int n, @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        double[] x = noise(n, seed);
        double[] y = noise(n, seed + 1);
        double a = 0.75;
        double b = -2.5;
        double[] combined = new double[n];
        for (int i = 0; i < n; i++) {
            combined[i] = a * x[i] + b * y[i];
        }
        double[][] fx = forward(x);
        double[][] fy = forward(y);
        double[][] fc = forward(combined);
        double scale = maxAbs(fc[0], fc[1]) + 1;
        for (int part = 0; part < 2; part++) {
            for (int k = 0; k < fc[part].length; k++) {
                assertEquals(a * fx[part][k] + b * fy[part][k], fc[part][k], TOL * scale);
            }
        }
    }

    /**
     * Real input has a Hermitian spectrum: the full DFT's bin {@code n-k} is the conjugate of bin
     * {@code k}. The rfft layout keeps only {@code k <= n/2}, so check it through the time reversal
     * {@code x[-j mod n]}, whose spectrum is {@code X[n-k] = conj X[k]}; DC and Nyquist are real.
     */
    @Property(tries = 60)
    void realInputGivesAHermitianSpectrum(@ForAll("lengths") int n,
                                          @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        double[] x = noise(n, seed);
        double[] reversed = new double[n];
        for (int j = 0; j < n; j++) {
            reversed[j] = x[(n - j) % n];
        }
        double[][] fx = forward(x);
        double[][] fr = forward(reversed);
        double scale = maxAbs(fx[0], fx[1]);
        for (int k = 0; k < fx[0].length; k++) {
            assertEquals(fx[0][k], fr[0][k], TOL * scale);
            assertEquals(-fx[1][k], fr[1][k], TOL * scale);
        }
        assertEquals(0.0, fx[1][0], 0.0);
        if (n % 2 == 0) {
            assertEquals(0.0, fx[1][n / 2], 0.0);
        }
    }

    @Property(tries = 20)
    void plansAreCachedPerThread(@ForAll("lengths") int n) {
        assertTrue(RealFft.forSize(n) == RealFft.forSize(n));
    }

    private static double[][] forward(double[] x) {
        RealFft fft = RealFft.forSize(x.length);
        double[] re = new double[fft.bins()];
        double[] im = new double[fft.bins()];
        fft.forward(x, 0, re, im);
        return new double[][] {re, im};
    }

    private static double[] roundTrip(double[] x) {
        double[][] spectrum = forward(x);
        double[] y = new double[x.length];
        RealFft.forSize(x.length).inverse(spectrum[0], spectrum[1], y, 0);
        return y;
    }

    /** {@code X[k] = sum_j x[j] exp(-2 pi i k j / n)}, angles reduced exactly with {@code k j mod n}. */
    static double[][] directDft(double[] x) {
        int n = x.length;
        int bins = n / 2 + 1;
        double[][] out = new double[2][bins];
        for (int k = 0; k < bins; k++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                double angle = 2 * Math.PI * (int) ((long) k * j % n) / n;
                re += x[j] * Math.cos(angle);
                im -= x[j] * Math.sin(angle);
            }
            out[0][k] = re;
            out[1][k] = im;
        }
        return out;
    }

    /** numpy's {@code irfft(X, n)}: Hermitian extension, DC and Nyquist imaginary parts dropped. */
    static double[] directInverse(double[] re, double[] im, int n) {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            double sum = re[0];
            for (int k = 1; k < re.length; k++) {
                double angle = 2 * Math.PI * (int) ((long) k * j % n) / n;
                double term = re[k] * Math.cos(angle) - im[k] * Math.sin(angle);
                boolean nyquist = n % 2 == 0 && k == n / 2;
                sum += nyquist ? re[k] * Math.cos(angle) : 2 * term;
            }
            x[j] = sum / n;
        }
        return x;
    }

    static double maxAbs(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.max(Math.abs(a[i]), Math.abs(b[i])));
        }
        return max;
    }

    static double[] noise(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }
}
