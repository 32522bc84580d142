package dev.ser.core.cqt;

import dev.ser.core.dsp.ComplexMatrix;
import dev.ser.core.dsp.Matrix;
import dev.ser.core.dsp.Stft;
import dev.ser.core.dsp.StftConfig;
import dev.ser.core.dsp.Window;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A constant-Q transform for one configuration, sampling rate and tuning, with its filter bank
 * precomputed: {@code librosa.cqt} (the {@code vqt} recursion with {@code gamma = 0}).
 *
 * <p>The transform works octave by octave from the top, as Schörkhuber and Klapuri's recursive
 * scheme does: each octave's filters are applied to the STFT (rectangular window, centred frames)
 * of a signal whose rate has been halved once per octave already, so every octave uses short
 * FFTs. Before the recursion the signal may be downsampled by {@code 2^k} in one step when the
 * top filter's cutoff leaves room below Nyquist and the hop has enough factors of two. The
 * frequency-domain filters are sparse (coefficients carrying less than {@code sparsity} of each
 * filter's L1 mass are dropped) and stored per octave.
 *
 * <p>Immutable and thread-safe: {@link #transform(double[])} allocates its working arrays per
 * call (per octave, never per frame), and FFT plans are per thread. Build once per
 * {@code (config, sampleRate, tuning)} and reuse; {@link ConstantQ} caches instances.
 */
public final class ConstantQTransform {
    private final CqtConfig config;
    private final double sampleRate;
    private final double tuning;
    private final double[] frequencies;
    private final int earlyFactor;
    private final Octave[] octaves;
    private final double[] rowScale;

    /** One octave's filters, FFT size, hop and place in the output. */
    private record Octave(SparseComplexRows basis, int firstBin, int lastBin, int nFft, int hop, int firstRow,
                          boolean decimateAfter) {
    }

    private ConstantQTransform(CqtConfig config, double sampleRate, double tuning) {
        Objects.requireNonNull(config, "config");
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (!Double.isFinite(tuning)) {
            throw new IllegalArgumentException("tuning must be finite, got " + tuning);
        }
        this.config = config;
        this.sampleRate = sampleRate;
        this.tuning = tuning;
        int bpo = config.binsPerOctave();
        int nBins = config.nBins();
        double fmin = config.fmin() * Math.pow(2.0, tuning / bpo);
        this.frequencies = WaveletBank.frequencies(fmin, nBins, bpo);
        double[] alpha = WaveletBank.relativeBandwidth(frequencies, bpo);
        double cutoff = WaveletBank.cutoff(frequencies, alpha, config.filterScale(), config.window());
        double nyquist = sampleRate / 2.0;
        if (cutoff > nyquist) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "constant-Q filters reach %.2f Hz (top bin %.2f Hz), above the Nyquist frequency %.1f Hz"
                            + " of a %.1f Hz signal; use fewer bins or a lower fmin",
                    cutoff, frequencies[nBins - 1], nyquist, sampleRate));
        }
        int early = earlyDownsampleCount(nyquist, cutoff, config.hopLength(), config.octaves());
        this.earlyFactor = 1 << early;
        double rate = sampleRate / earlyFactor;
        this.octaves = buildOctaves(alpha, rate, config.hopLength() >> early);
        this.rowScale = rowScale(alpha, rate);
    }

    /**
     * The transform for signals at {@code sampleRate} Hz with the given tuning offset (fractions
     * of a bin). {@code config.tuning()} is ignored here: the caller has resolved it.
     *
     * @throws IllegalArgumentException if the top filters would reach beyond Nyquist
     */
    public static ConstantQTransform create(CqtConfig config, double sampleRate, double tuning) {
        return new ConstantQTransform(config, sampleRate, tuning);
    }

    /**
     * How many times the signal can be halved before the recursion: as long as the top filter's
     * cutoff stays below half the new Nyquist (one octave of margin for the resampler's
     * transition band), and as long as the hop keeps enough factors of two to be halved once
     * more per octave.
     */
    static int earlyDownsampleCount(double nyquist, double cutoff, int hop, int nOctaves) {
        int byBandwidth = Math.max(0, (int) Math.ceil(Math.log(nyquist / cutoff) / Math.log(2.0)) - 1 - 1);
        int byHop = Math.max(0, Integer.numberOfTrailingZeros(hop) - nOctaves + 1);
        return Math.min(byBandwidth, byHop);
    }

    private Octave[] buildOctaves(double[] alpha, double rate, int hop) {
        int nBins = config.nBins();
        int perOctave = Math.min(config.binsPerOctave(), nBins);
        Octave[] out = new Octave[config.octaves()];
        double octaveRate = rate;
        int octaveHop = hop;
        for (int i = 0; i < out.length; i++) {
            int hi = nBins - perOctave * i;
            int lo = Math.max(0, hi - perOctave);
            double[] f = Arrays.copyOfRange(frequencies, lo, hi);
            double[] a = Arrays.copyOfRange(alpha, lo, hi);
            double[] len = WaveletBank.lengths(f, a, octaveRate, config.filterScale());
            int nFft = WaveletBank.fftLength(len);
            double[][] spectra = WaveletBank.filterSpectra(f, len, octaveRate, config.window(), config.norm(), nFft);
            // At a 2^i-times lower rate a filter spans 2^i times fewer samples; this factor and
            // the decimator's sqrt(2) gain per halving together restore the full-rate response.
            SparseComplexRows basis = SparseComplexRows.sparsify(spectra[0], spectra[1], f.length, nFft / 2 + 1,
                    config.sparsity(), Math.sqrt(rate / octaveRate));
            boolean halve = octaveHop % 2 == 0;
            out[i] = new Octave(basis, basis.minIndex(), basis.maxIndex(), nFft, octaveHop, lo,
                    halve && i < out.length - 1);
            if (halve) {
                octaveHop /= 2;
                octaveRate /= 2.0;
            }
        }
        return out;
    }

    private double[] rowScale(double[] alpha, double rate) {
        double[] s = new double[config.nBins()];
        if (config.scale()) {
            double[] len = WaveletBank.lengths(frequencies, alpha, rate, config.filterScale());
            for (int i = 0; i < s.length; i++) {
                s[i] = 1.0 / Math.sqrt(len[i]);
            }
        } else {
            Arrays.fill(s, 1.0);
        }
        return s;
    }

    /** The configuration this transform was built from. */
    public CqtConfig config() {
        return config;
    }

    /** The input sampling rate in Hz. */
    public double sampleRate() {
        return sampleRate;
    }

    /** The tuning offset in fractions of a bin. */
    public double tuning() {
        return tuning;
    }

    /** Centre frequency of each bin in Hz, tuning applied (a copy). */
    public double[] frequencies() {
        return frequencies.clone();
    }

    /** Number of output frames for a signal of {@code length} samples. */
    public int frameCount(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("the signal is empty");
        }
        int n = earlyFactor > 1 ? ceilDiv(length, earlyFactor) : length;
        int frames = Integer.MAX_VALUE;
        for (Octave o : octaves) {
            frames = Math.min(frames, octaveFrames(n, o));
            if (o.decimateAfter()) {
                n = ceilDiv(n, 2);
            }
        }
        return frames;
    }

    private static int octaveFrames(int n, Octave o) {
        int padded = n + 2 * (o.nFft() / 2);
        return 1 + (padded - o.nFft()) / o.hop();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** The complex constant-Q transform of {@code y}, {@code nBins x frames}, lowest bin first. */
    public ComplexMatrix transform(double[] y) {
        int frames = frameCount(y.length);
        double[] re = new double[config.nBins() * frames];
        double[] im = new double[config.nBins() * frames];
        compute(y, frames, re, im);
        for (int b = 0; b < rowScale.length; b++) {
            double s = rowScale[b];
            int o = b * frames;
            for (int t = 0; t < frames; t++) {
                re[o + t] *= s;
                im[o + t] *= s;
            }
        }
        return new ComplexMatrix(new Matrix(config.nBins(), frames, re), new Matrix(config.nBins(), frames, im));
    }

    /** {@code np.abs(librosa.cqt(y, ...))}: magnitudes, {@code nBins x frames}. */
    public Matrix magnitude(double[] y) {
        int frames = frameCount(y.length);
        double[] re = new double[config.nBins() * frames];
        double[] im = new double[config.nBins() * frames];
        compute(y, frames, re, im);
        for (int b = 0; b < rowScale.length; b++) {
            double s = rowScale[b];
            int o = b * frames;
            for (int t = 0; t < frames; t++) {
                re[o + t] = Math.sqrt(re[o + t] * re[o + t] + im[o + t] * im[o + t]) * s;
            }
        }
        return new Matrix(config.nBins(), frames, re);
    }

    /** Unscaled filter responses of every octave into {@code (outRe, outIm)}, trimmed to {@code frames}. */
    private void compute(double[] y, int frames, double[] outRe, double[] outIm) {
        checkFinite(y);
        double[] signal = y;
        if (earlyFactor > 1) {
            if (y.length < earlyFactor) {
                throw new IllegalArgumentException("a signal of " + y.length + " samples is too short for a "
                        + config.octaves() + "-octave CQT that first downsamples by " + earlyFactor);
            }
            signal = config.decimator().decimate(y, earlyFactor);
            if (!config.scale()) {
                // Without the final division by sqrt(length), nothing else makes up for the filters
                // being earlyFactor times shorter at the reduced rate: librosa adds sqrt(factor) here.
                double g = Math.sqrt(earlyFactor);
                for (int i = 0; i < signal.length; i++) {
                    signal[i] *= g;
                }
            }
        }
        for (Octave o : octaves) {
            octaveResponse(signal, o, frames, outRe, outIm);
            if (o.decimateAfter()) {
                signal = config.decimator().decimate(signal, 2);
            }
        }
    }

    /**
     * The STFT of one octave's signal (rectangular window, centred frames) over the bins its
     * filters use, times its sparse filters. The STFT runs all frames through the batched FFT;
     * the octave's filters cover about a third of the spectrum, so only those rows are kept.
     */
    private void octaveResponse(double[] signal, Octave o, int frames, double[] outRe, double[] outIm) {
        StftConfig stft = StftConfig.builder().nFft(o.nFft()).hopLength(o.hop()).winLength(o.nFft())
                .window(Window.RECTANGULAR).center(true).padMode(config.padMode()).build();
        int first = o.firstBin();
        int used = o.lastBin() - first + 1;
        ComplexMatrix d = Stft.compute(signal, stft, first, used);
        double[][] dRe = new double[used][];
        double[][] dIm = new double[used][];
        for (int k = 0; k < used; k++) {
            int off = d.re().rowOffset(k);
            dRe[k] = Arrays.copyOfRange(d.re().data(), off, off + frames);
            dIm[k] = Arrays.copyOfRange(d.im().data(), off, off + frames);
        }
        o.basis().multiply(dRe, dIm, first, frames, outRe, outIm, o.firstRow());
    }

    private static void checkFinite(double[] y) {
        if (y.length == 0) {
            throw new IllegalArgumentException("the signal is empty");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("the signal is not finite at sample " + i + ": " + y[i]);
            }
        }
    }
}
