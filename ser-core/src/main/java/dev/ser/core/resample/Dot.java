package dev.ser.core.resample;

/** The inner product at the heart of every kernel. */
final class Dot {
    private Dot() {
    }

    /**
     * {@code sum_k a[aOff + k] * b[bOff + k]} for {@code k} in {@code [0, n)}. Four independent
     * partial sums: the JIT does not reorder a floating-point reduction by itself, and one
     * accumulator would serialise every addition on its latency.
     */
    static double product(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += a[aOff + k] * b[bOff + k];
            s1 += a[aOff + k + 1] * b[bOff + k + 1];
            s2 += a[aOff + k + 2] * b[bOff + k + 2];
            s3 += a[aOff + k + 3] * b[bOff + k + 3];
        }
        for (; k < n; k++) {
            s0 += a[aOff + k] * b[bOff + k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
