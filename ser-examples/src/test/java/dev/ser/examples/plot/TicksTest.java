package dev.ser.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.dsp.Matrix;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Property(tries = 300)
    void niceTicksAreInsideEvenlySpacedAndDistinctlyLabelled(
            @ForAll @DoubleRange(min = -1e4, max = 1e4) @Scale(5) double lo,
            @ForAll @DoubleRange(min = 1e-3, max = 1e4) @Scale(5) double span,
            @ForAll @IntRange(min = 2, max = 12) int target) {
        double hi = lo + span;
        List<Axis.Tick> ticks = Ticks.nice(lo, hi, target, false);
        assertFalse(ticks.isEmpty());
        assertTrue(ticks.size() <= 2 * target + 1, ticks.size() + " ticks for " + target);
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < ticks.size(); i++) {
            double v = ticks.get(i).value();
            assertTrue(v >= lo - 1e-9 * span && v <= hi + 1e-9 * span, v + " outside " + lo + ".." + hi);
            assertTrue(labels.add(ticks.get(i).text()), "duplicate label " + ticks.get(i).text());
            if (i >= 2) {
                double d1 = ticks.get(i).value() - ticks.get(i - 1).value();
                double d0 = ticks.get(i - 1).value() - ticks.get(i - 2).value();
                assertEquals(d0, d1, 1e-9 * span + 1e-12 * (Math.abs(lo) + Math.abs(hi)));
            }
            // the label is the value to the printed precision
            double parsed = Double.parseDouble(ticks.get(i).text().replace('\u2212', '-'));
            assertEquals(v, parsed, Math.abs(ticks.get(1 % ticks.size()).value() - ticks.get(0).value()) / 100
                    + 1e-12 * Math.max(1, Math.abs(v)));
        }
    }

    @Test
    void integerTicksNeverFallBetweenWholeNumbers() {
        for (Axis.Tick t : Ticks.nice(-0.5, 3.5, 10, true)) {
            assertEquals(Math.rint(t.value()), t.value());
        }
    }

    @Test
    void formatUsesATrueMinusAndNoNegativeZero() {
        assertEquals("\u22122.5", Ticks.format(-2.5, 1));
        assertEquals("0.00", Ticks.format(-0.0001, 2));
        assertEquals("8000", Ticks.format(8000, 0));
    }

    @Property(tries = 100)
    void reductionKeepsTheMaximumAndFitsTheArea(@ForAll @IntRange(min = 1, max = 300) int rows,
                                                  @ForAll @IntRange(min = 1, max = 300) int cols,
                                                  @ForAll @IntRange(min = 1, max = 120) int maxRows,
                                                  @ForAll @IntRange(min = 1, max = 120) int maxCols) {
        double[] data = new double[rows * cols];
        java.util.SplittableRandom random = new java.util.SplittableRandom(rows * 1000L + cols);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextDouble(-10, 10);
            max = Math.max(max, data[i]);
        }
        Matrix reduced = Heatmap.reduced(new Matrix(rows, cols, data), maxRows, maxCols);
        assertEquals(Math.min(rows, maxRows), reduced.rows());
        assertEquals(Math.min(cols, maxCols), reduced.cols());
        double reducedMax = Double.NEGATIVE_INFINITY;
        for (double v : reduced.data()) {
            reducedMax = Math.max(reducedMax, v);
        }
        assertEquals(max, reducedMax);
    }
}
