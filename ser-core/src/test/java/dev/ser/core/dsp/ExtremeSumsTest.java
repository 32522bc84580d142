package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The selection-based extreme sums against sorting the whole run, the way contrast used to. */
class ExtremeSumsTest {
    /** Sorts the run and sums its ends left to right: the straightforward reference. */
    private static double[] sortedReference(double[] v, int from, int n, int q) {
        double[] sorted = Arrays.copyOfRange(v, from, from + n);
        Arrays.sort(sorted);
        double low = 0;
        double high = 0;
        for (int i = 0; i < q; i++) {
            low += sorted[i];
            high += sorted[n - q + i];
        }
        return new double[] {low, high};
    }

    /** Values with ties, zeros of both signs, monotone runs and wide magnitudes, by {@code kind}. */
    private static double[] values(Random r, int length, int kind) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = switch (kind) {
                case 0 -> Math.abs(r.nextGaussian()) * Math.pow(10, r.nextDouble() * 6 - 3);
                case 1 -> r.nextInt(4) * 0.25; // many ties
                case 2 -> i * 0.5; // ascending: every value a new maximum
                case 3 -> -i * 0.5; // descending: every value a new minimum
                default -> r.nextBoolean() ? 0.0 : -0.0;
            };
        }
        return v;
    }

    @Property(tries = 300)
    void equalsSortedSumsExactly(@ForAll @IntRange(min = 1, max = 700) int n,
                                 @ForAll @IntRange(min = 1, max = 60) int qWanted,
                                 @ForAll @IntRange(min = 0, max = 4) int kind,
                                 @ForAll @IntRange(min = 0, max = 5) int from, @ForAll long seed) {
        int q = Math.min(qWanted, n);
        double[] v = values(new Random(seed), from + n + 3, kind);
        double[] before = v.clone();
        ExtremeSums sums = new ExtremeSums(60);
        sums.compute(v, from, n, q);
        double[] expected = sortedReference(v, from, n, q);
        assertEquals(expected[0], sums.lowSum(), 0.0);
        assertEquals(expected[1], sums.highSum(), 0.0);
        assertArrayEquals(before, v, 0.0, "the input is left as it was");
    }

    @Test
    void nanSortsLastAsInTheFullSort() {
        double[] v = {3, Double.NaN, 1, 2, 5};
        ExtremeSums sums = new ExtremeSums(2);
        sums.compute(v, 0, v.length, 2);
        assertEquals(3.0, sums.lowSum(), 0.0);
        assertEquals(Double.NaN, sums.highSum(), 0.0);
    }

    @Property(tries = 50)
    void buffersAreReusedAcrossRuns(@ForAll long seed) {
        Random r = new Random(seed);
        ExtremeSums sums = new ExtremeSums(12);
        for (int run = 0; run < 20; run++) {
            int n = 1 + r.nextInt(300);
            int q = 1 + r.nextInt(Math.min(n, 12));
            double[] v = values(r, n, r.nextInt(5));
            sums.compute(v, 0, n, q);
            double[] expected = sortedReference(v, 0, n, q);
            assertEquals(expected[0], sums.lowSum(), 0.0);
            assertEquals(expected[1], sums.highSum(), 0.0);
        }
    }
}
