package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Invariants of the sparse mel filter bank. */
class MelFilterBankTest {
    @Provide
    Arbitrary<Integer> sampleRates() {
        return Arbitraries.of(8000, 16000, 22050, 24414, 44100, 48000);
    }

    @Provide
    Arbitrary<Integer> fftSizes() {
        return Arbitraries.of(256, 400, 512, 1024, 2048, 4096);
    }

    @Property(tries = 60)
    void weightsAreNonNegativeTrianglesOnContiguousRuns(@ForAll("sampleRates") int sr, @ForAll("fftSizes") int nFft,
                                                        @ForAll @IntRange(min = 1, max = 128) int nMels,
                                                        @ForAll boolean htk) {
        MelFilterBank bank = MelFilterBank.create(sr, nFft, MelConfig.builder().nMels(nMels).htk(htk).build());
        Matrix w = bank.weights();
        assertEquals(nMels, w.rows());
        assertEquals(nFft / 2 + 1, w.cols());
        for (int m = 0; m < nMels; m++) {
            int first = bank.firstBin(m);
            int len = bank.filter(m).length;
            for (int k = 0; k < w.cols(); k++) {
                double v = w.get(m, k);
                assertTrue(v >= 0, "negative weight");
                if (k < first || k >= first + len) {
                    assertEquals(0.0, v, "weight outside the stored run of filter " + m);
                }
            }
            // a triangle rises then falls: no interior minimum
            double[] f = bank.filter(m);
            int peak = 0;
            for (int i = 1; i < f.length; i++) {
                peak = f[i] > f[peak] ? i : peak;
            }
            for (int i = 1; i <= peak; i++) {
                assertTrue(f[i] >= f[i - 1], "filter " + m + " not rising before its peak");
            }
            for (int i = peak + 1; i < f.length; i++) {
                assertTrue(f[i] <= f[i - 1], "filter " + m + " not falling after its peak");
            }
        }
    }

    @Property(tries = 60)
    void slaneyFiltersHaveUnitArea(@ForAll("sampleRates") int sr, @ForAll("fftSizes") int nFft,
                                   @ForAll @IntRange(min = 8, max = 128) int nMels, @ForAll boolean htk) {
        MelFilterBank bank = MelFilterBank.create(sr, nFft, MelConfig.builder().nMels(nMels).htk(htk).build());
        double[] edges = bank.melFrequencies();
        double binWidth = (double) sr / nFft;
        for (int m = 0; m < nMels; m++) {
            double width = edges[m + 2] - edges[m];
            if (width < 10 * binWidth) {
                continue; // too few bins to integrate the triangle by sampling
            }
            double area = 0;
            for (double v : bank.filter(m)) {
                area += v * binWidth;
            }
            // sampling a hat of height 2/width every binWidth Hz misses at most 2 binWidth * height
            double tolerance = 4 * binWidth / width + 1e-6;
            assertEquals(1.0, area, tolerance, "area of filter " + m + " (width " + width + " Hz)");
        }
    }

    @Property(tries = 40)
    void unnormalisedFiltersPeakAtMostOne(@ForAll("sampleRates") int sr, @ForAll("fftSizes") int nFft,
                                          @ForAll @IntRange(min = 1, max = 64) int nMels) {
        MelFilterBank bank = MelFilterBank.create(sr, nFft,
                MelConfig.builder().nMels(nMels).norm(MelNorm.NONE).build());
        for (int m = 0; m < nMels; m++) {
            for (double v : bank.filter(m)) {
                assertTrue(v <= 1.0, "weight above 1");
            }
        }
    }

    @Property(tries = 40)
    void lpNormalisedFiltersHaveUnitNorm(@ForAll("sampleRates") int sr, @ForAll @IntRange(min = 1, max = 4) int p,
                                         @ForAll boolean infinity) {
        double order = infinity ? Double.POSITIVE_INFINITY : p;
        MelFilterBank bank = MelFilterBank.create(sr, 2048,
                MelConfig.builder().nMels(40).norm(MelNorm.lp(order)).build());
        for (int m = 0; m < 40; m++) {
            double s = 0;
            double max = 0;
            for (double v : bank.filter(m)) {
                s += Math.pow(v, order == Double.POSITIVE_INFINITY ? 1 : order);
                max = Math.max(max, v);
            }
            double norm = infinity ? max : Math.pow(s, 1.0 / order);
            assertEquals(1.0, norm, 1e-6, "l" + order + " norm of filter " + m);
        }
    }

    @Property(tries = 30)
    void sparseApplyEqualsDenseProduct(@ForAll("sampleRates") int sr, @ForAll("fftSizes") int nFft,
                                       @ForAll @IntRange(min = 1, max = 128) int nMels,
                                       @ForAll @IntRange(min = 1, max = 9) int frames, @ForAll long seed) {
        MelFilterBank bank = MelFilterBank.create(sr, nFft, MelConfig.builder().nMels(nMels).build());
        Random r = new Random(seed);
        Matrix s = new Matrix(bank.bins(), frames);
        for (int i = 0; i < s.data().length; i++) {
            s.data()[i] = r.nextDouble() * 100;
        }
        Matrix w = bank.weights();
        Matrix out = bank.apply(s);
        for (int m = 0; m < nMels; m++) {
            for (int t = 0; t < frames; t++) {
                double expected = 0;
                for (int k = 0; k < bank.bins(); k++) {
                    expected += w.get(m, k) * s.get(k, t);
                }
                assertEquals(expected, out.get(m, t), 1e-12 * Math.max(1, Math.abs(expected)));
            }
        }
    }

    @Test
    void float32WeightsDifferFromExactOnlyByRounding() {
        MelFilterBank f32 = MelFilterBank.create(22050, 2048, MelConfig.DEFAULT);
        MelFilterBank f64 = MelFilterBank.create(22050, 2048, MelConfig.builder().float32Weights(false).build());
        double[] a = f32.weights().data();
        double[] b = f64.weights().data();
        boolean anyDifferent = false;
        for (int i = 0; i < a.length; i++) {
            assertEquals((float) a[i], a[i], 0.0, "float32 weight not representable in float32");
            assertEquals(b[i], a[i], 1.2e-7 * Math.abs(b[i]));
            anyDifferent |= a[i] != b[i];
        }
        assertTrue(anyDifferent);
    }

    @Test
    void sparseStorageIsSmall() {
        MelFilterBank bank = MelFilterBank.create(16000, 2048, MelConfig.DEFAULT);
        assertTrue(bank.storedWeights() < 0.05 * 128 * 1025, "stored " + bank.storedWeights());
    }

    @Test
    void refusesMismatchedSpectrogramAndBadRanges() {
        MelFilterBank bank = MelFilterBank.create(16000, 512, MelConfig.DEFAULT);
        assertThrows(SpectralParameterException.class, () -> bank.apply(new Matrix(1025, 2)));
        assertThrows(SpectralParameterException.class,
                () -> MelFilterBank.create(16000, 512, MelConfig.builder().fMin(9000).build()));
        assertThrows(SpectralParameterException.class, () -> MelConfig.builder().nMels(0).build());
        assertThrows(SpectralParameterException.class, () -> MelConfig.builder().fMin(300).fMax(200.0).build());
    }
}
