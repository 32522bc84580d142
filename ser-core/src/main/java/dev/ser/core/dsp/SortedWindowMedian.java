package dev.ser.core.dsp;

import java.util.Arrays;

/**
 * The sequential sliding median of {@link MedianFilter}: one sequence at a time, with scratch
 * buffers for one sequence length and window size that are reused across sequences, so the hot
 * loop allocates nothing. {@link MedianFilter} uses it where {@link LaneMedian}'s lockstep does not
 * pay (one sequence, few lanes, long windows) or must not be used (signed zeros).
 *
 * <p>The window is kept sorted in {@link #window}; {@link #member} and {@link #slotOf} link each
 * sorted slot to the window element (by its age, a circular index) it holds, so the outgoing
 * element's slot is known without searching. Each step overwrites that slot with the incoming
 * value and bubbles it to its rank, updating the links of the elements it passes.
 */
final class SortedWindowMedian {
    /** Up to this window size the initial window is insertion-sorted; above it, sorted. */
    private static final int INSERTION_SORT_MAX = 64;

    private final int size;
    private final int rank;
    /** The sequence extended by reflection: output i sees {@code extended[i, i + size)}. */
    private final double[] extended;
    /** The current window, sorted ascending. */
    private final double[] window;
    /** For each sorted slot, the circular index of the element it holds. */
    private final int[] member;
    /** For each circular index, the sorted slot holding that element. */
    private final int[] slotOf;
    /** Scratch for assigning duplicate values to distinct slots (large windows only). */
    private final int[] taken;

    SortedWindowMedian(int length, int size) {
        this.size = size;
        this.rank = size / 2;
        this.extended = new double[length + size - 1];
        this.window = new double[size];
        this.member = new int[size];
        this.slotOf = new int[size];
        this.taken = size > INSERTION_SORT_MAX ? new int[size] : null;
    }

    /** Filters {@code n} values read at {@code in[inOff + j * inStride]} into {@code out}. */
    void filter(double[] in, int inOff, int inStride, int n, double[] out, int outOff, int outStride) {
        extend(in, inOff, inStride, n);
        double[] ext = extended;
        double[] win = window;
        int[] mem = member;
        int[] slot = slotOf;
        int last = size - 1;
        initialWindow();
        out[outOff] = win[rank];
        int oldest = 0;
        for (int i = 1, o = outOff + outStride; i < n; i++, o += outStride) {
            double entering = ext[i + last];
            int p = slot[oldest];
            if (entering > win[p]) {
                while (p < last && win[p + 1] < entering) {
                    int moved = mem[p + 1];
                    win[p] = win[p + 1];
                    mem[p] = moved;
                    slot[moved] = p;
                    p++;
                }
            } else {
                while (p > 0 && win[p - 1] > entering) {
                    int moved = mem[p - 1];
                    win[p] = win[p - 1];
                    mem[p] = moved;
                    slot[moved] = p;
                    p--;
                }
            }
            win[p] = entering;
            mem[p] = oldest;
            slot[oldest] = p;
            oldest = oldest == last ? 0 : oldest + 1;
            out[o] = win[rank];
        }
    }

    /** Sorts {@code extended[0, size)} into the window and links slots and elements. */
    private void initialWindow() {
        double[] ext = extended;
        double[] win = window;
        int[] mem = member;
        if (size <= INSERTION_SORT_MAX) {
            for (int j = 0; j < size; j++) {
                double v = ext[j];
                int p = j;
                while (p > 0 && win[p - 1] > v) {
                    win[p] = win[p - 1];
                    mem[p] = mem[p - 1];
                    p--;
                }
                win[p] = v;
                mem[p] = j;
            }
        } else {
            // O(k log k): sort the values, then give equal values consecutive slots.
            System.arraycopy(ext, 0, win, 0, size);
            Arrays.sort(win);
            Arrays.fill(taken, 0);
            for (int j = 0; j < size; j++) {
                int first = lowerBound(win, ext[j]);
                mem[first + taken[first]++] = j;
            }
        }
        for (int s = 0; s < size; s++) {
            slotOf[mem[s]] = s;
        }
    }

    /**
     * Fills {@link #extended} with the reflected sequence.
     *
     * @throws IllegalArgumentException on NaN, which has no rank
     */
    private void extend(double[] in, int inOff, int inStride, int n) {
        int before = size / 2;
        double[] ext = extended;
        boolean nan = false;
        for (int j = before, s = inOff; j < before + n; j++, s += inStride) {
            double v = in[s];
            nan |= v != v;
            ext[j] = v;
        }
        if (nan) {
            throw new IllegalArgumentException("median filter input contains NaN");
        }
        for (int j = 0; j < before; j++) {
            ext[j] = ext[before + MedianFilter.symmetricIndex(j - before, n)];
        }
        for (int j = before + n; j < ext.length; j++) {
            ext[j] = ext[before + MedianFilter.symmetricIndex(j - before, n)];
        }
    }

    /** First index whose value is not below {@code v}. */
    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
