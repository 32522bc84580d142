package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The sparse, blocked chroma projection against the dense matrix product it replaces. */
class ChromaProjectionTest {
    @Provide
    Arbitrary<Integer> fftSizes() {
        return Arbitraries.of(64, 256, 511, 1024, 2048, 4096);
    }

    @Provide
    Arbitrary<Integer> chromaCounts() {
        return Arbitraries.of(12, 24, 36, 7);
    }

    /** {@code weights @ s} by the textbook triple loop over the dense weights. */
    private static double[] denseReference(ChromaFilterBank bank, Matrix s) {
        Matrix w = bank.weights();
        double[] out = new double[w.rows() * s.cols()];
        for (int c = 0; c < w.rows(); c++) {
            for (int t = 0; t < s.cols(); t++) {
                double sum = 0;
                for (int k = 0; k < w.cols(); k++) {
                    sum += w.get(c, k) * s.get(k, t);
                }
                out[c * s.cols() + t] = sum;
            }
        }
        return out;
    }

    @Property(tries = 60)
    void sparseProjectionEqualsDenseProduct(@ForAll("fftSizes") int nFft, @ForAll("chromaCounts") int nChroma,
                                            @ForAll @DoubleRange(min = -0.5, max = 0.49) double tuning,
                                            @ForAll @IntRange(min = 0, max = 37) int frames, @ForAll long seed) {
        ChromaFilterConfig config = ChromaFilterConfig.builder().nChroma(nChroma).build();
        ChromaFilterBank bank = ChromaFilterBank.create(22050, nFft, tuning, config);
        Random r = new Random(seed);
        Matrix s = new Matrix(bank.bins(), frames);
        for (int i = 0; i < s.data().length; i++) {
            s.data()[i] = Math.abs(r.nextGaussian()) * Math.pow(10, 4 * r.nextDouble() - 2);
        }
        double[] expected = denseReference(bank, s);
        double[] actual = bank.apply(s).data();
        for (int c = 0; c < nChroma; c++) {
            for (int t = 0; t < frames; t++) {
                // the dropped tails are below 1e-14 of their bin's largest weight: bound the error by
                // that share of the largest possible contribution, plus rounding of the sum
                double bound = 0;
                for (int k = 0; k < bank.bins(); k++) {
                    double binMax = 0;
                    for (int cc = 0; cc < nChroma; cc++) {
                        binMax = Math.max(binMax, bank.weight(cc, k));
                    }
                    bound += binMax * s.get(k, t);
                }
                int i = c * frames + t;
                assertEquals(expected[i], actual[i], 1e-13 * bound, "chroma " + c + ", frame " + t);
            }
        }
    }

    @Property(tries = 20)
    void highBinsFeedOnlyTheChromaRowsNearTheirPitch(@ForAll @DoubleRange(min = -0.5, max = 0.49) double tuning) {
        ChromaFilterBank bank = ChromaFilterBank.create(16000, 2048, tuning);
        // of 12 x 257 (row, bin group) pairs, the Gaussian tails leave out about a third
        assertTrue(bank.projectedPairs() < 12 * 257 * 0.8, "pairs: " + bank.projectedPairs());
    }
}
