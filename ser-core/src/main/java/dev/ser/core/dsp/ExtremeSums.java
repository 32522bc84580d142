package dev.ser.core.dsp;

import java.util.Arrays;

/**
 * Sums of the {@code q} smallest and the {@code q} largest of a run of values, each added in
 * ascending order, exactly as summing the two ends of the fully sorted run would give them, but
 * without sorting the run: spectral contrast needs only the extremes of each band.
 *
 * <p>For a small {@code q} one pass keeps the {@code q} smallest and {@code q} largest values
 * seen so far in two small sorted buffers; a value only costs an insertion when it beats the
 * current {@code q}-th extreme, which in a spectrum band of hundreds of bins is rare. For a large
 * {@code q}, or a run holding NaN (whose place in the order only a sort reproduces), the run is
 * sorted. Not thread-safe: one instance holds the buffers of one caller.
 */
final class ExtremeSums {
    /** Above this many extremes per end, insertion into the buffers costs more than a sort. */
    static final int MAX_STREAMED = 32;

    private final double[] low;
    private final double[] high;
    /** Copy of a run for the sort fallback, so the caller's array is never reordered. */
    private double[] sortScratch = new double[0];
    private double lowSum;
    private double highSum;

    /** Buffers for up to {@code maxCount} extremes per end. */
    ExtremeSums(int maxCount) {
        int size = Math.min(Math.max(maxCount, 1), MAX_STREAMED);
        low = new double[size];
        high = new double[size];
    }

    /**
     * Finds the sums of the {@code q} smallest and largest of {@code v[from .. from + n)},
     * {@code 1 <= q <= n}, leaving {@code v} unchanged. Read them with {@link #lowSum()} and
     * {@link #highSum()}.
     */
    void compute(double[] v, int from, int n, int q) {
        if (q > MAX_STREAMED || q > low.length || hasNaN(v, from, n)) {
            sortedSums(v, from, n, q);
            return;
        }
        // seed both buffers with the first q values, sorted (ascending)
        System.arraycopy(v, from, low, 0, q);
        insertionSort(low, q);
        System.arraycopy(low, 0, high, 0, q);
        double lowMax = low[q - 1];
        double highMin = high[0];
        for (int i = from + q, end = from + n; i < end; i++) {
            double x = v[i];
            // both tests usually fail: the loop is a compare per value and predicted branches
            if (x < lowMax) {
                lowMax = insertLow(x, q);
            }
            if (x > highMin) {
                highMin = insertHigh(x, q);
            }
        }
        lowSum = sum(low, 0, q);
        highSum = sum(high, 0, q);
    }

    private void sortedSums(double[] v, int from, int n, int q) {
        if (sortScratch.length < n) {
            sortScratch = new double[n];
        }
        System.arraycopy(v, from, sortScratch, 0, n);
        Arrays.sort(sortScratch, 0, n);
        lowSum = sum(sortScratch, 0, q);
        highSum = sum(sortScratch, n - q, q);
    }

    /** Sum of the {@code q} smallest values of the last {@link #compute} call. */
    double lowSum() {
        return lowSum;
    }

    /** Sum of the {@code q} largest values of the last {@link #compute} call. */
    double highSum() {
        return highSum;
    }

    /** Drops the largest of the kept small values and inserts {@code x} in order; the new largest. */
    private double insertLow(double x, int q) {
        int j = q - 1;
        while (j > 0 && low[j - 1] > x) {
            low[j] = low[j - 1];
            j--;
        }
        low[j] = x;
        return low[q - 1];
    }

    /** Drops the smallest of the kept large values and inserts {@code x} in order; the new smallest. */
    private double insertHigh(double x, int q) {
        int j = 0;
        while (j < q - 1 && high[j + 1] < x) {
            high[j] = high[j + 1];
            j++;
        }
        high[j] = x;
        return high[0];
    }

    private static void insertionSort(double[] a, int n) {
        for (int i = 1; i < n; i++) {
            double x = a[i];
            int j = i;
            while (j > 0 && a[j - 1] > x) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
    }

    private static boolean hasNaN(double[] v, int from, int n) {
        boolean nan = false;
        for (int i = from; i < from + n; i++) {
            nan |= v[i] != v[i];
        }
        return nan;
    }

    /** Left-to-right sum, the order numpy's mean uses for the few values of a quantile. */
    private static double sum(double[] v, int from, int count) {
        double s = 0;
        for (int i = from; i < from + count; i++) {
            s += v[i];
        }
        return s;
    }
}
