package dev.ser.core.dsp;

import java.util.Arrays;

/**
 * Sliding medians of many equally long sequences ("lanes") computed in lockstep by min/max
 * networks over whole rows of lanes, so that C2 turns every inner loop into vector instructions
 * and no step depends on a data-dependent branch. The sequential {@link SortedWindowMedian}
 * spends most of its time in mispredicted branches; this kernel has none.
 *
 * <p><b>Keys.</b> The kernel works on the raw bits ({@link Double#doubleToRawLongBits}) of
 * non-negative doubles ({@code +0.0} to {@code +inf}), whose order as {@code long}s is their order
 * as doubles, so selecting a bit pattern selects exactly that double. On these keys
 * {@code min(a, b) = b + (d & (d >> 63))} with {@code d = a - b} cannot overflow and is four plain
 * integer vector instructions, about twice as fast as C2's vectorised {@code Math.min(double, double)},
 * whose NaN and signed-zero handling costs several blends per instruction (measured, JDK 17 on
 * AVX-512). Callers route negative values, {@code -0.0} and NaN elsewhere.
 *
 * <p><b>Layout.</b> Key {@code e} of lane {@code l} of the (already reflected) extended sequence
 * is {@code src[rowStart[e] + first + l]}; the lanes of one sequence index are contiguous.
 *
 * <p><b>Algorithm</b> (a block decomposition in the spirit of van Herk / Gil-Werman, with sorted
 * lists instead of running minima). Cut the extended sequence into blocks of {@code size}. The
 * window of output {@code b + t} ({@code b} a block start, {@code 0 <= t < size}) is the suffix
 * {@code [b + t, b + size)} of one block plus the prefix {@code [b + size, b + size + t)} of the
 * next. Only the {@code keep = rank + 1} smallest values of either part can be the element of
 * rank {@code rank}, so both parts are kept as ascending lists truncated to {@code keep} values:
 * the suffixes are built backwards ({@code t = size-1 .. 0}), one insertion each, and stored; the
 * prefix grows forwards, one insertion per output. Inserting {@code x} into an ascending list
 * {@code s} is a min/max network, {@code s'[j] = max(s[j-1], min(x, s[j]))}. The element of rank
 * {@code rank} of two ascending lists {@code S} and {@code P} is
 * {@code min over a + c = keep of max(S[a-1], P[c-1])}: the {@code a} smallest of {@code S} with
 * the {@code c} smallest of {@code P} are {@code keep} values, so their maximum bounds the rank
 * element from above, and the split that takes exactly the {@code keep} smallest overall attains
 * it. Min and max only choose, so every output is the input value a sort would select. Slots and
 * splits that no later selection can read are skipped ({@link #suffixLow}, {@link #prefixLow}):
 * about 50 min/max per output and lane for {@code size = 31}.
 *
 * <p>Not thread-safe: one instance holds the scratch lists for one call.
 */
final class LaneMedian {
    /** Below every key: {@code -1}, so that subtracting it from a key cannot overflow. */
    private static final long MINUS_INFINITY = -1L;
    /** Above every key, {@code +inf}'s included: the bits of the canonical NaN, never an input. */
    private static final long PLUS_INFINITY = Double.doubleToRawLongBits(Double.NaN);

    private final int size;
    private final int rank;
    private final int keep;
    private final int lanes;
    /**
     * {@code suffix[t][j]}: value {@code j} (ascending) of the suffix of the current block that
     * starts at {@code t}. Only slots {@code [suffixLow(t), min(size - t, keep))} are ever read.
     */
    private final long[][][] suffix;
    /**
     * Values {@code j} (ascending) of the prefix of the next block grown so far, updated in place;
     * only slots {@code [prefixLow(t), min(t, keep))} are ever read.
     */
    private final long[][] prefix;
    /** The running minimum over splits, one value per lane. */
    private final long[] acc;
    /**
     * The row of lanes being inserted, copied to offset 0: C2 (JDK 17) does not vectorise a lane
     * loop that reads another array at a variable offset, but does once all arrays start at 0.
     */
    private final long[] x;
    /** Sentinel rows below the smallest and above the largest slot, so every slot is one formula. */
    private final long[] minusInfinity;
    private final long[] plusInfinity;

    /**
     * @param size  window length, at least 1
     * @param lanes the largest number of lanes one call filters
     */
    LaneMedian(int size, int lanes) {
        this.size = size;
        this.rank = size / 2;
        this.keep = rank + 1;
        this.lanes = lanes;
        this.suffix = new long[size][][];
        for (int t = 0; t < size; t++) {
            // Slots below suffixLow(t) are never read: left unallocated (a third of the memory).
            suffix[t] = new long[Math.min(size - t, keep)][];
            for (int j = suffixLow(t); j < suffix[t].length; j++) {
                suffix[t][j] = new long[lanes];
            }
        }
        this.prefix = new long[keep][lanes];
        this.acc = new long[lanes];
        this.x = new long[lanes];
        this.minusInfinity = new long[lanes];
        this.plusInfinity = new long[lanes];
        Arrays.fill(minusInfinity, MINUS_INFINITY);
        Arrays.fill(plusInfinity, PLUS_INFINITY);
    }

    /**
     * Filters {@code width} lanes of {@code n} outputs. Output {@code i} of lane {@code l} goes to
     * {@code out[outStart + i * outStride + l]}, as a double again.
     *
     * @param src      keys of non-negative doubles (see the class comment)
     * @param rowStart for each index {@code e < n + size - 1} of the extended sequence, where its
     *                 lane 0 lies in {@code src} (before adding {@code first})
     */
    void filter(long[] src, int[] rowStart, int first, int n, int width,
                double[] out, int outStart, int outStride) {
        if (width > lanes) {
            throw new IllegalArgumentException("width " + width + " exceeds " + lanes + " lanes");
        }
        for (int b = 0; b < n; b += size) {
            buildSuffixes(src, rowStart, first, b, width);
            int count = Math.min(size, n - b);
            for (int t = 0; t < count; t++) {
                select(t, width);
                store(out, outStart + (b + t) * outStride, width);
                if (t + 1 < count) {
                    System.arraycopy(src, rowStart[b + size + t] + first, x, 0, width);
                    growPrefix(t, width);
                }
            }
        }
    }

    /**
     * The lowest suffix slot the selection at {@code t} can read: with only {@code t} values in
     * the prefix, at least {@code keep - t} come from the suffix.
     */
    private int suffixLow(int t) {
        return Math.max(0, rank - t);
    }

    /**
     * The lowest prefix slot the selection at {@code t} can read: with only {@code size - t}
     * values in the suffix, at least {@code keep - (size - t)} come from the prefix.
     */
    private int prefixLow(int t) {
        return Math.max(0, t + keep - size - 1);
    }

    /**
     * Sorted suffixes of the block at {@code b}, from the one-value suffix backwards. Suffix
     * {@code t} inserts value {@code b + t} into suffix {@code t + 1}; slot {@code j} needs old
     * slots {@code j - 1} and {@code j}, which the slot limits keep available.
     */
    private void buildSuffixes(long[] src, int[] rowStart, int first, int b, int width) {
        System.arraycopy(src, rowStart[b + size - 1] + first, suffix[size - 1][0], 0, width);
        for (int t = size - 2; t >= 0; t--) {
            System.arraycopy(src, rowStart[b + t] + first, x, 0, width);
            long[][] from = suffix[t + 1];
            long[][] to = suffix[t];
            for (int j = suffixLow(t); j < to.length; j++) {
                insert(j == 0 ? minusInfinity : from[j - 1], j < from.length ? from[j] : plusInfinity, to[j],
                        width);
            }
        }
    }

    /**
     * Inserts {@link #x} into the prefix of {@code length} values in place, top slot first, so
     * that slot {@code j - 1} still holds its old value when slot {@code j} reads it.
     */
    private void growPrefix(int length, int width) {
        long[][] p = prefix;
        for (int j = Math.min(length + 1, keep) - 1; j >= prefixLow(length + 1); j--) {
            insert(j == 0 ? minusInfinity : p[j - 1], j < length ? p[j] : plusInfinity, p[j], width);
        }
    }

    /**
     * {@code acc = min over a + c = keep of max(suffix[t][a-1], prefix[c-1])}: split {@code a}
     * takes {@code a} values from the suffix and {@code keep - a} from the prefix. Two splits per
     * lane loop halve the loads and stores of the running minimum.
     */
    private void select(int t, int width) {
        long[][] s = suffix[t];
        int a = Math.max(0, keep - t);
        int last = Math.min(size - t, keep);
        maxInto(fromSuffix(s, a), fromPrefix(a), width);
        for (a++; a + 1 <= last; a += 2) {
            minOfTwoSplits(fromSuffix(s, a), fromPrefix(a), fromSuffix(s, a + 1), fromPrefix(a + 1), width);
        }
        if (a <= last) {
            minOfTwoSplits(fromSuffix(s, a), fromPrefix(a), plusInfinity, plusInfinity, width);
        }
    }

    /** The largest suffix value split {@code a} takes; minus infinity when it takes none. */
    private long[] fromSuffix(long[][] s, int a) {
        return a == 0 ? minusInfinity : s[a - 1];
    }

    /** The largest prefix value split {@code a} takes; minus infinity when it takes none. */
    private long[] fromPrefix(int a) {
        return a == keep ? minusInfinity : prefix[keep - a - 1];
    }

    private void store(double[] out, int start, int width) {
        long[] a = acc;
        for (int l = 0; l < width; l++) {
            out[start + l] = Double.longBitsToDouble(a[l]);
        }
    }

    // The lane loops: straight-line code over lanes at offset 0 that C2's superword pass turns
    // into vector instructions. Measured: a loop that updates two slots at once does not vectorise
    // (JDK 17), so insertion goes one slot per loop.

    /**
     * {@code min} of two keys without a branch: {@code d >> 63} is all ones exactly when
     * {@code a < b}, and then {@code b + d = a}. (The xor form {@code b ^ ((a ^ b) & mask)} measured
     * the same alone but kept some loops from vectorising.)
     */
    private static long min(long a, long b) {
        return b ^ ((a ^ b) & ((a - b) >> 63));
    }

    /** {@code max} of two keys without a branch, as {@link #min}. */
    private static long max(long a, long b) {
        return a ^ ((a ^ b) & ((a - b) >> 63));
    }

    /** {@code to = max(lo, min(x, hi))} lane by lane; {@code to} may be {@code hi}. */
    private void insert(long[] lo, long[] hi, long[] to, int width) {
        long[] xs = x;
        for (int l = 0; l < width; l++) {
            to[l] = max(lo[l], min(xs[l], hi[l]));
        }
    }

    private void maxInto(long[] u, long[] v, int width) {
        long[] a = acc;
        for (int l = 0; l < width; l++) {
            a[l] = max(u[l], v[l]);
        }
    }

    private void minOfTwoSplits(long[] u1, long[] v1, long[] u2, long[] v2, int width) {
        long[] a = acc;
        for (int l = 0; l < width; l++) {
            a[l] = min(a[l], min(max(u1[l], v1[l]), max(u2[l], v2[l])));
        }
    }
}
