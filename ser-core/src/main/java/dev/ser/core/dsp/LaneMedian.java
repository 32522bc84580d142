package dev.ser.core.dsp;

/**
 * Sliding medians of many equally long sequences ("lanes") computed in lockstep, with only
 * {@link Math#min(double, double)} and {@link Math#max(double, double)} on whole rows of lanes, so
 * that C2 turns every inner loop into vector instructions and no step depends on a data-dependent
 * branch. The sequential {@link SortedWindowMedian} spends most of its time in mispredicted
 * branches; this kernel has none and processes four to eight lanes per instruction.
 *
 * <p>Layout: value {@code e} of lane {@code l} of the (already reflected) extended sequence is
 * {@code src[rowStart[e] + l]}; the lanes of one sequence index are contiguous. For a row-major
 * matrix filtered along its columns these are simply its rows; for filtering along rows the caller
 * transposes a block of rows into this layout first.
 *
 * <p>Algorithm (a block decomposition in the spirit of van Herk / Gil-Werman, with sorted lists
 * instead of running minima): cut the extended sequence into blocks of {@code size}. The window of
 * output {@code b + t} ({@code b} a block start, {@code 0 <= t < size}) is the suffix
 * {@code [b + t, b + size)} of one block plus the prefix {@code [b + size, b + size + t)} of the
 * next. Only the {@code keep = rank + 1} smallest values of either part can be the element of
 * rank {@code rank}, so both parts are kept as sorted lists truncated to {@code keep} values:
 * <ul>
 *   <li>the suffixes, built backwards ({@code t = size-1 .. 0}) by inserting one value at a
 *       time, and stored (one list per {@code t});</li>
 *   <li>the prefix, grown forwards one insertion per output.</li>
 * </ul>
 * Inserting {@code x} into a sorted list {@code s} is a pure min/max network:
 * {@code s'[j] = max(s[j-1], min(x, s[j]))}. The element of rank {@code rank} of two sorted lists
 * {@code S} and {@code P} is {@code min over a + c = keep of max(S[a-1], P[c-1])}: any {@code a}
 * smallest of {@code S} with {@code c} smallest of {@code P} are {@code keep} values, so their
 * maximum bounds the rank element from above, and the split that takes exactly the
 * {@code keep} smallest overall attains it. Every result is therefore one of the input values,
 * the same one a sort would select (min and max only choose, they never compute). Cost per output
 * and lane: about {@code 2 keep} min/max for each of the two insertions and {@code 2 keep} for the
 * selection, all vectorised.
 *
 * <p>NaN must be rejected by the caller (it has no rank, and min/max would propagate it). Signed
 * zeros compare equal, as for {@code <}; when a window holds both, which zero is returned is not
 * specified (the callers route such input elsewhere where that matters).
 *
 * <p>Not thread-safe: one instance holds the scratch lists for one call.
 */
final class LaneMedian {
    private final int size;
    private final int rank;
    private final int keep;
    private final int lanes;
    /**
     * {@code suffix[t][j]}: value {@code j} (ascending) of the suffix of the current block that
     * starts at {@code t}. Only slots {@code [suffixLow(t), min(size - t, keep))} are ever read.
     */
    private final double[][][] suffix;
    /**
     * Values {@code j} (ascending) of the prefix of the next block grown so far, updated in place;
     * only slots {@code [prefixLow(t), min(t, keep))} are ever read.
     */
    private final double[][] prefix;
    /** The running minimum over splits, one value per lane. */
    private final double[] acc;
    /**
     * The row of lanes being inserted, copied to offset 0: C2 (JDK 17) does not vectorise a lane
     * loop that reads another array at a variable offset, but does once all arrays start at 0.
     */
    private final double[] x;
    /** Sentinel rows below the smallest and above the largest slot, so every slot is one formula. */
    private final double[] minusInfinity;
    private final double[] plusInfinity;

    /**
     * @param size  window length, at least 1
     * @param lanes the largest number of lanes one call filters
     */
    LaneMedian(int size, int lanes) {
        this.size = size;
        this.rank = size / 2;
        this.keep = rank + 1;
        this.lanes = lanes;
        this.suffix = new double[size][][];
        for (int t = 0; t < size; t++) {
            suffix[t] = new double[Math.min(size - t, keep)][lanes];
        }
        this.prefix = new double[keep][lanes];
        this.acc = new double[lanes];
        this.x = new double[lanes];
        this.minusInfinity = new double[lanes];
        this.plusInfinity = new double[lanes];
        java.util.Arrays.fill(minusInfinity, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(plusInfinity, Double.POSITIVE_INFINITY);
    }

    /**
     * Filters {@code width} lanes of {@code n} outputs. Value {@code e} of lane {@code l} is
     * {@code src[rowStart[e] + first + l]}; output {@code i} of lane {@code l} goes to
     * {@code out[outStart + i * outStride + l * laneStride]}.
     *
     * @param rowStart for each index {@code e < n + size - 1} of the extended sequence, where its
     *                 lane 0 lies in {@code src} (before adding {@code first})
     */
    void filter(double[] src, int[] rowStart, int first, int n, int width,
                double[] out, int outStart, int outStride, int laneStride) {
        if (width > lanes) {
            throw new IllegalArgumentException("width " + width + " exceeds " + lanes + " lanes");
        }
        for (int b = 0; b < n; b += size) {
            buildSuffixes(src, rowStart, first, b, width);
            int count = Math.min(size, n - b);
            for (int t = 0; t < count; t++) {
                select(t, width);
                store(out, outStart + (b + t) * outStride, laneStride, width);
                if (t + 1 < count) {
                    System.arraycopy(src, rowStart[b + size + t] + first, x, 0, width);
                    growPrefix(t, width);
                }
            }
        }
    }

    /**
     * The lowest suffix slot the selection at {@code t} can use: with only {@code t} values in
     * the prefix, at least {@code keep - t} come from the suffix.
     */
    private int suffixLow(int t) {
        return Math.max(0, rank - t);
    }

    /**
     * The lowest prefix slot the selection at {@code t} can use: with only {@code size - t} values
     * in the suffix, at least {@code keep - (size - t)} come from the prefix.
     */
    private int prefixLow(int t) {
        return Math.max(0, t + keep - size - 1);
    }

    /**
     * Sorted suffixes of the block at {@code b}, from the one-value suffix backwards. Suffix
     * {@code t} inserts value {@code b + t} into suffix {@code t + 1}; only the slots the selection
     * can use are computed, and each needs only the slot below it, which is computed too.
     */
    private void buildSuffixes(double[] src, int[] rowStart, int first, int b, int width) {
        System.arraycopy(src, rowStart[b + size - 1] + first, suffix[size - 1][0], 0, width);
        for (int t = size - 2; t >= 0; t--) {
            System.arraycopy(src, rowStart[b + t] + first, x, 0, width);
            double[][] from = suffix[t + 1];
            double[][] to = suffix[t];
            int j = suffixLow(t);
            int high = to.length;
            for (; j + 1 < high; j += 2) {
                insertTwo(below(from, j), from[j], above(from, j + 1), to[j], to[j + 1], width);
            }
            if (j < high) {
                insertOne(below(from, j), above(from, j), to[j], width);
            }
        }
    }

    /** Inserts {@link #x} into the prefix of {@code length} values, in place, top slot first. */
    private void growPrefix(int length, int width) {
        double[][] p = prefix;
        int j = Math.min(length + 1, keep) - 1;
        int low = prefixLow(length + 1);
        // Pairs from the top down: each pair reads the slot below it before anything below is written.
        for (; j - 1 >= low; j -= 2) {
            insertTwo(below(p, j - 1), p[j - 1], above(p, j, length), p[j - 1], p[j], width);
        }
        if (j >= low) {
            insertOne(below(p, j), above(p, j, length), p[j], width);
        }
    }

    /** Slot {@code j - 1} of a list, or minus infinity below slot 0. */
    private double[] below(double[][] list, int j) {
        return j == 0 ? minusInfinity : list[j - 1];
    }

    /** Slot {@code j} of a list, or plus infinity past its end. */
    private double[] above(double[][] list, int j) {
        return j < list.length ? list[j] : plusInfinity;
    }

    /** Slot {@code j} of the prefix holding {@code length} values, or plus infinity past them. */
    private double[] above(double[][] list, int j, int length) {
        return j < length ? list[j] : plusInfinity;
    }

    /**
     * {@code acc = min over a + c = keep of max(suffix[t][a-1], prefix[c-1])}, two splits per lane
     * loop so the running minimum is loaded and stored half as often.
     */
    private void select(int t, int width) {
        double[][] s = suffix[t];
        int a = Math.max(0, keep - t);
        int last = Math.min(size - t, keep);
        // Split a takes a values from the suffix and keep - a from the prefix.
        initSplit(split(s, a, true), split(s, a, false), width);
        for (a++; a + 1 <= last; a += 2) {
            minTwoSplits(split(s, a, true), split(s, a, false), split(s, a + 1, true), split(s, a + 1, false),
                    width);
        }
        if (a <= last) {
            minTwoSplits(split(s, a, true), split(s, a, false), plusInfinity, plusInfinity, width);
        }
    }

    /** The suffix ({@code fromSuffix}) or prefix row a split reads; minus infinity for none. */
    private double[] split(double[][] s, int a, boolean fromSuffix) {
        int i = fromSuffix ? a : keep - a;
        return i == 0 ? minusInfinity : (fromSuffix ? s[i - 1] : prefix[i - 1]);
    }

    private void store(double[] out, int start, int laneStride, int width) {
        double[] a = acc;
        if (laneStride == 1) {
            System.arraycopy(a, 0, out, start, width);
        } else {
            for (int l = 0, o = start; l < width; l++, o += laneStride) {
                out[o] = a[l];
            }
        }
    }

    // The lane loops. Each is straight-line code over lanes at offset 0, which C2's superword
    // pass turns into vector min/max; reads come before writes so in-place use is safe.

    private void insertOne(double[] lo, double[] hi, double[] to, int width) {
        double[] xs = x;
        for (int l = 0; l < width; l++) {
            to[l] = Math.max(lo[l], Math.min(xs[l], hi[l]));
        }
    }

    private void insertTwo(double[] lo, double[] mid, double[] hi, double[] toLow, double[] toHigh, int width) {
        double[] xs = x;
        for (int l = 0; l < width; l++) {
            double v = xs[l];
            double m = mid[l];
            double upper = Math.max(m, Math.min(v, hi[l]));
            double lower = Math.max(lo[l], Math.min(v, m));
            toHigh[l] = upper;
            toLow[l] = lower;
        }
    }

    private void initSplit(double[] u, double[] v, int width) {
        double[] a = acc;
        for (int l = 0; l < width; l++) {
            a[l] = Math.max(u[l], v[l]);
        }
    }

    private void minTwoSplits(double[] u1, double[] v1, double[] u2, double[] v2, int width) {
        double[] a = acc;
        for (int l = 0; l < width; l++) {
            a[l] = Math.min(a[l], Math.min(Math.max(u1[l], v1[l]), Math.max(u2[l], v2[l])));
        }
    }
}
