package dev.ser.core.dsp;

/**
 * The real FFT of an even power-of-two length {@code n = 2m} through one complex FFT of length
 * {@code m} ({@link PowerOfTwoFft}).
 *
 * <p>Forward: the even and odd samples become the real and imaginary parts of
 * {@code z[j] = x[2j] + i x[2j+1]}. With {@code Z = FFT_m(z)}, the spectra of the even and odd
 * samples are {@code E[k] = (Z[k] + conj Z[m-k]) / 2} and {@code O[k] = (Z[k] - conj Z[m-k]) / 2i},
 * and {@code X[k] = E[k] + W_n^k O[k]} for {@code k = 0..m}. One pass computes {@code X[k]} and
 * {@code X[m-k]} together, since both need the same two values of {@code Z}.
 *
 * <p>Inverse: the same identities solved for {@code Z}: {@code E[k] = (X[k] + conj X[m-k]) / 2},
 * {@code O[k] = (X[k] - conj X[m-k]) W_n^-k / 2}, {@code Z[k] = E[k] + i O[k]}, and the inverse
 * complex FFT of {@code Z} interleaves back into {@code x}. The inverse FFT is the forward one with
 * the real and imaginary arrays exchanged ({@code IFFT(Z) = swap(FFT(swap(Z))) / m}, where
 * {@code swap(a + ib) = b + ia}), which costs nothing with split arrays.
 *
 * <p>The complex FFT leaves its result in bit-reversed order; the post-processing reads it (and the
 * inverse writes the interleaved output) through the bit-reversal table instead of reordering.
 * Holds scratch arrays: one instance per thread.
 */
final class HalfLengthRealFft implements RealTransform {
    private final int n;
    private final int m;
    private final PowerOfTwoFft fft;
    private final int[] rev;
    /** {@code cos(2 pi k / n) / 2} and {@code sin(2 pi k / n) / 2}, {@code k < m}: the forward's twiddles with its halving folded in. */
    private final double[] halfCos;
    private final double[] halfSin;
    private final double[] zr;
    private final double[] zi;

    HalfLengthRealFft(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("length must be a power of two of at least 2, got " + n);
        }
        this.n = n;
        this.m = n / 2;
        this.fft = new PowerOfTwoFft(m);
        this.rev = fft.bitReversalTable();
        this.halfCos = new double[m];
        this.halfSin = new double[m];
        for (int k = 0; k < m; k++) {
            halfCos[k] = 0.5 * Math.cos(2 * Math.PI * k / n);
            halfSin[k] = 0.5 * Math.sin(2 * Math.PI * k / n);
        }
        this.zr = new double[m];
        this.zi = new double[m];
    }

    @Override
    public void forward(double[] input, int offset, double[] re, double[] im) {
        for (int j = 0; j < m; j++) {
            zr[j] = input[offset + 2 * j];
            zi[j] = input[offset + 2 * j + 1];
        }
        fft.transform(zr, zi);
        untangle(re, im);
    }

    @Override
    public void forwardWindowed(double[] signal, int start, double[] window, double[] re, double[] im) {
        for (int j = 0; j < m; j++) {
            zr[j] = signal[start + 2 * j] * window[2 * j];
            zi[j] = signal[start + 2 * j + 1] * window[2 * j + 1];
        }
        fft.transform(zr, zi);
        untangle(re, im);
    }

    /**
     * {@code X[k]} and {@code X[m-k]} from {@code a = Z[k]} and {@code b = Z[m-k]}: with
     * {@code e = (ar + br) / 2}, {@code f = (ai - bi) / 2} and the rotated odd part
     * {@code p + iq = W^k (ai + bi, br - ar) / 2}, {@code X[k] = (e + p, f + q)} and
     * {@code X[m-k] = (e - p, q - f)} (the twiddle of {@code m-k} is {@code -conj W^k}).
     */
    private void untangle(double[] re, double[] im) {
        re[0] = zr[0] + zi[0];
        im[0] = 0.0;
        re[m] = zr[0] - zi[0];
        im[m] = 0.0;
        for (int k = 1; k < m - k; k++) {
            double ar = zr[rev[k]];
            double ai = zi[rev[k]];
            double br = zr[rev[m - k]];
            double bi = zi[rev[m - k]];
            double e = 0.5 * (ar + br);
            double f = 0.5 * (ai - bi);
            double or = ai + bi;
            double oi = br - ar;
            double p = halfCos[k] * or + halfSin[k] * oi;
            double q = halfCos[k] * oi - halfSin[k] * or;
            re[k] = e + p;
            im[k] = f + q;
            re[m - k] = e - p;
            im[m - k] = q - f;
        }
        if (m % 2 == 0) { // X[m/2] = conj Z[m/2]: its twiddle is -i
            int h = m / 2;
            re[h] = zr[rev[h]];
            im[h] = -zi[rev[h]];
        }
    }

    /**
     * Solves for {@code Z[k] / m} (the {@code 1/m} of the inverse complex FFT folded in), runs the
     * forward FFT on the exchanged arrays, and de-interleaves through the bit-reversal table. With
     * {@code a = X[k]}, {@code b = X[m-k]}, {@code s = 1/n}, {@code e = s (ar + br)},
     * {@code f = s (ai - bi)} and {@code g = a - conj b}: {@code Z[k]/m = (e - p, f + q)} and
     * {@code Z[m-k]/m = (e + p, q - f)} with {@code p = s (gr sin + gi cos)},
     * {@code q = s (gr cos - gi sin)}.
     */
    @Override
    public void inverse(double[] re, double[] im, double[] out, int offset) {
        double s = 1.0 / n;
        double s2 = 2.0 / n; // undoes the halving stored in halfCos / halfSin
        // k = 0 pairs DC with Nyquist; their imaginary parts are ignored, as numpy does
        zr[0] = s * (re[0] + re[m]);
        zi[0] = s * (re[0] - re[m]);
        for (int k = 1; k < m - k; k++) {
            double ar = re[k];
            double ai = im[k];
            double br = re[m - k];
            double bi = im[m - k];
            double e = s * (ar + br);
            double f = s * (ai - bi);
            double gr = ar - br;
            double gi = ai + bi;
            double p = s2 * (gr * halfSin[k] + gi * halfCos[k]);
            double q = s2 * (gr * halfCos[k] - gi * halfSin[k]);
            zr[k] = e - p;
            zi[k] = f + q;
            zr[m - k] = e + p;
            zi[m - k] = q - f;
        }
        if (m % 2 == 0) { // Z[m/2] = conj X[m/2] * 2 / n
            int h = m / 2;
            zr[h] = s2 * re[h];
            zi[h] = -s2 * im[h];
        }
        // Passing the arrays exchanged transforms swap(Z); the result is swap(z), so reading the
        // arrays back under their own names undoes the swap: (zr, zi) = (Re z, Im z), bit-reversed.
        fft.transform(zi, zr);
        for (int j = 0; j < m; j++) {
            out[offset + 2 * j] = zr[rev[j]];
            out[offset + 2 * j + 1] = zi[rev[j]];
        }
    }
}
