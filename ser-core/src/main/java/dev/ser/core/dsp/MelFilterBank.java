package dev.ser.core.dsp;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mel filter bank, {@code librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm)}, stored
 * sparsely and applied to spectrograms.
 *
 * <p>Filter {@code m} is a triangle over FFT bin frequencies rising from mel frequency
 * {@code m} to {@code m + 1} and falling to {@code m + 2} of {@code n_mels + 2} frequencies evenly
 * spaced on the mel scale between {@code fmin} and {@code fmax}, then normalised
 * ({@link MelNorm}). Each triangle is non-zero over one contiguous run of bins, so only that run
 * is stored: for a 128-band bank on 1025 bins that is about 2% of the dense matrix.
 *
 * <p><b>Float32 weights.</b> librosa builds the bank in float32 (its default {@code dtype}) and
 * {@code melspectrogram} multiplies the float64 spectrogram by those float32 weights. With
 * {@link MelConfig#float32Weights()} (the default) the weights are rounded the same way, in the
 * same order (triangle rounded, then scaled by the Slaney factor and rounded again), so
 * {@link #weights()} equals librosa's array and mel spectrograms differ from librosa's only by
 * summation order. The arithmetic of {@link #apply} is float64 either way.
 *
 * <p>Immutable and thread-safe: build once per (sample rate, n_fft, config) and apply to any
 * number of spectrograms.
 */
public final class MelFilterBank {
    private static final Logger LOG = LoggerFactory.getLogger(MelFilterBank.class);

    private final double sampleRate;
    private final int nFft;
    private final MelConfig config;
    private final double[] melFrequencies;
    /** First FFT bin of each filter's non-zero run. */
    private final int[] firstBin;
    /** Filter {@code m}'s weights are {@code weights[start[m] .. start[m + 1])}. */
    private final int[] start;
    private final double[] weights;
    /**
     * The same weights indexed by FFT bin: bin {@code k} feeds filters {@code binFilter[i]}
     * with weight {@code weights[binWeight[i]]} for {@code i} in {@code binStart[k] ..
     * binStart[k + 1])}, filters in ascending order.
     */
    private final int[] binStart;
    private final int[] binFilter;
    private final int[] binWeight;

    private MelFilterBank(double sampleRate, int nFft, MelConfig config, double[] melFrequencies,
                          int[] firstBin, int[] start, double[] weights) {
        this.sampleRate = sampleRate;
        this.nFft = nFft;
        this.config = config;
        this.melFrequencies = melFrequencies;
        this.firstBin = firstBin;
        this.start = start;
        this.weights = weights;
        int bins = nFft / 2 + 1;
        this.binStart = new int[bins + 1];
        this.binFilter = new int[weights.length];
        this.binWeight = new int[weights.length];
        indexByBin(bins);
    }

    /** The bank for spectrograms of {@code 1 + nFft / 2} bins of a signal at {@code sampleRate} Hz. */
    public static MelFilterBank create(double sampleRate, int nFft, MelConfig config) {
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new SpectralParameterException("sample rate must be positive, got " + sampleRate);
        }
        if (nFft < 1) {
            throw new SpectralParameterException("n_fft must be positive, got " + nFft);
        }
        double fMax = config.fMaxAt(sampleRate);
        if (!(fMax > config.fMin())) {
            throw new SpectralParameterException("fmin=" + config.fMin() + " Hz is not below fmax=" + fMax
                    + " Hz at sr=" + sampleRate);
        }
        int nMels = config.nMels();
        double[] fft = Frequencies.fft(sampleRate, nFft);
        double[] melF = MelScale.melFrequencies(nMels + 2, config.fMin(), fMax, config.htk());
        double[][] dense = new double[nMels][];
        boolean empty = false;
        for (int m = 0; m < nMels; m++) {
            dense[m] = triangle(fft, melF, m, config);
            empty |= melF[m] != 0 && max(dense[m]) <= 0;
        }
        if (empty) {
            // librosa warns too: some filters fall between FFT bins and stay all-zero.
            LOG.warn("Empty filters in the mel basis (sr={}, n_fft={}, {}): n_mels is too high for n_fft",
                    sampleRate, nFft, config);
        }
        return sparse(sampleRate, nFft, config, melF, dense);
    }

    /** Filter {@code m} over all bins, normalised and rounded as configured. */
    private static double[] triangle(double[] fft, double[] melF, int m, MelConfig config) {
        double lowWidth = melF[m + 1] - melF[m];
        double highWidth = melF[m + 2] - melF[m + 1];
        double[] w = new double[fft.length];
        for (int k = 0; k < fft.length; k++) {
            double rising = (fft[k] - melF[m]) / lowWidth;
            double falling = (melF[m + 2] - fft[k]) / highWidth;
            w[k] = round(config, Math.max(0.0, Math.min(rising, falling)));
        }
        MelNorm norm = config.norm();
        if (norm.type() == MelNorm.Type.SLANEY) {
            // unit area: the triangle spans (melF[m+2] - melF[m]) Hz with height 1
            double scale = 2.0 / (melF[m + 2] - melF[m]);
            for (int k = 0; k < w.length; k++) {
                w[k] = round(config, w[k] * scale);
            }
        } else if (norm.type() == MelNorm.Type.LP) {
            double length = lpNorm(w, norm.p());
            if (length > Double.MIN_NORMAL) { // librosa leaves (near-)zero filters unscaled
                for (int k = 0; k < w.length; k++) {
                    w[k] = round(config, w[k] / length);
                }
            }
        }
        return w;
    }

    private static double round(MelConfig config, double v) {
        return config.float32Weights() ? (float) v : v;
    }

    private static double lpNorm(double[] w, double p) {
        if (p == Double.POSITIVE_INFINITY) {
            return max(w);
        }
        double s = 0;
        for (double v : w) {
            s += Math.pow(Math.abs(v), p);
        }
        return Math.pow(s, 1.0 / p);
    }

    private static double max(double[] w) {
        double m = 0;
        for (double v : w) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Keeps each filter's run from its first to its last non-zero bin. */
    private static MelFilterBank sparse(double sampleRate, int nFft, MelConfig config, double[] melF,
                                        double[][] dense) {
        int nMels = dense.length;
        int[] first = new int[nMels];
        int[] start = new int[nMels + 1];
        int[] last = new int[nMels];
        for (int m = 0; m < nMels; m++) {
            int lo = 0;
            while (lo < dense[m].length && dense[m][lo] == 0) {
                lo++;
            }
            int hi = dense[m].length - 1;
            while (hi >= lo && dense[m][hi] == 0) {
                hi--;
            }
            first[m] = lo;
            last[m] = hi;
            start[m + 1] = start[m] + Math.max(0, hi - lo + 1);
        }
        double[] weights = new double[start[nMels]];
        for (int m = 0; m < nMels; m++) {
            System.arraycopy(dense[m], first[m], weights, start[m], start[m + 1] - start[m]);
        }
        return new MelFilterBank(sampleRate, nFft, config, melF, first, start, weights);
    }

    /** Fills the by-bin index: a counting sort of the (filter, bin) entries by bin. */
    private void indexByBin(int bins) {
        for (int m = 0; m < firstBin.length; m++) {
            for (int bin = firstBin[m]; bin < firstBin[m] + start[m + 1] - start[m]; bin++) {
                binStart[bin + 1]++;
            }
        }
        for (int k = 0; k < bins; k++) {
            binStart[k + 1] += binStart[k];
        }
        int[] next = Arrays.copyOf(binStart, bins);
        for (int m = 0; m < firstBin.length; m++) { // filters in ascending order within each bin
            for (int j = start[m], bin = firstBin[m]; j < start[m + 1]; j++, bin++) {
                binFilter[next[bin]] = m;
                binWeight[next[bin]++] = j;
            }
        }
    }

    /**
     * The mel spectrogram {@code weights · S}: {@code nMels} rows, one column per frame of
     * {@code spectrogram}, which must have {@link #bins()} rows (a magnitude or power spectrogram;
     * the bank is linear, it keeps whatever exponent {@code S} has).
     */
    public Matrix apply(Matrix spectrogram) {
        Matrix out = new Matrix(nMels(), spectrogram.cols());
        applyInto(spectrogram, out);
        return out;
    }

    /**
     * {@link #apply(Matrix)} into a caller-owned {@code nMels x frames} matrix (overwritten), for
     * callers that reuse buffers.
     */
    public void applyInto(Matrix spectrogram, Matrix out) {
        if (spectrogram.rows() != bins()) {
            throw new SpectralParameterException("spectrogram has " + spectrogram.rows()
                    + " frequency bins but the mel bank was built for n_fft=" + nFft + " (" + bins() + " bins)");
        }
        if (out.rows() != nMels() || out.cols() != spectrogram.cols()) {
            throw new SpectralParameterException("output is " + out + ", expected "
                    + nMels() + "x" + spectrogram.cols());
        }
        int frames = spectrogram.cols();
        double[] s = spectrogram.data();
        // Bins outside, filters inside: each spectrogram row is read once (it feeds at most the
        // two filters overlapping there) into an array of its own, and the filters accumulate in
        // arrays of their own, all indexed alike so that C2 vectorises the passes (see
        // RowKernels). Every filter still adds its bins in ascending order: the sums are those
        // of the filter-by-filter product.
        double[][] acc = new double[nMels()][frames];
        double[] row = new double[frames];
        for (int k = 0; k + 1 < binStart.length; k++) {
            if (binStart[k] == binStart[k + 1]) {
                continue; // above fmax or below the first filter: no filter takes this bin
            }
            RowKernels.copyRow(s, frames, k, row);
            for (int i = binStart[k]; i < binStart[k + 1]; i++) {
                RowKernels.addWeighted(acc[binFilter[i]], row, weights[binWeight[i]], frames);
            }
        }
        RowKernels.storeRows(acc, frames, out.data());
    }

    /** The dense {@code nMels x bins} weight matrix, librosa's array (a new copy). */
    public Matrix weights() {
        Matrix dense = new Matrix(nMels(), bins());
        for (int m = 0; m < nMels(); m++) {
            System.arraycopy(weights, start[m], dense.data(), dense.rowOffset(m) + firstBin[m], start[m + 1] - start[m]);
        }
        return dense;
    }

    /** First FFT bin where filter {@code m} is non-zero (its weights run over consecutive bins). */
    public int firstBin(int m) {
        return firstBin[m];
    }

    /** Filter {@code m}'s weights from {@link #firstBin(int)} on (a copy; empty for an empty filter). */
    public double[] filter(int m) {
        return Arrays.copyOfRange(weights, start[m], start[m + 1]);
    }

    /** The {@code nMels + 2} band edges in Hz: filter {@code m} spans edges {@code m .. m + 2} (a copy). */
    public double[] melFrequencies() {
        return melFrequencies.clone();
    }

    public int nMels() {
        return firstBin.length;
    }

    /** Number of FFT bins the bank expects, {@code 1 + nFft / 2}. */
    public int bins() {
        return nFft / 2 + 1;
    }

    public int nFft() {
        return nFft;
    }

    public double sampleRate() {
        return sampleRate;
    }

    public MelConfig config() {
        return config;
    }

    /** Number of stored (non-zero-run) weights, for diagnostics. */
    public int storedWeights() {
        return weights.length;
    }

    @Override
    public String toString() {
        return "MelFilterBank[sr=" + sampleRate + ", n_fft=" + nFft + ", " + config + "]";
    }
}
