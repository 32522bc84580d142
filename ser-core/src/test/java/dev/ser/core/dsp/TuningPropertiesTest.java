package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Invariants of piptrack, pitch_tuning and estimate_tuning. */
class TuningPropertiesTest {

    @Property(tries = 200)
    void pitchTuningOfExactlyDetunedNotesIsTheirDetuning(@ForAll @DoubleRange(min = -0.49, max = 0.49) @Scale(6) double detune,
                                                         @ForAll @IntRange(min = 1, max = 30) int notes,
                                                         @ForAll @IntRange(min = 0, max = 2) int resolutionIndex,
                                                         @ForAll @IntRange(min = 12, max = 36) int binsPerOctave) {
        double resolution = new double[] {0.01, 0.05, 0.001}[resolutionIndex];
        double[] f = new double[notes];
        for (int i = 0; i < notes; i++) {
            f[i] = 110 * Math.pow(2, (i + detune) / binsPerOctave);
        }
        double tuning = TuningEstimator.pitchTuning(f, resolution, binsPerOctave);
        // the left edge of the bin holding the detuning
        assertTrue(tuning <= detune + 1e-9 && tuning > detune - resolution - 1e-9,
                "detuned by " + detune + " gave " + tuning);
    }

    @Test
    void noPositiveFrequencyGivesZero() {
        assertEquals(0.0, TuningEstimator.pitchTuning(new double[0]));
        assertEquals(0.0, TuningEstimator.pitchTuning(new double[] {0, -3, 0}));
    }

    @Test
    void histogramEdgesFollowNumpyLinspace() {
        double[] edges = TuningEstimator.histogramEdges(100);
        assertEquals(101, edges.length);
        assertEquals(-0.5, edges[0]);
        assertEquals(0.5, edges[100]);
        // np.linspace(-0.5, 0.5, 101)[77] and [49]: i * 0.01 - 0.5, not i / 100 - 0.5
        assertEquals(77 * 0.01 - 0.5, edges[77]);
        assertEquals(0.27000000000000002, edges[77]);
        assertEquals(-0.010000000000000009, edges[49]);
    }

    @Property(tries = 500)
    void histogramBinAgreesWithLinearSearch(@ForAll @DoubleRange(min = -0.6, max = 0.6) @Scale(6) double value,
                                            @ForAll @IntRange(min = 1, max = 1000) int nBins,
                                            @ForAll @IntRange(min = -1, max = 1001) int edgeIndex) {
        double[] edges = TuningEstimator.histogramEdges(nBins);
        // half of the time test a value lying exactly on an edge
        double v = edgeIndex >= 0 && edgeIndex <= nBins && (edgeIndex & 1) == 0 ? edges[edgeIndex] : value;
        int expected = -1;
        for (int i = 0; i < nBins; i++) {
            boolean last = i == nBins - 1;
            if (v >= edges[i] && (v < edges[i + 1] || last && v == edges[i + 1])) {
                expected = i;
                break;
            }
        }
        assertEquals(expected, TuningEstimator.histogramBin(v, edges), "value " + v);
    }

    @Property(tries = 30)
    void detunedToneEstimatesItsDetuning(@ForAll @DoubleRange(min = -0.45, max = 0.45) @Scale(6) double detune,
                                         @ForAll @IntRange(min = 72, max = 96) int midi,
                                         @ForAll boolean harmonics) {
        double sampleRate = 22050;
        double f0 = 440 * Math.pow(2, (midi + detune - 69) / 12);
        Random rnd = new Random(midi);
        double[] y = new double[22050];
        int partials = harmonics ? 3 : 1;
        for (int h = 1; h <= partials; h++) {
            if (h * f0 >= 4000) {
                break;
            }
            for (int i = 0; i < y.length; i++) {
                y[i] += 0.5 / h * Math.sin(2 * Math.PI * h * f0 * i / sampleRate);
            }
        }
        for (int i = 0; i < y.length; i++) {
            y[i] += 1e-4 * rnd.nextGaussian();
        }
        double tuning = TuningEstimator.estimate(y, sampleRate, TuningConfig.DEFAULT);
        // harmonics of a detuned tone are not all detuned by the same fraction of a semitone,
        // but the fundamental's peaks are the strongest
        assertEquals(detune, tuning, 0.03, "tone at MIDI " + midi + " detuned by " + detune);
    }

    @Property(tries = 40)
    void piptrackPeaksAreInterpolatedWithinHalfABin(@ForAll long seed,
                                                     @ForAll @DoubleRange(min = 0, max = 0.5) @Scale(6) double threshold) {
        Random rnd = new Random(seed);
        double sampleRate = 16000;
        double[] y = new double[6000];
        for (int i = 0; i < y.length; i++) {
            y[i] = rnd.nextGaussian() + Math.sin(2 * Math.PI * 523.25 * i / sampleRate);
        }
        Matrix s = Stft.magnitude(y, StftConfig.builder().nFft(512).build());
        PiptrackConfig config = PiptrackConfig.builder().threshold(threshold).build();
        Piptrack.Result r = Piptrack.compute(s, sampleRate, config);
        double binHz = sampleRate / 512;
        int peaks = 0;
        for (int k = 0; k < s.rows(); k++) {
            for (int t = 0; t < s.cols(); t++) {
                double p = r.pitches().get(k, t);
                double m = r.magnitudes().get(k, t);
                if (p == 0) {
                    assertEquals(0.0, m, "magnitude without pitch at bin " + k);
                    continue;
                }
                peaks++;
                double centre = k * binHz;
                assertTrue(centre >= 150 && centre < 4000, "peak outside [fmin, fmax): bin " + k);
                assertTrue(Math.abs(p - centre) <= 0.5 * binHz + 1e-9, "shift beyond half a bin at bin " + k);
                assertTrue(m >= s.get(k, t), "the parabola's vertex is at least the peak bin");
                assertTrue(s.get(k, t) > threshold * columnMax(s, t), "peak below the threshold");
            }
        }
        assertTrue(peaks > 0);
    }

    private static double columnMax(Matrix s, int t) {
        double m = 0;
        for (int k = 0; k < s.rows(); k++) {
            m = Math.max(m, s.get(k, t));
        }
        return m;
    }

    @Test
    void piptrackOfSignalEqualsPiptrackOfItsMagnitude() {
        double[] y = new double[5000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(2 * Math.PI * 700 * i / 16000.0) + 0.3 * Math.sin(2 * Math.PI * 1234 * i / 16000.0);
        }
        Piptrack.Result a = Piptrack.compute(y, 16000, StftConfig.DEFAULT, PiptrackConfig.DEFAULT);
        Piptrack.Result b = Piptrack.compute(Stft.magnitude(y, StftConfig.DEFAULT), 16000, PiptrackConfig.DEFAULT);
        assertEquals(a.pitches(), b.pitches());
        assertEquals(a.magnitudes(), b.magnitudes());
    }

    @Test
    void parabolicShiftFindsTheVertex() {
        // samples of -(x - 0.3)^2 at -1, 0, 1
        double shift = Piptrack.parabolicShift(-1.69, -0.09, -0.49);
        assertEquals(0.3, shift, 1e-12);
        assertEquals(0.0, Piptrack.parabolicShift(1, 1, 1), "flat neighbourhood");
    }

    @Property(tries = 300)
    void residualIsTheOffsetOfHzToOctavesBitForBit(@ForAll @DoubleRange(min = 1, max = 24000) double frequency,
                                                   @ForAll @IntRange(min = 1, max = 60) int binsPerOctave) {
        // residual hoists hz_to_octs' reference frequency; the result must not change in any bit
        double r = PitchConversions.floorMod(binsPerOctave * PitchConversions.hzToOctaves(frequency, 0.0, 12), 1.0);
        assertEquals(r >= 0.5 ? r - 1.0 : r, TuningEstimator.residual(frequency, binsPerOctave), 0.0);
    }
}
