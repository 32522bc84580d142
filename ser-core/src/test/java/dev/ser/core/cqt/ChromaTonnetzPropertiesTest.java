package dev.ser.core.cqt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.dsp.Matrix;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of chroma_cqt and tonnetz. */
class ChromaTonnetzPropertiesTest {
    private static final ChromaCqt CHROMA = ChromaCqt.of(
            ChromaCqtConfig.builder().decimator(Decimators.polyphase()).build());

    @Property(tries = 15)
    void chromaColumnsHaveMaximumOneOrAreZero(@ForAll @IntRange(min = 1, max = 10000) int seed) {
        double[] y = mixture(seed, 16000);
        Matrix c = CHROMA.compute(y, 16000);
        for (int t = 0; t < c.cols(); t++) {
            double max = 0;
            for (int r = 0; r < c.rows(); r++) {
                assertTrue(c.get(r, t) >= 0, "negative chroma");
                max = Math.max(max, c.get(r, t));
            }
            assertTrue(max == 0 || Math.abs(max - 1) < 1e-12, "column max " + max);
        }
    }

    @Property(tries = 24)
    void aToneLandsOnItsPitchClass(@ForAll @IntRange(min = -21, max = 26) int semitonesFromA4) {
        double freq = 440 * Math.pow(2, semitonesFromA4 / 12.0);
        double[] y = ConstantQPropertiesTest.tone(freq, 22050, 22050, 0.3);
        Matrix c = CHROMA.compute(y, 22050);
        int expected = Math.floorMod(9 + semitonesFromA4, 12);
        assertEquals(expected, ConstantQPropertiesTest.argmaxOfColumn(c, c.cols() / 2), "tone at " + freq + " Hz");
    }

    @Property(tries = 200)
    void tonnetzOfAnyNonNegativeChromaLiesInTheUnitBox(@ForAll @IntRange(min = 1, max = 100000) int seed) {
        Random r = new Random(seed);
        Matrix chroma = new Matrix(12, 5);
        for (int i = 0; i < chroma.data().length; i++) {
            chroma.data()[i] = r.nextInt(4) == 0 ? 0 : r.nextDouble() * 10;
        }
        Matrix ton = Tonnetz.fromChroma(chroma);
        assertEquals(6, ton.rows());
        for (int t = 0; t < ton.cols(); t++) {
            for (int d = 0; d < 6; d += 2) {
                double x = ton.get(d, t);
                double yv = ton.get(d + 1, t);
                double radius = d == 4 ? 0.5 : 1.0;
                // each (sin, cos) pair is a convex combination of points on a circle of that radius
                assertTrue(Math.hypot(x, yv) <= radius + 1e-12, "outside the circle: " + x + ", " + yv);
            }
        }
    }

    @Example
    void aSinglePitchClassSitsOnEachCircle() {
        Matrix chroma = new Matrix(12, 12);
        for (int c = 0; c < 12; c++) {
            chroma.set(c, c, 3.0);
        }
        Matrix ton = Tonnetz.fromChroma(chroma);
        for (int c = 0; c < 12; c++) {
            assertEquals(1.0, Math.hypot(ton.get(0, c), ton.get(1, c)), 1e-12);
            assertEquals(1.0, Math.hypot(ton.get(2, c), ton.get(3, c)), 1e-12);
            assertEquals(0.5, Math.hypot(ton.get(4, c), ton.get(5, c)), 1e-12);
        }
        // C: fifth angle 0 -> (sin, cos) = (0, 1)
        assertEquals(0.0, ton.get(0, 0), 1e-12);
        assertEquals(1.0, ton.get(1, 0), 1e-12);
    }

    @Example
    void silenceGivesZeroChromaAndTonnetz() {
        Matrix c = ChromaCqt.of(ChromaCqtConfig.builder().decimator(Decimators.polyphase()).tuning(0.0).build())
                .compute(new double[16000], 16000);
        assertEquals(0.0, c.maxAbs());
        assertEquals(0.0, Tonnetz.fromChroma(c).maxAbs());
    }

    @Example
    void cqToChromaPutsOneOneInEveryColumnCentredOnThePitchClass() {
        Matrix m = ChromaCqt.cqToChroma(252, 36, 12, CqtConfig.C1_HZ);
        for (int b = 0; b < 252; b++) {
            double sum = 0;
            for (int c = 0; c < 12; c++) {
                sum += m.get(c, b);
            }
            assertEquals(1.0, sum);
        }
        // bin 0 is C itself; the bin a third of a semitone below the next C (35) also counts as C
        assertEquals(1.0, m.get(0, 0));
        assertEquals(1.0, m.get(0, 1));
        assertEquals(1.0, m.get(0, 35));
        assertEquals(1.0, m.get(1, 2));
        // starting the CQT at A rotates the classes so that row 0 stays C
        Matrix fromA = ChromaCqt.cqToChroma(12, 12, 12, 440.0);
        assertEquals(1.0, fromA.get(9, 0));
    }

    @Example
    void incompatibleFoldingIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ChromaCqtConfig.builder().binsPerOctave(30).nChroma(12).build());
    }

    static double[] mixture(int seed, int n) {
        Random r = new Random(seed);
        double[] y = new double[n];
        int tones = r.nextInt(4);
        double[] f = new double[tones];
        for (int k = 0; k < tones; k++) {
            f[k] = 60 + r.nextDouble() * 3000;
        }
        double noise = r.nextInt(3) == 0 ? 0 : 0.05;
        for (int i = 0; i < n; i++) {
            double v = noise * r.nextGaussian();
            for (double fk : f) {
                v += 0.2 * Math.sin(2 * Math.PI * fk * i / 16000);
            }
            y[i] = v;
        }
        return y;
    }
}
