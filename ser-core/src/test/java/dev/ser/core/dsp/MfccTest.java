package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** MFCC invariants and the consistency of its entry points. */
class MfccTest {
    private static double[] chirp(int n, double sr) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / sr;
            y[i] = 0.3 * Math.sin(2 * Math.PI * (200 * t + 1500 * t * t)) + 0.01 * Math.sin(0.37 * i * i);
        }
        return y;
    }

    @Property(tries = 60)
    void constantLogMelHasEnergyOnlyInCoefficientZero(@ForAll @IntRange(min = 2, max = 128) int nMels,
                                                      @ForAll @IntRange(min = 1, max = 40) int nMfcc,
                                                      @ForAll @DoubleRange(min = -100, max = 50) double level) {
        Matrix logMel = new Matrix(nMels, 3);
        java.util.Arrays.fill(logMel.data(), level);
        Matrix c = Mfcc.fromLogMel(logMel, MfccConfig.builder().nMfcc(nMfcc).build());
        assertEquals(Math.min(nMfcc, nMels), c.rows());
        for (int t = 0; t < 3; t++) {
            // ortho DCT-II: c0 = sqrt(N) * level
            assertEquals(Math.sqrt(nMels) * level, c.get(0, t), 1e-12 * Math.sqrt(nMels) * Math.max(1, Math.abs(level)));
            for (int k = 1; k < c.rows(); k++) {
                assertEquals(0.0, c.get(k, t), 1e-12 * nMels * Math.max(1, Math.abs(level)), "coefficient " + k);
            }
        }
    }

    @Property(tries = 40)
    void lifterScalesCoefficientI(@ForAll @DoubleRange(min = 0.5, max = 60) double lifter,
                                  @ForAll @IntRange(min = 1, max = 40) int nMfcc, @ForAll long seed) {
        Matrix logMel = DctTest.randomMatrix(new Random(seed), 40, 4);
        MfccConfig plain = MfccConfig.builder().nMfcc(nMfcc).build();
        Matrix a = Mfcc.fromLogMel(logMel, plain);
        Matrix b = Mfcc.fromLogMel(logMel, plain.toBuilder().lifter(lifter).build());
        for (int i = 0; i < a.rows(); i++) {
            double gain = 1 + lifter / 2 * Math.sin(Math.PI * (i + 1) / lifter);
            for (int t = 0; t < 4; t++) {
                assertEquals(a.get(i, t) * gain, b.get(i, t), 1e-12 * Math.max(1, Math.abs(a.get(i, t) * gain)));
            }
        }
    }

    @Test
    void entryPointsAgree() {
        double sr = 16000;
        double[] y = chirp(12000, sr);
        StftConfig stft = StftConfig.builder().nFft(512).hopLength(160).winLength(400).build();
        MelConfig mel = MelConfig.builder().nMels(40).fMin(20).fMax(7600.0).build();
        MfccConfig cfg = MfccConfig.builder().nMfcc(13).lifter(22).build();
        Mfcc mfcc = Mfcc.create(sr, stft, mel, cfg);
        Matrix fromSignal = mfcc.compute(y);
        Matrix fromStatic = Mfcc.compute(y, sr, stft, mel, cfg);
        Matrix fromStft = mfcc.fromStft(Stft.compute(y, stft));
        Matrix melSpec = MelSpectrogram.compute(y, sr, stft, mel);
        Matrix fromMel = mfcc.fromMelSpectrogram(melSpec);
        Matrix fromLogMel = Mfcc.fromLogMel(Decibels.powerToDb(melSpec), cfg);
        assertEquals(13, fromSignal.rows());
        assertEquals(stft.frameCount(y.length), fromSignal.cols());
        for (Matrix m : new Matrix[] {fromStatic, fromStft, fromMel, fromLogMel}) {
            assertArrayEquals(fromSignal.data(), m.data(), 0.0);
        }
    }

    @Test
    void fewerCoefficientsAreAPrefix() {
        double[] y = chirp(8000, 22050);
        Matrix c40 = Mfcc.compute(y, 22050, StftConfig.DEFAULT, MelConfig.DEFAULT,
                MfccConfig.builder().nMfcc(40).build());
        Matrix c20 = Mfcc.compute(y, 22050);
        assertEquals(20, c20.rows());
        for (int k = 0; k < 20; k++) {
            assertArrayEquals(c40.row(k), c20.row(k), 0.0);
        }
    }

    @Test
    void refusesBadParameters() {
        assertThrows(SpectralParameterException.class, () -> MfccConfig.builder().nMfcc(0).build());
        assertThrows(SpectralParameterException.class, () -> MfccConfig.builder().lifter(-1).build());
        assertThrows(SpectralParameterException.class, () -> MfccConfig.builder().dctType(4).build());
        Mfcc mfcc = Mfcc.create(16000, StftConfig.DEFAULT, MelConfig.DEFAULT, MfccConfig.DEFAULT);
        assertThrows(SpectralParameterException.class, () -> mfcc.fromLogMelSpectrogram(new Matrix(40, 3)));
    }
}
