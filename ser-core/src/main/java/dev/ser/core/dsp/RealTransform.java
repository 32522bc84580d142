package dev.ser.core.dsp;

/**
 * One length's real-input FFT in numpy's {@code rfft} layout, as {@link RealFft} uses it. Two
 * implementations: {@link HalfLengthRealFft} for powers of two, {@link MixedRadixRealFft} for
 * every other length. Implementations hold scratch buffers and are confined to one thread.
 */
interface RealTransform {
    /** The {@code n / 2 + 1} bins of {@code input[offset .. offset + n)} into {@code re}/{@code im}. */
    void forward(double[] input, int offset, double[] re, double[] im);

    /** As {@link #forward}, of {@code signal[start + i] * window[i]} for {@code i < n}. */
    void forwardWindowed(double[] signal, int start, double[] window, double[] re, double[] im);

    /** numpy's {@code irfft}: {@code n} samples into {@code out[offset ..]}, scaled by {@code 1/n}. */
    void inverse(double[] re, double[] im, double[] out, int offset);
}
