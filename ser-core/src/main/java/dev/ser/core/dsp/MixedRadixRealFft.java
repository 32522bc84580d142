package dev.ser.core.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The real FFT of any length through JTransforms (mixed radix, Bluestein for large primes): the
 * fallback for lengths that are not powers of two. Translates between JTransforms' packed in-place
 * layout and separate real and imaginary arrays. Holds a scratch buffer: one instance per thread.
 */
final class MixedRadixRealFft implements RealTransform {
    private final int n;
    private final DoubleFFT_1D fft;
    private final double[] scratch;

    MixedRadixRealFft(int n) {
        this.n = n;
        this.fft = new DoubleFFT_1D(n);
        this.scratch = new double[n];
    }

    @Override
    public void forward(double[] input, int offset, double[] re, double[] im) {
        System.arraycopy(input, offset, scratch, 0, n);
        fft.realForward(scratch);
        unpack(scratch, re, im);
    }

    @Override
    public void forwardWindowed(double[] signal, int start, double[] window, double[] re, double[] im) {
        for (int i = 0; i < n; i++) {
            scratch[i] = signal[start + i] * window[i];
        }
        fft.realForward(scratch);
        unpack(scratch, re, im);
    }

    /**
     * JTransforms' layout: {@code a[2k], a[2k+1]} hold bin {@code k}; {@code a[1]} holds the Nyquist
     * bin for even {@code n}, and for odd {@code n} the imaginary part of the last bin, whose real
     * part is in {@code a[n-1]}.
     */
    private void unpack(double[] a, double[] re, double[] im) {
        re[0] = a[0];
        im[0] = 0;
        if (n == 1) {
            return;
        }
        int last = n / 2;
        for (int k = 1; k < last; k++) {
            re[k] = a[2 * k];
            im[k] = a[2 * k + 1];
        }
        if (n % 2 == 0) {
            re[last] = a[1];
            im[last] = 0;
        } else {
            re[last] = a[n - 1];
            im[last] = a[1];
        }
    }

    @Override
    public void inverse(double[] re, double[] im, double[] out, int offset) {
        double[] a = scratch;
        a[0] = re[0];
        if (n > 1) {
            int last = n / 2;
            for (int k = 1; k < last; k++) {
                a[2 * k] = re[k];
                a[2 * k + 1] = im[k];
            }
            if (n % 2 == 0) {
                a[1] = re[last];
            } else {
                a[n - 1] = re[last];
                a[1] = im[last];
            }
        }
        fft.realInverse(a, true);
        System.arraycopy(a, 0, out, offset, n);
    }
}
