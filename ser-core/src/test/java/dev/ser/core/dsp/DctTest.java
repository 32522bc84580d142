package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.testkit.Parity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The DCT against scipy.fftpack.dct (fixture from scripts/make_dct_fixture.py) and its invariants. */
class DctTest {
    record ScipyCase(int type, DctNorm norm, int rows, int cols, double[] x, double[] y) {
        @Override
        public String toString() {
            return "dct" + type + "_" + norm + "_" + rows + "x" + cols;
        }
    }

    static Stream<ScipyCase> scipyCases() throws IOException {
        try (InputStream in = DctTest.class.getResourceAsStream("scipy_fftpack_dct.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<ScipyCase> cases = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                cases.add(new ScipyCase(c.get("type").asInt(),
                        DctNorm.valueOf(c.get("norm").asText().toUpperCase(java.util.Locale.ROOT)),
                        c.get("shape").get(0).asInt(), c.get("shape").get(1).asInt(),
                        doubles(c.get("x")), doubles(c.get("y"))));
            }
            return cases.stream();
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scipyCases")
    void matchesScipyFftpack(ScipyCase c) {
        Matrix y = Dct.transform(new Matrix(c.rows(), c.cols(), c.x()), c.type(), c.norm());
        // scipy's FFT-based DCT is itself accurate to ~1e-15 of scale; 1e-12 leaves room for
        // summation order while still catching any wrong scale factor or index
        Parity.assertClose("scipy_" + c, c.y(), y.data(), 1e-12);
    }

    @Test
    void truncatedTransformKeepsLeadingCoefficients() {
        Matrix x = randomMatrix(new Random(1), 40, 5);
        Matrix full = Dct.of(2, DctNorm.ORTHO, 40).apply(x);
        Matrix first13 = Dct.of(2, DctNorm.ORTHO, 40, 13).apply(x);
        assertEquals(13, first13.rows());
        for (int k = 0; k < 13; k++) {
            for (int t = 0; t < 5; t++) {
                assertEquals(full.get(k, t), first13.get(k, t), 0.0);
            }
        }
    }

    @Test
    void refusesInvalidArguments() {
        assertThrows(SpectralParameterException.class, () -> Dct.of(4, DctNorm.NONE, 8));
        assertThrows(SpectralParameterException.class, () -> Dct.of(1, DctNorm.NONE, 1));
        assertThrows(SpectralParameterException.class, () -> Dct.of(2, DctNorm.NONE, 8, 9));
        assertThrows(SpectralParameterException.class, () -> Dct.of(2, DctNorm.NONE, 8).apply(new Matrix(7, 2)));
    }

    @Property(tries = 60)
    void orthoBasesAreOrthonormal(@ForAll @IntRange(min = 2, max = 130) int n,
                                  @ForAll @IntRange(min = 1, max = 3) int type) {
        Matrix b = Dct.of(type, DctNorm.ORTHO, n).basis();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    dot += b.get(i, k) * b.get(j, k);
                }
                assertEquals(i == j ? 1.0 : 0.0, dot, 1e-12, "row " + i + " . row " + j);
            }
        }
    }

    @Property(tries = 60)
    void orthoDct3InvertsOrthoDct2(@ForAll @IntRange(min = 1, max = 130) int n, @ForAll long seed) {
        Matrix x = randomMatrix(new Random(seed), n, 3);
        Matrix back = Dct.of(3, DctNorm.ORTHO, n).apply(Dct.of(2, DctNorm.ORTHO, n).apply(x));
        assertClose(x, back, 1e-12 * Math.max(1, x.maxAbs()));
    }

    @Property(tries = 60)
    void unnormalisedDct3OfDct2Is2nTimesInput(@ForAll @IntRange(min = 1, max = 130) int n, @ForAll long seed) {
        // scipy: dct(dct(x, 2), 3) == 2N x for the unnormalised pair
        Matrix x = randomMatrix(new Random(seed), n, 2);
        Matrix twice = Dct.of(3, DctNorm.NONE, n).apply(Dct.of(2, DctNorm.NONE, n).apply(x));
        double[] d = twice.data();
        for (int i = 0; i < d.length; i++) {
            d[i] /= 2.0 * n;
        }
        assertClose(x, twice, 1e-12 * Math.max(1, x.maxAbs()));
    }

    @Property(tries = 40)
    void unnormalisedDct1IsItsOwnInverseUpToScale(@ForAll @IntRange(min = 2, max = 100) int n, @ForAll long seed) {
        // scipy: dct(dct(x, 1), 1) == 2 (N - 1) x
        Matrix x = randomMatrix(new Random(seed), n, 2);
        Dct dct1 = Dct.of(1, DctNorm.NONE, n);
        Matrix twice = dct1.apply(dct1.apply(x));
        double[] d = twice.data();
        for (int i = 0; i < d.length; i++) {
            d[i] /= 2.0 * (n - 1);
        }
        assertClose(x, twice, 1e-12 * Math.max(1, x.maxAbs()));
    }

    @Property(tries = 40)
    void dctIsLinear(@ForAll @IntRange(min = 1, max = 64) int n, @ForAll @IntRange(min = 1, max = 3) int type,
                     @ForAll long seed) {
        if (type == 1 && n < 2) {
            return;
        }
        Random r = new Random(seed);
        Matrix a = randomMatrix(r, n, 2);
        Matrix b = randomMatrix(r, n, 2);
        Matrix sum = new Matrix(n, 2);
        for (int i = 0; i < sum.data().length; i++) {
            sum.data()[i] = 2 * a.data()[i] - b.data()[i];
        }
        Dct dct = Dct.of(type, DctNorm.NONE, n);
        Matrix ya = dct.apply(a);
        Matrix yb = dct.apply(b);
        Matrix ys = dct.apply(sum);
        for (int i = 0; i < ys.data().length; i++) {
            assertEquals(2 * ya.data()[i] - yb.data()[i], ys.data()[i], 1e-9 * n);
        }
    }

    static Matrix randomMatrix(Random r, int rows, int cols) {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = r.nextGaussian() * 10;
        }
        return m;
    }

    private static void assertClose(Matrix expected, Matrix actual, double tolerance) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        for (int i = 0; i < expected.data().length; i++) {
            assertTrue(Math.abs(expected.data()[i] - actual.data()[i]) <= tolerance,
                    "index " + i + ": " + expected.data()[i] + " vs " + actual.data()[i]);
        }
    }
}
