package dev.ser.core.dsp;

import java.util.Arrays;

/**
 * Order statistics without a full sort: quickselect (Hoare partition around a median-of-three
 * pivot), falling back to a sort of what is left when partitioning keeps going badly, so the
 * worst case stays {@code n log n}. Values must not be NaN (callers that may see NaN sort).
 */
final class Selection {
    /** Below this many values a sort of the rest beats further partitioning. */
    private static final int SMALL = 16;

    private Selection() {
    }

    /**
     * Rearranges {@code a[from .. to)} so that {@code a[k]} holds the value a sort would put
     * there, no value before it is larger and none after it smaller; returns {@code a[k]}.
     */
    static double select(double[] a, int from, int to, int k) {
        int lo = from;
        int hi = to - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from))); // ~2 log2 n rounds
        while (hi - lo >= SMALL) {
            if (budget-- == 0) {
                break; // bad pivots: finish with a sort, n log n at worst
            }
            double pivot = medianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) { // Hoare: afterwards a[lo..j] <= pivot <= a[i..hi]
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double tmp = a[i];
                    a[i++] = a[j];
                    a[j--] = tmp;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k]; // between the two parts: equal to the pivot
            }
        }
        Arrays.sort(a, lo, hi + 1);
        return a[k];
    }

    /** The largest of {@code a[from .. to)}, {@code from < to}. */
    static double max(double[] a, int from, int to) {
        double m = a[from];
        for (int i = from + 1; i < to; i++) {
            m = a[i] > m ? a[i] : m;
        }
        return m;
    }

    private static double medianOfThree(double x, double y, double z) {
        return x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
    }
}
