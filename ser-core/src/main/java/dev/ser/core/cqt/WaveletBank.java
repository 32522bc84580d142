package dev.ser.core.cqt;

import dev.ser.core.dsp.Window;
import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The geometry of a constant-Q (wavelet) filter bank, as {@code librosa.filters.wavelet_lengths}
 * and {@code librosa.filters.wavelet} define it for {@code gamma = 0}: centre frequencies, the
 * relative bandwidth {@code alpha} of each bin, filter lengths {@code Q * sr / f} with
 * {@code Q = filter_scale / alpha}, and the windowed complex sinusoids themselves.
 */
final class WaveletBank {
    private WaveletBank() {
    }

    /**
     * Equal-tempered centre frequencies in Hz, ascending: {@code fmin * 2^octave * 2^(k / bpo)}
     * (librosa's {@code interval_frequencies(intervals='equal')}).
     */
    static double[] frequencies(double fmin, int nBins, int binsPerOctave) {
        double[] ratios = new double[binsPerOctave];
        for (int k = 0; k < binsPerOctave; k++) {
            ratios[k] = Math.pow(2.0, (double) k / binsPerOctave);
        }
        double[] f = new double[nBins];
        for (int i = 0; i < nBins; i++) {
            f[i] = Math.pow(2.0, i / binsPerOctave) * ratios[i % binsPerOctave] * fmin;
        }
        return f;
    }

    /**
     * Relative bandwidth of each bin from the local spacing of log-frequencies
     * ({@code librosa.filters._relative_bandwidth}): with {@code b} the local bins per octave,
     * {@code alpha = (2^(2/b) - 1) / (2^(2/b) + 1)}, so that neighbouring filters of a geometric
     * bank interleave. A single bin takes the equal-tempered value for {@code binsPerOctave}.
     */
    static double[] relativeBandwidth(double[] freqs, int binsPerOctave) {
        int n = freqs.length;
        double[] alpha = new double[n];
        if (n == 1) {
            double r = Math.pow(2.0, 1.0 / binsPerOctave);
            alpha[0] = (r * r - 1) / (r * r + 1);
            return alpha;
        }
        double[] logf = new double[n];
        for (int i = 0; i < n; i++) {
            logf[i] = Math.log(freqs[i]) / Math.log(2.0);
        }
        for (int i = 0; i < n; i++) {
            double bpo;
            if (i == 0) {
                bpo = 1 / (logf[1] - logf[0]);
            } else if (i == n - 1) {
                bpo = 1 / (logf[n - 1] - logf[n - 2]);
            } else {
                bpo = 2 / (logf[i + 1] - logf[i - 1]);
            }
            double p = Math.pow(2.0, 2 / bpo);
            alpha[i] = (p - 1) / (p + 1);
        }
        return alpha;
    }

    /** Filter lengths in (fractional) samples at {@code sampleRate}: {@code (filterScale / alpha) * sr / f}. */
    static double[] lengths(double[] freqs, double[] alpha, double sampleRate, double filterScale) {
        double[] len = new double[freqs.length];
        for (int i = 0; i < freqs.length; i++) {
            double q = filterScale / alpha[i];
            len[i] = q * sampleRate / freqs[i];
        }
        return len;
    }

    /**
     * The highest frequency any filter's main lobe reaches:
     * {@code max f * (1 + 0.5 * bandwidth(window) / Q)}.
     */
    static double cutoff(double[] freqs, double[] alpha, double filterScale, Window window) {
        double bw = bandwidth(window);
        double max = 0;
        for (int i = 0; i < freqs.length; i++) {
            double q = filterScale / alpha[i];
            max = Math.max(max, freqs[i] * (1 + 0.5 * bw / q));
        }
        return max;
    }

    /**
     * Equivalent noise bandwidth of a window in bins, librosa's {@code WINDOW_BANDWIDTHS} table.
     */
    static double bandwidth(Window window) {
        return switch (window) {
            case HANN -> 1.50018310546875;
            case HAMMING -> 1.3629455320350348;
            case BLACKMAN -> 1.7269681554262326;
            case RECTANGULAR -> 1.0;
        };
    }

    /** The smallest power of two at least as large as the longest filter. */
    static int fftLength(double[] lengths) {
        double max = 0;
        for (double l : lengths) {
            max = Math.max(max, l);
        }
        int n = 1;
        while (n < max) {
            n <<= 1;
        }
        return n;
    }

    /**
     * The frequency responses of the filters of one octave, before sparsification: each filter is
     * a complex sinusoid at its centre frequency over {@code floor(L/2) - floor(-L/2)} samples
     * centred on zero, shaped by the periodic window, normalised to unit {@code L_norm},
     * centred in {@code nFft} samples, weighted by {@code L / nFft} and Fourier transformed. Only
     * the {@code nFft / 2 + 1} non-negative frequencies are returned, row-major
     * ({@code freqs.length x (nFft/2 + 1)}) as {@code [re, im]}.
     */
    static double[][] filterSpectra(double[] freqs, double[] lengths, double sampleRate, Window window,
                                    double norm, int nFft) {
        int bins = nFft / 2 + 1;
        double[] outRe = new double[freqs.length * bins];
        double[] outIm = new double[freqs.length * bins];
        DoubleFFT_1D fft = new DoubleFFT_1D(nFft);
        double[] buf = new double[2 * nFft];
        for (int r = 0; r < freqs.length; r++) {
            Arrays.fill(buf, 0.0);
            double len = lengths[r];
            long start = (long) Math.floor(-len / 2);
            long stop = (long) Math.floor(len / 2);
            int n = (int) (stop - start);
            double[] w = window.periodic(n);
            double[] sre = new double[n];
            double[] sim = new double[n];
            for (int j = 0; j < n; j++) {
                // numpy evaluates t * 2 * pi * f / sr left to right
                double phase = (start + j) * 2 * Math.PI * freqs[r] / sampleRate;
                sre[j] = Math.cos(phase) * w[j];
                sim[j] = Math.sin(phase) * w[j];
            }
            double weight = len / nFft / normOf(sre, sim, norm);
            int lpad = (nFft - n) / 2;
            for (int j = 0; j < n; j++) {
                buf[2 * (lpad + j)] = sre[j] * weight;
                buf[2 * (lpad + j) + 1] = sim[j] * weight;
            }
            fft.complexForward(buf);
            for (int k = 0; k < bins; k++) {
                outRe[r * bins + k] = buf[2 * k];
                outIm[r * bins + k] = buf[2 * k + 1];
            }
        }
        return new double[][] {outRe, outIm};
    }

    /**
     * The {@code L_p} norm of a complex vector, as {@code librosa.util.normalize} computes it; a
     * norm below the smallest normal double leaves the vector unnormalised (returns 1).
     */
    private static double normOf(double[] re, double[] im, double p) {
        int n = re.length;
        double[] mag = new double[n];
        for (int i = 0; i < n; i++) {
            mag[i] = Math.hypot(re[i], im[i]);
        }
        double length;
        if (Double.isInfinite(p)) {
            length = 0;
            for (double m : mag) {
                length = Math.max(length, m);
            }
        } else if (p == 1.0) {
            length = PairwiseSum.sum(mag, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                mag[i] = Math.pow(mag[i], p);
            }
            length = Math.pow(PairwiseSum.sum(mag, 0, n), 1.0 / p);
        }
        return length < Double.MIN_NORMAL ? 1.0 : length;
    }
}
