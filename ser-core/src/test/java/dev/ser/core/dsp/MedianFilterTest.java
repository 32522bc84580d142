package dev.ser.core.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** {@link MedianFilter} against scipy.ndimage and a sort-based reference. */
class MedianFilterTest {

    /** Every block of scipy outputs (odd and even sizes, windows longer than the axis). */
    @Test
    void matchesScipyNdimage() throws IOException {
        List<String> lines = Fixtures.lines("median-filter-scipy.txt");
        assertTrue(lines.size() >= 3 * 50, "fixture blocks");
        for (int i = 0; i < lines.size(); i += 3) {
            int[] h = Arrays.stream(lines.get(i).split(" ")).mapToInt(Integer::parseInt).toArray();
            Matrix x = new Matrix(h[0], h[1], Fixtures.parse(lines.get(i + 1)));
            double[] expected = Fixtures.parse(lines.get(i + 2));
            Matrix actual = h[2] == 0 ? MedianFilter.filterColumns(x, h[3]) : MedianFilter.filterRows(x, h[3]);
            assertArrayEquals(expected, actual.data(), 0.0, "block " + lines.get(i));
        }
    }

    @Test
    void evenSizeTakesUpperMiddleAndLooksOneFurtherBack() {
        // scipy: size 4 at i sees [i-2, i+1] and returns the element of rank 2.
        double[] x = {5, 1, 4, 2, 3, 9, 0};
        assertArrayEquals(new double[] {5, 5, 4, 3, 4, 3, 3}, MedianFilter.filter(x, 4), 0.0);
        assertArrayEquals(new double[] {5, 5, 4, 4, 3, 9, 9}, MedianFilter.filter(x, 2), 0.0);
    }

    @Test
    void windowLongerThanSignalKeepsReflecting() {
        // [3 7] extends as ... 7 3 3 7 | 3 7 | 7 3 3 7 ...: 31-windows hold 16 sevens, then 16 threes.
        assertArrayEquals(new double[] {7, 3}, MedianFilter.filter(new double[] {3, 7}, 31), 0.0);
    }

    @Test
    void rejectsNonPositiveSizeAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> MedianFilter.filter(new double[3], 0));
        assertThrows(IllegalArgumentException.class, () -> MedianFilter.filter(new double[] {1, Double.NaN}, 3));
    }

    /** Signed zeros and infinities are ordinary values. */
    @Test
    void zerosAndInfinities() {
        double inf = Double.POSITIVE_INFINITY;
        double[] x = {0.0, -0.0, inf, -inf, 0.0, inf, inf, -0.0};
        double[] expected = bruteForce(x, 3);
        double[] actual = MedianFilter.filter(x, 3);
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], actual[i], 0.0, "index " + i);
        }
    }

    @Property(tries = 200)
    void rowsMatchSortReference(@ForAll @IntRange(min = 1, max = 12) int rows,
                                @ForAll @IntRange(min = 1, max = 60) int cols,
                                @ForAll @IntRange(min = 1, max = 100) int size,
                                @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Matrix m = random(rows, cols, seed);
        Matrix actual = MedianFilter.filterRows(m, size);
        for (int r = 0; r < rows; r++) {
            assertArrayEquals(bruteForce(m.row(r), size), actual.row(r), 0.0, "row " + r);
        }
    }

    @Property(tries = 200)
    void columnsMatchSortReference(@ForAll @IntRange(min = 1, max = 60) int rows,
                                   @ForAll @IntRange(min = 1, max = 12) int cols,
                                   @ForAll @IntRange(min = 1, max = 40) int size,
                                   @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Matrix m = random(rows, cols, seed);
        Matrix actual = MedianFilter.filterColumns(m, size);
        for (int c = 0; c < cols; c++) {
            assertArrayEquals(bruteForce(m.column(c), size), actual.column(c), 0.0, "column " + c);
        }
    }

    @Property(tries = 100)
    void outputValuesComeFromTheInput(@ForAll @IntRange(min = 1, max = 80) int n,
                                      @ForAll @IntRange(min = 1, max = 35) int size,
                                      @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        double[] x = random(1, n, seed).data();
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        for (double v : MedianFilter.filter(x, size)) {
            assertTrue(Arrays.binarySearch(sorted, v) >= 0, v + " is not an input value");
        }
        assertEquals(n, MedianFilter.filter(x, size).length);
    }

    /**
     * Matrix filtering, whichever implementation it picks (lockstep kernel for many lanes of
     * non-negative values, sequential otherwise), returns exactly the bits of the sequential
     * sorted-window filter run on each row or column, and the values of sorting each window.
     * Shapes run from smaller than the window to past the lockstep kernel's thresholds
     * ({@link MedianFilter#MIN_LANES}, {@link MedianFilter#MIN_LANE_OUTPUTS},
     * {@link MedianFilter#MAX_LANE_SIZE}); values include
     * ties, zeros, subnormals, infinities and, when {@code signed}, negatives and {@code -0.0}.
     */
    @Property(tries = 100)
    void matrixFiltersMatchSequentialAndSortExactly(@ForAll @IntRange(min = 1, max = 300) int rows,
                                                    @ForAll @IntRange(min = 1, max = 300) int cols,
                                                    @ForAll @IntRange(min = 1, max = 80) int size,
                                                    @ForAll boolean signed,
                                                    @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Matrix m = awkward(rows, cols, signed, seed);
        Matrix byRow = MedianFilter.filterRows(m, size);
        SortedWindowMedian alongRows = new SortedWindowMedian(cols, size);
        double[] expected = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            alongRows.filter(m.data(), r * cols, 1, cols, expected, r * cols, 1);
            assertArrayEquals(bruteForce(m.row(r), size), byRow.row(r), 0.0, "row " + r);
        }
        assertBitsEqual(expected, byRow.data(), "filterRows");

        Matrix byColumn = MedianFilter.filterColumns(m, size);
        SortedWindowMedian alongColumns = new SortedWindowMedian(rows, size);
        for (int c = 0; c < cols; c++) {
            alongColumns.filter(m.data(), c, cols, rows, expected, c, cols);
            assertArrayEquals(bruteForce(m.column(c), size), byColumn.column(c), 0.0, "column " + c);
        }
        assertBitsEqual(expected, byColumn.data(), "filterColumns");
    }

    /** A spectrogram-sized matrix through both lockstep paths, against the sequential filter. */
    @Test
    void spectrogramShapeMatchesSequentialBitForBit() {
        Matrix m = awkward(1025, 117, false, 7);
        double[] expected = new double[m.data().length];
        SortedWindowMedian alongRows = new SortedWindowMedian(117, 31);
        for (int r = 0; r < 1025; r++) {
            alongRows.filter(m.data(), r * 117, 1, 117, expected, r * 117, 1);
        }
        assertBitsEqual(expected, MedianFilter.filterRows(m, 31).data(), "filterRows");
        SortedWindowMedian alongColumns = new SortedWindowMedian(1025, 31);
        for (int c = 0; c < 117; c++) {
            alongColumns.filter(m.data(), c, 117, 1025, expected, c, 117);
        }
        assertBitsEqual(expected, MedianFilter.filterColumns(m, 31).data(), "filterColumns");
    }

    /** Small matrices go to the sequential filter, large ones to the lockstep kernel: both reject NaN. */
    @Test
    void matrixWithNaNIsRejected() {
        for (int n : new int[] {20, 200}) {
            Matrix m = new Matrix(n, n);
            m.set(3, 4, Double.NaN);
            assertThrows(IllegalArgumentException.class, () -> MedianFilter.filterRows(m, 31));
            assertThrows(IllegalArgumentException.class, () -> MedianFilter.filterColumns(m, 31));
        }
    }

    private static void assertBitsEqual(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + " index " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    /** Ties on a coarse grid, continuous values and edge values; negatives and -0.0 if signed. */
    private static Matrix awkward(int rows, int cols, boolean signed, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        double[] special = {0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, Double.POSITIVE_INFINITY};
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            int kind = rnd.nextInt(10);
            double v = kind < 4 ? rnd.nextInt(4) : kind < 9 ? rnd.nextDouble() * 3 : special[rnd.nextInt(special.length)];
            d[i] = signed && rnd.nextInt(3) == 0 ? -v : v;
        }
        return new Matrix(rows, cols, d);
    }

    /** Values on a coarse grid (many ties) mixed with continuous ones. */
    private static Matrix random(int rows, int cols, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextBoolean() ? rnd.nextInt(4) : rnd.nextDouble() * 3;
        }
        return new Matrix(rows, cols, d);
    }

    /** Sort each window of the half-sample symmetric extension and take rank size/2. */
    private static double[] bruteForce(double[] x, int size) {
        int n = x.length;
        double[] out = new double[n];
        double[] window = new double[size];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < size; j++) {
                int m = Math.floorMod(i - size / 2 + j, 2 * n);
                window[j] = x[m < n ? m : 2 * n - 1 - m];
            }
            Arrays.sort(window);
            out[i] = window[size / 2];
        }
        return out;
    }
}
