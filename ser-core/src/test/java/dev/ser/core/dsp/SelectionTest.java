package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Selection and the selection-based median against sorting. */
class SelectionTest {
    /** Values with many ties, sorted or reversed runs, or wide magnitudes, by {@code kind}. */
    private static double[] values(Random r, int n, int kind) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case 0 -> r.nextGaussian() * Math.pow(10, 6 * r.nextDouble() - 3);
                case 1 -> r.nextInt(3);
                case 2 -> i;
                case 3 -> n - i;
                default -> i % 7 == 0 ? -0.0 : i % 5; // organ pipe with signed zeros
            };
        }
        return v;
    }

    /** np.median by sorting a copy: the reference. */
    private static double sortedMedian(double[] values, int n) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int mid = n / 2;
        return n % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    @Property(tries = 400)
    void selectFindsWhatASortPutsThere(@ForAll @IntRange(min = 1, max = 3000) int n,
                                       @ForAll @IntRange(min = 0, max = 4) int kind, @ForAll long seed) {
        Random r = new Random(seed);
        double[] v = values(r, n, kind);
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int k = r.nextInt(n);
        double kth = Selection.select(v, 0, n, k);
        assertEquals(sorted[k], kth, 0.0);
        for (int i = 0; i < n; i++) {
            assertTrue(i < k ? v[i] <= kth : i == k || v[i] >= kth, "partitioned at " + i);
        }
        double[] rearranged = v.clone();
        Arrays.sort(rearranged);
        assertArrayEquals(sorted, rearranged, 0.0, "a permutation of the input");
    }

    @Property(tries = 400)
    void medianEqualsTheSortedMedianExactly(@ForAll @IntRange(min = 1, max = 3000) int n,
                                            @ForAll @IntRange(min = 0, max = 4) int kind,
                                            @ForAll @IntRange(min = 0, max = 10) int padding, @ForAll long seed) {
        double[] v = values(new Random(seed), n + padding, kind);
        double[] before = v.clone();
        assertEquals(sortedMedian(v, n), TuningEstimator.median(v, n), 0.0);
        assertArrayEquals(before, v, 0.0, "the input is left as it was");
    }

    @Property(tries = 50)
    void medianWithNaNFollowsTheSort(@ForAll @IntRange(min = 1, max = 50) int n, @ForAll long seed) {
        Random r = new Random(seed);
        double[] v = values(r, n, 0);
        v[r.nextInt(n)] = Double.NaN;
        assertEquals(sortedMedian(v, n), TuningEstimator.median(v, n), 0.0);
    }
}
