package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The blocked, vectorised DCT and mel projections against straightforward products that add
 * the same terms in the same order (so the results must be identical, not just close).
 */
class ProjectionReferenceTest {
    @Provide
    Arbitrary<Integer> fftSizes() {
        return Arbitraries.of(128, 400, 512, 2048);
    }

    private static Matrix random(long seed, int rows, int cols) {
        Random r = new Random(seed);
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = r.nextGaussian() * Math.pow(10, 3 * r.nextDouble());
        }
        return m;
    }

    /** {@code out[k, t] = sum_j w[k, j] x[j, t]}, j in groups of four summed as one term, then the rest. */
    private static double[] dctReference(Matrix basis, Matrix x) {
        int n = basis.cols();
        int n4 = n - n % 4;
        double[] out = new double[basis.rows() * x.cols()];
        for (int k = 0; k < basis.rows(); k++) {
            for (int t = 0; t < x.cols(); t++) {
                double o = 0;
                for (int j = 0; j < n4; j += 4) {
                    o += basis.get(k, j) * x.get(j, t) + basis.get(k, j + 1) * x.get(j + 1, t)
                            + basis.get(k, j + 2) * x.get(j + 2, t) + basis.get(k, j + 3) * x.get(j + 3, t);
                }
                for (int j = n4; j < n; j++) {
                    o += basis.get(k, j) * x.get(j, t);
                }
                out[k * x.cols() + t] = o;
            }
        }
        return out;
    }

    @Property(tries = 60)
    void dctEqualsTheRowByRowProduct(@ForAll @IntRange(min = 1, max = 3) int type,
                                     @ForAll @IntRange(min = 2, max = 130) int n,
                                     @ForAll @IntRange(min = 0, max = 40) int frames, @ForAll boolean ortho,
                                     @ForAll long seed) {
        Dct dct = Dct.of(type, ortho ? DctNorm.ORTHO : DctNorm.NONE, n, 1 + (int) Math.floorMod(seed, (long) n));
        Matrix x = random(seed, n, frames);
        assertArrayEquals(dctReference(dct.basis(), x), dct.apply(x).data(), 0.0);
    }

    @Property(tries = 40)
    void melEqualsTheFilterByFilterProduct(@ForAll("fftSizes") int nFft, @ForAll @IntRange(min = 1, max = 140) int nMels,
                                           @ForAll @IntRange(min = 0, max = 30) int frames, @ForAll long seed) {
        MelFilterBank bank = MelFilterBank.create(22050, nFft, MelConfig.builder().nMels(nMels).build());
        Matrix s = random(seed, bank.bins(), frames);
        double[] expected = new double[nMels * frames];
        for (int m = 0; m < nMels; m++) {
            double[] w = bank.filter(m);
            for (int t = 0; t < frames; t++) {
                double o = 0;
                for (int j = 0; j < w.length; j++) {
                    o += w[j] * s.get(bank.firstBin(m) + j, t);
                }
                expected[m * frames + t] = o;
            }
        }
        assertArrayEquals(expected, bank.apply(s).data(), 0.0);
    }
}
