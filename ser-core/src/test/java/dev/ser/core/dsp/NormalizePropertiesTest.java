package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Invariants of {@link Normalize}. */
class NormalizePropertiesTest {

    @Property(tries = 100)
    void columnsHaveUnitNormOrStayAsTheyAre(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int rows,
                                            @ForAll @IntRange(min = 0, max = 20) int cols,
                                            @ForAll @IntRange(min = 0, max = 3) int which) {
        Normalize.Norm norm = new Normalize.Norm[] {Normalize.Norm.INF, Normalize.Norm.L1, Normalize.Norm.L2,
                new Normalize.Norm(3)}[which];
        Random rnd = new Random(seed);
        Matrix m = new Matrix(rows, cols);
        for (int c = 0; c < cols; c++) {
            boolean zero = rnd.nextInt(4) == 0;
            for (int r = 0; r < rows; r++) {
                m.set(r, c, zero ? 0 : rnd.nextGaussian());
            }
        }
        Matrix n = Normalize.columns(m, norm);
        for (int c = 0; c < cols; c++) {
            double before = norm.length(m.data(), c, rows, cols);
            double after = norm.length(n.data(), c, rows, cols);
            if (before == 0) {
                for (int r = 0; r < rows; r++) {
                    assertEquals(0.0, n.get(r, c));
                }
            } else {
                assertEquals(1.0, after, 1e-12, norm + " column " + c);
            }
        }
        // normalising twice changes nothing more
        Matrix twice = Normalize.columns(n, norm);
        for (int i = 0; i < n.data().length; i++) {
            assertEquals(n.data()[i], twice.data()[i], 1e-15);
        }
    }

    @Test
    void noneLeavesTheDataAndNonFiniteIsRefused() {
        Matrix m = Matrix.of(new double[][] {{3, 0}, {4, 0}});
        assertEquals(m, Normalize.columns(m, Normalize.Norm.NONE));
        assertEquals(Matrix.of(new double[][] {{0.6, 0}, {0.8, 0}}), Normalize.columns(m, Normalize.Norm.L2));
        Matrix bad = Matrix.of(new double[][] {{Double.NaN}});
        assertThrows(IllegalArgumentException.class, () -> Normalize.columns(bad, Normalize.Norm.INF));
        assertThrows(IllegalArgumentException.class, () -> new Normalize.Norm(-1));
    }

    @Test
    void vectorNormalisation() {
        double[] v = {3, -4};
        Normalize.vectorInPlace(v, Normalize.Norm.L2, Normalize.TINY);
        assertEquals(0.6, v[0], 1e-15);
        assertEquals(-0.8, v[1], 1e-15);
        double[] tiny = {1e-310, 0};
        Normalize.vectorInPlace(tiny, Normalize.Norm.INF, Normalize.TINY);
        assertEquals(1e-310, tiny[0], "below the threshold: unchanged");
    }
}
