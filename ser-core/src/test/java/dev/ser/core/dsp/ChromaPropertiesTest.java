package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the chroma filter bank and chroma_stft. */
class ChromaPropertiesTest {

    /** A sum of a few random sinusoids plus a little noise. */
    private static double[] randomSignal(long seed, int length, double sampleRate) {
        Random rnd = new Random(seed);
        double[] y = new double[length];
        int tones = 1 + rnd.nextInt(4);
        for (int j = 0; j < tones; j++) {
            double f = 100 + rnd.nextDouble() * (sampleRate / 2 - 200);
            double amp = rnd.nextDouble();
            double phase = rnd.nextDouble() * 2 * Math.PI;
            for (int i = 0; i < length; i++) {
                y[i] += amp * Math.sin(2 * Math.PI * f * i / sampleRate + phase);
            }
        }
        for (int i = 0; i < length; i++) {
            y[i] += 0.01 * rnd.nextGaussian();
        }
        return y;
    }

    private static double[] tone(double frequency, double sampleRate, int length) {
        double[] y = new double[length];
        for (int i = 0; i < length; i++) {
            y[i] = 0.5 * Math.sin(2 * Math.PI * frequency * i / sampleRate);
        }
        return y;
    }

    @Property(tries = 40)
    void infNormChromaColumnsPeakAtOneOrAreZero(@ForAll long seed, @ForAll @IntRange(min = 100, max = 12000) int length,
                                                @ForAll("sampleRates") int sampleRate) {
        double[] y = randomSignal(seed, length, sampleRate);
        // silence part of the signal so some frames are all zero
        java.util.Arrays.fill(y, 0, length / 3, 0.0);
        Matrix chroma = ChromaStft.fromSignal(y, sampleRate);
        assertEquals(12, chroma.rows());
        for (int t = 0; t < chroma.cols(); t++) {
            double max = 0;
            for (int c = 0; c < 12; c++) {
                double v = chroma.get(c, t);
                assertTrue(v >= 0 && Double.isFinite(v), "chroma must be finite and non-negative, got " + v);
                max = Math.max(max, v);
            }
            assertTrue(max == 0 || Math.abs(max - 1) < 1e-12, "frame " + t + " has maximum " + max);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> sampleRates() {
        return net.jqwik.api.Arbitraries.of(8000, 16000, 22050, 24414, 44100, 48000);
    }

    @Property(tries = 20)
    void silenceGivesZeroChroma(@ForAll @IntRange(min = 1, max = 20000) int length,
                                @ForAll("sampleRates") int sampleRate) {
        Matrix chroma = ChromaStft.fromSignal(new double[length], sampleRate);
        for (double v : chroma.data()) {
            assertEquals(0.0, v, "silence must give exact zeros");
        }
    }

    @Property(tries = 30)
    void otherNormsGiveUnitColumns(@ForAll long seed, @ForAll("sampleRates") int sampleRate) {
        double[] y = randomSignal(seed, 8000, sampleRate);
        Matrix s = Stft.magnitude(y, StftConfig.DEFAULT);
        for (Normalize.Norm norm : new Normalize.Norm[] {Normalize.Norm.L1, Normalize.Norm.L2}) {
            Matrix chroma = ChromaStft.fromSpectrogram(s, sampleRate, ChromaConfig.builder().norm(norm).build());
            for (int t = 0; t < chroma.cols(); t++) {
                double length = norm.length(chroma.data(), t, 12, chroma.cols());
                assertEquals(1.0, length, 1e-12, norm + " frame " + t);
            }
        }
        Matrix raw = ChromaStft.fromSpectrogram(s, sampleRate, ChromaConfig.builder().norm(Normalize.Norm.NONE).build());
        Matrix inf = ChromaStft.fromSpectrogram(s, sampleRate);
        // the default is the raw chroma divided by each frame's maximum
        for (int t = 0; t < raw.cols(); t++) {
            double max = Normalize.Norm.INF.length(raw.data(), t, 12, raw.cols());
            for (int c = 0; c < 12; c++) {
                assertEquals(raw.get(c, t) / max, inf.get(c, t), 1e-12);
            }
        }
    }

    @Property(tries = 60)
    void filterBankIsNonNegativeWithUnitColumnsBeforeOctaveWeighting(
            @ForAll("sampleRates") int sampleRate, @ForAll @IntRange(min = 8, max = 4096) int nFft,
            @ForAll @DoubleRange(min = -0.5, max = 0.5) @Scale(6) double tuning, @ForAll boolean singlePrecision) {
        ChromaFilterConfig flat = ChromaFilterConfig.builder().flatOctaveWeighting()
                .singlePrecisionWeights(singlePrecision).build();
        ChromaFilterBank bank = ChromaFilterBank.create(sampleRate, nFft, tuning, flat);
        Matrix w = bank.weights();
        assertEquals(12, w.rows());
        assertEquals(nFft / 2 + 1, w.cols());
        for (double v : w.data()) {
            assertTrue(v >= 0 && v <= 1, "weight out of [0, 1]: " + v);
        }
        double tolerance = singlePrecision ? 1e-6 : 1e-12;
        for (int k = 0; k < w.cols(); k++) {
            assertEquals(1.0, Normalize.Norm.L2.length(w.data(), k, 12, w.cols()), tolerance, "bin " + k);
        }
        // the default octave weighting only scales each column down
        ChromaFilterBank weighted = ChromaFilterBank.create(sampleRate, nFft, tuning,
                ChromaFilterConfig.builder().singlePrecisionWeights(singlePrecision).build());
        for (int k = 0; k < w.cols(); k++) {
            assertTrue(Normalize.Norm.L2.length(weighted.weights().data(), k, 12, w.cols()) <= 1 + tolerance);
        }
    }

    @Property(tries = 40)
    void pureToneLightsItsPitchClass(@ForAll @IntRange(min = 60, max = 96) int midi,
                                     @ForAll("sampleRates") int sampleRate, @ForAll boolean estimateTuning) {
        double frequency = 440 * Math.pow(2, (midi - 69) / 12.0);
        if (frequency > sampleRate / 2.5) {
            return;
        }
        ChromaConfig config = estimateTuning ? ChromaConfig.DEFAULT : ChromaConfig.builder().tuning(0).build();
        Matrix chroma = ChromaStft.fromSignal(tone(frequency, sampleRate, sampleRate), sampleRate, config);
        double[] mean = chroma.rowMeans();
        int best = 0;
        for (int c = 1; c < 12; c++) {
            if (mean[c] > mean[best]) {
                best = c;
            }
        }
        assertEquals(midi % 12, best, "MIDI " + midi + " (" + frequency + " Hz) should light pitch class " + midi % 12);
    }

    @Property(tries = 40)
    void filterBankPeaksAtEachBinsPitchClass(@ForAll @IntRange(min = 0, max = 11) int pitchClass,
                                             @ForAll @IntRange(min = 5, max = 7) int octave,
                                             @ForAll @DoubleRange(min = -0.4, max = 0.4) @Scale(6) double tuning) {
        // a bin placed exactly on a tuned pitch gets its largest weight in that pitch class
        int nFft = 1 << 15;
        double sampleRate = 22050;
        double midi = 12 * (octave + 1) + pitchClass + tuning;
        double frequency = 440 * Math.pow(2, (midi - 69) / 12);
        int bin = (int) Math.round(frequency * nFft / sampleRate);
        ChromaFilterBank bank = ChromaFilterBank.create(sampleRate, nFft, tuning);
        int best = 0;
        for (int c = 1; c < 12; c++) {
            if (bank.weight(c, bin) > bank.weight(best, bin)) {
                best = c;
            }
        }
        assertEquals(pitchClass, best);
    }
}
