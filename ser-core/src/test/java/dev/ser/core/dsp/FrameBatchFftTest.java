package dev.ser.core.dsp;

import static dev.ser.core.dsp.RealFftTest.directDft;
import static dev.ser.core.dsp.RealFftTest.directInverse;
import static dev.ser.core.dsp.RealFftTest.maxAbs;
import static dev.ser.core.dsp.RealFftTest.noise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FrameBatchFft} (our own power-of-two real FFT, batched over frames) against a direct
 * O(N^2) DFT in double precision for every power of two up to 8192, against {@link RealFft}
 * (JTransforms) on random frames, and the algebraic properties of the DFT.
 */
class FrameBatchFftTest {
    /** Relative to the largest bin (or sample): a double FFT's rounding is ~1e-15. */
    private static final double TOL = 1e-12;

    static IntStream powersOfTwo() {
        return IntStream.rangeClosed(1, 13).map(p -> 1 << p);
    }

    /** A few frames (hop n/4 + 1, so frames overlap at odd offsets) of random signal and window. */
    private record Framed(double[] signal, int hop, double[] window, int count) {
        double[] frame(int f) {
            double[] x = new double[window.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = signal[f * hop + i] * window[i];
            }
            return x;
        }

        static Framed random(int n, int count, long seed) {
            int hop = n / 4 + 1;
            return new Framed(noise(n + hop * (count - 1), seed), hop, noise(n, seed + 1), count);
        }
    }

    private static double[][][] forward(Framed framed) {
        int n = framed.window().length;
        FrameBatchFft fft = FrameBatchFft.forSize(n);
        fft.forward(new FrameGrid(framed.signal(), framed.hop()), 0, framed.window(), framed.count());
        double[][][] spectra = new double[framed.count()][2][n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            for (int f = 0; f < framed.count(); f++) {
                spectra[f][0][k] = fft.binRe(k)[f];
                spectra[f][1][k] = fft.binIm(k)[f];
            }
        }
        return spectra;
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("powersOfTwo")
    void forwardMatchesTheDirectDft(int n) {
        Framed framed = Framed.random(n, 3, n);
        double[][][] spectra = forward(framed);
        for (int f = 0; f < framed.count(); f++) {
            double[][] expected = directDft(framed.frame(f));
            double scale = maxAbs(expected[0], expected[1]);
            for (int k = 0; k <= n / 2; k++) {
                assertEquals(expected[0][k], spectra[f][0][k], TOL * scale, "Re X[" + k + "] of frame " + f);
                assertEquals(expected[1][k], spectra[f][1][k], TOL * scale, "Im X[" + k + "] of frame " + f);
            }
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("powersOfTwo")
    void inverseMatchesTheDirectInverseDft(int n) {
        int bins = n / 2 + 1;
        int count = 3;
        Random random = new Random(31L * n);
        double[] re = new double[bins * count];
        double[] im = new double[bins * count];
        for (int i = 0; i < re.length; i++) {
            re[i] = random.nextGaussian();
            im[i] = random.nextGaussian(); // DC's and Nyquist's must be ignored, as numpy does
        }
        FrameBatchFft fft = FrameBatchFft.forSize(n);
        fft.inverse(re, im, bins, count, 0, count);
        for (int f = 0; f < count; f++) {
            double[] frameRe = new double[bins];
            double[] frameIm = new double[bins];
            for (int k = 0; k < bins; k++) {
                frameRe[k] = re[k * count + f];
                frameIm[k] = im[k * count + f];
            }
            double[] expected = directInverse(frameRe, frameIm, n);
            double scale = maxAbs(expected, expected);
            for (int i = 0; i < n; i++) {
                assertEquals(expected[i], fft.samples()[i][f], TOL * scale, "x[" + i + "] of frame " + f);
            }
        }
    }

    /** irfft(X, n) of fewer bins zero-pads them; of more bins it ignores the extra ones. */
    @Test
    void inverseZeroPadsMissingBinsAndIgnoresExtraOnes() {
        int n = 16;
        FrameBatchFft fft = FrameBatchFft.forSize(n);
        for (int rows : new int[] {1, 4, 9, 12}) {
            double[] re = noise(rows, rows);
            double[] im = noise(rows, rows + 1);
            fft.inverse(re, im, rows, 1, 0, 1);
            double[] fullRe = Arrays.copyOf(re, n / 2 + 1);
            double[] fullIm = Arrays.copyOf(im, n / 2 + 1);
            double[] expected = directInverse(fullRe, fullIm, n);
            for (int i = 0; i < n; i++) {
                assertEquals(expected[i], fft.samples()[i][0], 1e-14, rows + " rows, x[" + i + "]");
            }
        }
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.of(2, 4, 8, 16, 32, 64, 256, 512, 1024, 2048, 4096);
    }

    /** The new transform against the JTransforms one it replaces in the STFT. */
    @Property(tries = 60)
    void agreesWithRealFft(@ForAll("lengths") int n, @ForAll @IntRange(min = 1, max = 64) int count,
                           @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        count = Math.min(count, FrameBatchFft.forSize(n).capacity());
        Framed framed = Framed.random(n, count, seed);
        double[][][] spectra = forward(framed);
        RealFft reference = RealFft.forSize(n);
        double[] re = new double[n / 2 + 1];
        double[] im = new double[n / 2 + 1];
        for (int f = 0; f < count; f++) {
            reference.forward(framed.frame(f), 0, re, im);
            double scale = maxAbs(re, im);
            for (int k = 0; k <= n / 2; k++) {
                assertEquals(re[k], spectra[f][0][k], TOL * scale);
                assertEquals(im[k], spectra[f][1][k], TOL * scale);
            }
        }
    }

    @Property(tries = 60)
    void inverseUndoesForward(@ForAll("lengths") int n, @ForAll @IntRange(min = 1, max = 64) int count,
                              @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        FrameBatchFft fft = FrameBatchFft.forSize(n);
        count = Math.min(count, fft.capacity());
        Framed framed = Framed.random(n, count, seed);
        double[][][] spectra = forward(framed);
        int bins = n / 2 + 1;
        double[] re = new double[bins * count];
        double[] im = new double[bins * count];
        for (int k = 0; k < bins; k++) {
            for (int f = 0; f < count; f++) {
                re[k * count + f] = spectra[f][0][k];
                im[k * count + f] = spectra[f][1][k];
            }
        }
        fft.inverse(re, im, bins, count, 0, count);
        for (int f = 0; f < count; f++) {
            double[] x = framed.frame(f);
            double scale = maxAbs(x, x);
            for (int i = 0; i < n; i++) {
                assertEquals(x[i], fft.samples()[i][f], TOL * scale);
            }
        }
    }

    /** Parseval: {@code sum x^2 = (|X0|^2 + 2 sum_{0<k<n/2} |Xk|^2 + |X_{n/2}|^2) / n}. */
    @Property(tries = 60)
    void parseval(@ForAll("lengths") int n, @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Framed framed = Framed.random(n, 2, seed);
        double[][][] spectra = forward(framed);
        for (int f = 0; f < 2; f++) {
            double time = 0;
            for (double v : framed.frame(f)) {
                time += v * v;
            }
            double freq = 0;
            for (int k = 0; k <= n / 2; k++) {
                double p = spectra[f][0][k] * spectra[f][0][k] + spectra[f][1][k] * spectra[f][1][k];
                freq += k == 0 || k == n / 2 ? p : 2 * p;
            }
            assertEquals(time, freq / n, TOL * time);
        }
    }

    @Property(tries = 60)
    void linearity(@ForAll("lengths") int n, @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        double[] window = new double[n];
        Arrays.fill(window, 1.0);
        double[] x = noise(n, seed);
        double[] y = noise(n, seed + 1);
        double a = 0.75;
        double b = -2.5;
        double[] combined = new double[n];
        for (int i = 0; i < n; i++) {
            combined[i] = a * x[i] + b * y[i];
        }
        double[][] fx = forward(new Framed(x, 1, window, 1))[0];
        double[][] fy = forward(new Framed(y, 1, window, 1))[0];
        double[][] fc = forward(new Framed(combined, 1, window, 1))[0];
        double scale = maxAbs(fc[0], fc[1]) + 1;
        for (int part = 0; part < 2; part++) {
            for (int k = 0; k <= n / 2; k++) {
                assertEquals(a * fx[part][k] + b * fy[part][k], fc[part][k], TOL * scale);
            }
        }
    }

    /**
     * Real input has a Hermitian spectrum, {@code X[n-k] = conj X[k]}. The rfft layout keeps only
     * {@code k <= n/2}, so check it through the time reversal {@code x[-j mod n]}, whose spectrum is
     * {@code X[n-k]}; DC and Nyquist are real.
     */
    @Property(tries = 60)
    void realInputGivesAHermitianSpectrum(@ForAll("lengths") int n,
                                          @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        double[] window = new double[n];
        Arrays.fill(window, 1.0);
        double[] x = noise(n, seed);
        double[] reversed = new double[n];
        for (int j = 0; j < n; j++) {
            reversed[j] = x[(n - j) % n];
        }
        double[][] fx = forward(new Framed(x, 1, window, 1))[0];
        double[][] fr = forward(new Framed(reversed, 1, window, 1))[0];
        double scale = maxAbs(fx[0], fx[1]);
        for (int k = 0; k <= n / 2; k++) {
            assertEquals(fx[0][k], fr[0][k], TOL * scale);
            assertEquals(-fx[1][k], fr[1][k], TOL * scale);
        }
        assertEquals(0.0, fx[1][0], 0.0);
        assertEquals(0.0, fx[1][n / 2], 0.0);
    }

    @Test
    void onlyPowersOfTwoOfAtLeastTwoAreSupported() {
        assertFalse(FrameBatchFft.supports(1));
        assertFalse(FrameBatchFft.supports(300));
        assertFalse(FrameBatchFft.supports(0));
    }
}
