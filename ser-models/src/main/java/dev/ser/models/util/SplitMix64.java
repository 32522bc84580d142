package dev.ser.models.util;

/**
 * The SplitMix64 pseudo-random generator (Steele, Lea and Flood 2014), specified here so that a
 * seed gives the same stream on every JVM and version; {@code java.util.Random}'s algorithms are
 * not part of our contract. Not thread-safe.
 */
public final class SplitMix64 {

    private long state;

    /** A generator started at {@code seed}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform double in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform double in {@code [lo, hi)}. */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform int in {@code [0, bound)}, unbiased (rejection sampling). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long bits;
        long val;
        do {
            bits = nextLong() >>> 1;
            val = bits % bound;
        } while (bits - val + (bound - 1) < 0);
        return (int) val;
    }

    /** Fisher-Yates shuffle of {@code a} in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A generator for a sub-task, derived deterministically from this one. */
    public SplitMix64 split() {
        return new SplitMix64(nextLong());
    }
}
