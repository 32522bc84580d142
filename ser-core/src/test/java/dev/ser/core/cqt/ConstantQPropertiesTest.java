package dev.ser.core.cqt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.dsp.Matrix;
import dev.ser.core.dsp.Window;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the constant-Q transform. */
class ConstantQPropertiesTest {
    private static final CqtConfig CONFIG = CqtConfig.builder().decimator(Decimators.polyphase()).build();

    static double[] tone(double freq, double sr, int n, double amplitude) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = amplitude * Math.sin(2 * Math.PI * freq * i / sr);
        }
        return y;
    }

    static int argmaxOfColumn(Matrix m, int col) {
        int best = 0;
        for (int r = 1; r < m.rows(); r++) {
            if (m.get(r, col) > m.get(best, col)) {
                best = r;
            }
        }
        return best;
    }

    @Property(tries = 40)
    void aPureToneAtABinCentrePeaksInThatBin(@ForAll @IntRange(min = 0, max = 83) int bin,
                                            @ForAll("rates") int sr) {
        double freq = CqtConfig.C1_HZ * Math.pow(2.0, bin / 12.0);
        double[] y = tone(freq, sr, (int) (1.5 * sr), 0.5);
        Matrix c = ConstantQ.magnitude(y, sr, CONFIG);
        assertEquals(bin, argmaxOfColumn(c, c.cols() / 2), "tone at " + freq + " Hz");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> rates() {
        return net.jqwik.api.Arbitraries.of(16000, 22050);
    }

    @Property(tries = 20)
    void magnitudeScalesWithTheSignal(@ForAll @DoubleRange(min = -4, max = 4) double gain,
                                      @ForAll @IntRange(min = 1, max = 1000) int seed) {
        double[] y = noise(seed, 12000);
        double[] scaled = y.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= gain;
        }
        Matrix a = ConstantQ.magnitude(y, 16000, CONFIG);
        Matrix b = ConstantQ.magnitude(scaled, 16000, CONFIG);
        double tol = 1e-12 * Math.max(1, a.maxAbs() * Math.abs(gain));
        for (int i = 0; i < a.data().length; i++) {
            assertEquals(Math.abs(gain) * a.data()[i], b.data()[i], tol);
        }
    }

    @Property(tries = 30)
    void oneFramePerHopFromTheFirstSample(@ForAll @IntRange(min = 1, max = 40000) int length) {
        ConstantQTransform t = ConstantQ.transformFor(CONFIG, 16000, 0.0);
        assertEquals(1 + length / 512, t.frameCount(length));
    }

    @Property(tries = 10)
    void complexAndMagnitudeOutputsAgree(@ForAll @IntRange(min = 1, max = 1000) int seed) {
        double[] y = noise(seed, 5000);
        ConstantQTransform t = ConstantQ.transformFor(CONFIG, 22050, 0.0);
        Matrix mag = t.magnitude(y);
        Matrix fromComplex = t.transform(y).magnitude();
        assertArrayEquals(fromComplex.data(), mag.data(), 1e-12 * Math.max(1, mag.maxAbs()));
    }

    @Property(tries = 6)
    void unscaledResponsesAreScaledOnesTimesSqrtFilterLength(@ForAll("allRates") int sr,
                                                            @ForAll @IntRange(min = 1, max = 1000) int seed) {
        // With early downsampling (44.1 kHz) librosa compensates the shorter filters on the signal
        // instead; either way scale=False equals scale=True times sqrt(length at the input rate).
        CqtConfig scaled = CqtConfig.builder().decimator(Decimators.polyphase()).nBins(7 * 36).binsPerOctave(36)
                .build();
        CqtConfig unscaled = scaled.toBuilder().scale(false).build();
        double[] y = noise(seed, sr / 2);
        Matrix a = ConstantQ.magnitude(y, sr, scaled);
        Matrix b = ConstantQ.magnitude(y, sr, unscaled);
        ConstantQTransform t = ConstantQ.transformFor(scaled, sr, 0.0);
        double[] f = t.frequencies();
        double[] len = WaveletBank.lengths(f, WaveletBank.relativeBandwidth(f, 36), sr, 1.0);
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                double expected = a.get(r, c) * Math.sqrt(len[r]);
                assertEquals(expected, b.get(r, c), 1e-9 * Math.max(1e-3, Math.abs(expected)));
            }
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> allRates() {
        return net.jqwik.api.Arbitraries.of(16000, 22050, 44100);
    }

    @Example
    void silenceGivesZeros() {
        Matrix c = ConstantQ.magnitude(new double[8000], 16000, CONFIG);
        assertEquals(0.0, c.maxAbs());
    }

    @Example
    void filtersAboveNyquistAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConstantQ.magnitude(new double[8000], 8000, CONFIG));
        assertTrue(e.getMessage().contains("Nyquist"), e.getMessage());
    }

    @Example
    void emptyAndNonFiniteSignalsAreRefused() {
        ConstantQTransform t = ConstantQ.transformFor(CONFIG, 16000, 0.0);
        assertThrows(IllegalArgumentException.class, () -> t.magnitude(new double[0]));
        double[] y = new double[4000];
        y[17] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.magnitude(y));
        assertTrue(e.getMessage().contains("17"), e.getMessage());
    }

    @Example
    void sparsifyingAHannWindowKeepsLibrosasDocumentedCount() {
        // librosa.util.sparsify_rows(scipy.signal.hann(32), quantile=0.01) stores 26 elements:
        // the three smallest values at each end carry less than 1% of the mass.
        double[] w = Window.HANN.symmetric(32);
        SparseComplexRows s = SparseComplexRows.sparsify(w, new double[32], 1, 32, 0.01, 1.0);
        assertEquals(26, s.nonZeros());
        assertEquals(3, s.minIndex());
        assertEquals(28, s.maxIndex());
    }

    @Example
    void earlyDownsamplingNeedsBandwidthAndHopFactors() {
        // librosa at 44.1 kHz, 7 octaves of 36 bins from C1 (cutoff ~4150 Hz), hop 512: one halving.
        assertEquals(1, ConstantQTransform.earlyDownsampleCount(22050, 4150, 512, 7));
        assertEquals(0, ConstantQTransform.earlyDownsampleCount(8000, 4150, 512, 7));
        assertEquals(0, ConstantQTransform.earlyDownsampleCount(22050, 4150, 64, 7));
        assertEquals(5, ConstantQTransform.earlyDownsampleCount(96000, 1000, 4096, 7));
        assertEquals(2, ConstantQTransform.earlyDownsampleCount(96000, 1000, 512, 8));
    }

    @Example
    void concurrentUseGivesIdenticalResults() throws Exception {
        ConstantQTransform t = ConstantQ.transformFor(CONFIG, 16000, 0.0);
        double[] y = noise(7, 16000);
        Matrix expected = t.magnitude(y);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<Matrix>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> t.magnitude(y)));
            }
            for (Future<Matrix> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    static double[] noise(int seed, int n) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.1 * r.nextGaussian();
        }
        return y;
    }
}
