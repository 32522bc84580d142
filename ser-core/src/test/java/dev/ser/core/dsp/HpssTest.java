package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Invariants of {@link Hpss}, {@link SoftMask} and {@link HarmonicPercussive}. */
class HpssTest {

    @Provide
    Arbitrary<Double> softPowers() {
        return Arbitraries.of(1.0, 2.0);
    }

    /** With margin 1 the soft masks split the input exactly: H + P = S. */
    @Property(tries = 60)
    void componentsAddUpToTheMagnitude(@ForAll("softPowers") double power,
                                       @ForAll @IntRange(min = 1, max = 40) int rows,
                                       @ForAll @IntRange(min = 1, max = 40) int cols,
                                       @ForAll @IntRange(min = 1, max = 33) int kernel,
                                       @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Matrix s = spectrogram(rows, cols, seed);
        HpssConfig config = HpssConfig.builder().kernelSize(kernel, 34 - kernel).power(power).build();
        Hpss.Magnitudes parts = Hpss.separate(s, config);
        for (int i = 0; i < s.data().length; i++) {
            double sum = parts.harmonic().data()[i] + parts.percussive().data()[i];
            assertEquals(s.data()[i], sum, 1e-12 * Math.max(1, s.data()[i]), "cell " + i);
        }
    }

    /** The same for a complex STFT, phase included: H + P = D. */
    @Property(tries = 20)
    void complexComponentsAddUpToTheStft(@ForAll("softPowers") double power,
                                         @ForAll @IntRange(min = 600, max = 8000) int length,
                                         @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        StftConfig stft = StftConfig.builder().nFft(256).hopLength(64).build();
        ComplexMatrix d = Stft.compute(signal(length, seed), stft);
        Hpss.Spectra parts = Hpss.separate(d, HpssConfig.builder().power(power).kernelSize(9).build());
        double[] re = d.re().data();
        double[] im = d.im().data();
        for (int i = 0; i < re.length; i++) {
            assertEquals(re[i], parts.harmonic().re().data()[i] + parts.percussive().re().data()[i], 1e-12);
            assertEquals(im[i], parts.harmonic().im().data()[i] + parts.percussive().im().data()[i], 1e-12);
        }
    }

    @Property(tries = 10)
    void harmonicWithAGivenMagnitudeIsTheSame(@ForAll @IntRange(min = 600, max = 8000) int length,
                                              @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        StftConfig stft = StftConfig.builder().nFft(256).hopLength(64).build();
        ComplexMatrix d = Stft.compute(signal(length, seed), stft);
        HpssConfig config = HpssConfig.builder().kernelSize(9).build();
        ComplexMatrix expected = Hpss.harmonic(d, config);
        ComplexMatrix reused = Hpss.harmonic(d, d.magnitude(), config);
        assertArrayEquals(expected.re().data(), reused.re().data(), 0.0);
        assertArrayEquals(expected.im().data(), reused.im().data(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Hpss.harmonic(d, new Matrix(3, 2), config));
    }

    @Property(tries = 60)
    void masksLieInTheUnitInterval(@ForAll @DoubleRange(min = 0.1, max = 50) double power,
                                   @ForAll boolean hard,
                                   @ForAll @DoubleRange(min = 1, max = 5) double harmonicMargin,
                                   @ForAll @DoubleRange(min = 1, max = 5) double percussiveMargin,
                                   @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        HpssConfig config = HpssConfig.builder().kernelSize(7, 5)
                .power(hard ? Double.POSITIVE_INFINITY : power)
                .margin(harmonicMargin, percussiveMargin).build();
        Hpss.Masks masks = Hpss.masks(spectrogram(30, 25, seed), config);
        for (int i = 0; i < masks.harmonic().data().length; i++) {
            double h = masks.harmonic().data()[i];
            double p = masks.percussive().data()[i];
            assertTrue(h >= 0 && h <= 1 && p >= 0 && p <= 1, "masks " + h + ", " + p);
            assertTrue(h + p <= 1 + 1e-12, "margins >= 1 never assign more than the whole cell");
            if (hard) {
                assertTrue((h == 0 || h == 1) && (p == 0 || p == 1), "hard masks are binary");
            }
        }
    }

    @Test
    void zerosAreSplitOnlyWithUnitMargins() {
        Matrix zeros = new Matrix(5, 6);
        Hpss.Masks split = Hpss.masks(zeros, HpssConfig.DEFAULT);
        Hpss.Masks kept = Hpss.masks(zeros, HpssConfig.builder().margin(1.0, 2.0).build());
        for (int i = 0; i < 30; i++) {
            assertEquals(0.5, split.harmonic().data()[i]);
            assertEquals(0.5, split.percussive().data()[i]);
            assertEquals(0.0, kept.harmonic().data()[i]);
            assertEquals(0.0, kept.percussive().data()[i]);
        }
    }

    @Test
    void softMaskFormula() {
        Matrix x = Matrix.of(new double[][] {{3, 0, 1e-300, 2}});
        Matrix ref = Matrix.of(new double[][] {{4, 0, 0, 2}});
        assertArrayEquals(new double[] {9.0 / 25, 0.5, 1.0, 0.5},
                SoftMask.compute(x, ref, 2.0, true).data(), 1e-15);
        assertArrayEquals(new double[] {3.0 / 7, 0.0, 1.0, 0.5},
                SoftMask.compute(x, ref, 1.0, false).data(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 1, 0},
                SoftMask.compute(x, ref, Double.POSITIVE_INFINITY, true).data(), 0.0);
        // Rescaling by max(x, ref) keeps large exponents finite.
        assertEquals(1.0, SoftMask.value(1e200, 1e100, 400.0, false), 1e-15);
    }

    @Test
    void invalidParametersAreRejected() {
        Matrix m = new Matrix(2, 2);
        Matrix neg = Matrix.of(new double[][] {{-1, 0}, {0, 0}});
        assertThrows(IllegalArgumentException.class, () -> SoftMask.compute(neg, m, 2, true));
        assertThrows(IllegalArgumentException.class, () -> SoftMask.compute(m, m, 0, true));
        assertThrows(IllegalArgumentException.class, () -> SoftMask.compute(m, new Matrix(2, 3), 1, true));
        assertThrows(IllegalArgumentException.class, () -> HpssConfig.builder().margin(0.5).build());
        assertThrows(IllegalArgumentException.class, () -> HpssConfig.builder().kernelSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> HpssConfig.builder().power(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> Hpss.masks(neg, HpssConfig.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> HarmonicPercussive.harmonic(new double[0]));
    }

    /** The time-domain parts of effects.hpss add up to the signal (istft is linear). */
    @Property(tries = 10)
    void signalsAddUpToTheInput(@ForAll @IntRange(min = 300, max = 20000) int length,
                                @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        double[] y = signal(length, seed);
        HarmonicPercussive.Signals parts = HarmonicPercussive.separate(y);
        double[] harmonic = HarmonicPercussive.harmonic(y);
        double[] percussive = HarmonicPercussive.percussive(y);
        for (int i = 0; i < length; i++) {
            assertEquals(y[i], parts.harmonic()[i] + parts.percussive()[i], 1e-12);
        }
        assertArrayEquals(parts.harmonic(), harmonic, 0.0);
        assertArrayEquals(parts.percussive(), percussive, 0.0);
        ComplexMatrix spectrum = Stft.compute(y, StftConfig.DEFAULT);
        assertArrayEquals(harmonic, HarmonicPercussive.harmonic(spectrum, length, HpssConfig.DEFAULT,
                StftConfig.DEFAULT), 0.0, "from a precomputed STFT");
    }

    /** A steady tone is harmonic, isolated clicks are percussive. */
    @Test
    void toneAndClicksSeparate() {
        int n = 16000;
        double[] tone = new double[n];
        double[] clicks = new double[n];
        for (int i = 0; i < n; i++) {
            tone[i] = 0.5 * Math.sin(2 * Math.PI * 440 * i / 16000.0);
            clicks[i] = i % 4000 == 2000 ? 1.0 : 0.0;
        }
        double[] mix = new double[n];
        for (int i = 0; i < n; i++) {
            mix[i] = tone[i] + clicks[i];
        }
        HarmonicPercussive.Signals parts = HarmonicPercussive.separate(mix);
        assertTrue(energy(diff(parts.harmonic(), tone)) < 0.05 * energy(tone), "harmonic part ~ tone");
        for (int c = 2000; c < n; c += 4000) {
            assertEquals(1.0, parts.percussive()[c], 0.1, "click at " + c + " goes to the percussive part");
            assertEquals(tone[c], parts.harmonic()[c], 0.1, "click at " + c + " stays out of the harmonic part");
        }
    }

    private static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static double energy(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return s;
    }

    /** Non-negative values with exact zeros and ties, like a sparse magnitude spectrogram. */
    private static Matrix spectrogram(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            int kind = rnd.nextInt(4);
            d[i] = kind == 0 ? 0.0 : kind == 1 ? rnd.nextInt(3) : rnd.nextDouble() * 10;
        }
        return new Matrix(rows, cols, d);
    }

    private static double[] signal(int n, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.3 * Math.sin(0.07 * i) + 0.1 * rnd.nextGaussian();
        }
        return x;
    }
}
