package dev.ser.core.dsp;

import java.util.HashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A real-input FFT of one size with numpy's {@code rfft} output layout, backed by JTransforms.
 *
 * <p>JTransforms handles every size (mixed radix, Bluestein for large primes), so STFTs with any
 * {@code n_fft} work. Plans are cached per thread ({@link #forSize(int)}): a plan is immutable
 * after construction, but its scratch buffers are not, so one instance must not be shared between
 * threads. The sign convention is numpy's: {@code X[k] = sum_n x[n] exp(-2 pi i k n / N)}.
 */
public final class RealFft {
    private static final ThreadLocal<Map<Integer, RealFft>> CACHE =
            ThreadLocal.withInitial(HashMap::new);

    private final int size;
    private final DoubleFFT_1D fft;
    private final double[] scratch;

    private RealFft(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("FFT size must be at least 1, got " + size);
        }
        this.size = size;
        this.fft = new DoubleFFT_1D(size);
        this.scratch = new double[size];
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
        System.arraycopy(input, offset, scratch, 0, size);
        fft.realForward(scratch);
        unpack(scratch, re, im);
    }

    /**
     * Transforms {@code buffer} (length {@link #size()}) in place into JTransforms' packed layout;
     * read the bins with {@link #re(double[], int)} and {@link #im(double[], int)}. For callers that
     * reorganise the output themselves (the STFT writes several frames per bin at once).
     */
    public void forwardInPlace(double[] buffer) {
        fft.realForward(buffer);
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

    /** Unpacks JTransforms' in-place real-FFT layout into separate real and imaginary arrays. */
    private void unpack(double[] a, double[] re, double[] im) {
        int n = size;
        re[0] = a[0];
        im[0] = 0;
        if (n == 1) {
            return;
        }
        if (n % 2 == 0) {
            int half = n / 2;
            for (int k = 1; k < half; k++) {
                re[k] = a[2 * k];
                im[k] = a[2 * k + 1];
            }
            re[half] = a[1];
            im[half] = 0;
        } else {
            int last = (n - 1) / 2;
            for (int k = 1; k < last; k++) {
                re[k] = a[2 * k];
                im[k] = a[2 * k + 1];
            }
            re[last] = a[n - 1];
            im[last] = a[1];
        }
    }

    /**
     * Inverse of {@link #forward}: the real signal of length {@link #size()} whose spectrum has the
     * given non-negative bins (Hermitian symmetry implied), scaled by {@code 1/size} as numpy's
     * {@code irfft}. The imaginary parts of the DC bin and, for even sizes, the Nyquist bin are
     * ignored, as numpy does.
     */
    public void inverse(double[] re, double[] im, double[] out, int offset) {
        int n = size;
        double[] a = scratch;
        a[0] = re[0];
        if (n > 1) {
            if (n % 2 == 0) {
                int half = n / 2;
                for (int k = 1; k < half; k++) {
                    a[2 * k] = re[k];
                    a[2 * k + 1] = im[k];
                }
                a[1] = re[half];
            } else {
                int last = (n - 1) / 2;
                for (int k = 1; k < last; k++) {
                    a[2 * k] = re[k];
                    a[2 * k + 1] = im[k];
                }
                a[n - 1] = re[last];
                a[1] = im[last];
            }
        }
        fft.realInverse(a, true);
        System.arraycopy(a, 0, out, offset, n);
    }
}
