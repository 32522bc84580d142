package dev.ser.core.dsp;

import java.util.HashMap;
import java.util.Map;

/**
 * A real-input FFT of one size with numpy's {@code rfft} output layout.
 *
 * <p>Powers of two (every STFT size in practice) use our own transform, a complex FFT of half the
 * length with a twiddle pass ({@link HalfLengthRealFft}); every other size falls back to JTransforms
 * ({@link MixedRadixRealFft}), so STFTs with any {@code n_fft} work. Plans are cached per thread
 * ({@link #forSize(int)}): a plan's tables are immutable after construction, but its scratch
 * buffers are not, so one instance must not be shared between threads. The sign convention is
 * numpy's: {@code X[k] = sum_n x[n] exp(-2 pi i k n / N)}.
 */
public final class RealFft {
    private static final ThreadLocal<Map<Integer, RealFft>> CACHE =
            ThreadLocal.withInitial(HashMap::new);

    private final int size;
    private final RealTransform transform;
    /** Spectrum buffers of {@link #forwardInPlace} (the packed-layout API). */
    private final double[] packRe;
    private final double[] packIm;

    private RealFft(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("FFT size must be at least 1, got " + size);
        }
        this.size = size;
        this.transform = size >= 2 && Integer.bitCount(size) == 1
                ? new HalfLengthRealFft(size)
                : new MixedRadixRealFft(size);
        this.packRe = new double[size / 2 + 1];
        this.packIm = new double[size / 2 + 1];
    }

    /** The calling thread's plan for {@code size}-point transforms. */
    public static RealFft forSize(int size) {
        return CACHE.get().computeIfAbsent(size, RealFft::new);
    }

    /** The transform length. */
    public int size() {
        return size;
    }

    /** Number of non-negative frequency bins, {@code size / 2 + 1}. */
    public int bins() {
        return size / 2 + 1;
    }

    /**
     * Transforms {@code size} samples of {@code input} starting at {@code offset}.
     *
     * @param re receives the real parts of the {@link #bins()} non-negative frequencies
     * @param im receives the imaginary parts
     */
    public void forward(double[] input, int offset, double[] re, double[] im) {
        transform.forward(input, offset, re, im);
    }

    /**
     * Transforms {@code signal[start + i] * window[i]} for {@code i < size} (a windowed frame,
     * without copying it out first) into {@link #bins()} bins.
     */
    public void forwardWindowed(double[] signal, int start, double[] window, double[] re, double[] im) {
        transform.forwardWindowed(signal, start, window, re, im);
    }

    /**
     * Transforms {@code buffer} (length {@link #size()}) in place into a packed layout (JTransforms'):
     * read the bins with {@link #re(double[], int)} and {@link #im(double[], int)}. Kept for callers
     * of that layout; {@link #forward} is faster.
     */
    public void forwardInPlace(double[] buffer) {
        transform.forward(buffer, 0, packRe, packIm);
        int last = size / 2;
        buffer[0] = packRe[0];
        if (size == 1) {
            return;
        }
        for (int k = 1; k < last; k++) {
            buffer[2 * k] = packRe[k];
            buffer[2 * k + 1] = packIm[k];
        }
        if (size % 2 == 0) {
            buffer[1] = packRe[last];
        } else {
            buffer[size - 1] = packRe[last];
            buffer[1] = packIm[last];
        }
    }

    /** The real part of bin {@code k} of a buffer transformed by {@link #forwardInPlace}. */
    public double re(double[] packed, int k) {
        if (k == 0) {
            return packed[0];
        }
        if (size % 2 == 0 && k == size / 2) {
            return packed[1];
        }
        if (size % 2 == 1 && k == (size - 1) / 2) {
            return packed[size - 1];
        }
        return packed[2 * k];
    }

    /** The imaginary part of bin {@code k} of a buffer transformed by {@link #forwardInPlace}. */
    public double im(double[] packed, int k) {
        if (k == 0 || (size % 2 == 0 && k == size / 2)) {
            return 0.0;
        }
        if (size % 2 == 1 && k == (size - 1) / 2) {
            return packed[1];
        }
        return packed[2 * k + 1];
    }

    /**
     * Inverse of {@link #forward}: the real signal of length {@link #size()} whose spectrum has the
     * given non-negative bins (Hermitian symmetry implied), scaled by {@code 1/size} as numpy's
     * {@code irfft}. The imaginary parts of the DC bin and, for even sizes, the Nyquist bin are
     * ignored, as numpy does.
     */
    public void inverse(double[] re, double[] im, double[] out, int offset) {
        transform.inverse(re, im, out, offset);
    }
}
