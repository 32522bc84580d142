package dev.ser.core.dsp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A chroma filter bank, {@code librosa.filters.chroma(sr=sr, n_fft=n_fft, tuning=tuning, ...)}:
 * weights of shape {@code nChroma x (1 + nFft / 2)} that fold an STFT's bins onto pitch classes.
 *
 * <p>Every FFT bin gets a Gaussian bump over the chroma bins centred on its own (tuned) pitch
 * class, about half a chroma bin wide or wider where bins are coarser than semitones; each bin's
 * bumps are normalised over the chroma axis, then scaled by a Gaussian weighting over octaves.
 * The DC bin is given a made-up pitch 1.5 octaves below bin 1, as librosa does.
 *
 * <p>Immutable and thread-safe; the weights are precomputed once. The bank is dense (its Gaussian
 * tails are tiny but not zero, and librosa keeps them), and {@link #weights()} returns it whole;
 * {@link #applyInto} skips the tail entries below {@link #NEGLIGIBLE} times their bin's largest
 * weight, whose share of any output is far below double rounding of the float32 weights.
 */
public final class ChromaFilterBank {
    private static final int CACHE_SIZE = 256;
    private static final Map<Key, ChromaFilterBank> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ChromaFilterBank> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private record Key(double sampleRate, int nFft, double tuning, ChromaFilterConfig config) {
    }

    private final double sampleRate;
    private final int nFft;
    private final double tuning;
    private final ChromaFilterConfig config;
    private final int bins;
    /**
     * Weights smaller than this fraction of their bin's largest weight are left out of the
     * projection: a bin's bump over the chroma axis is a Gaussian of about one chroma bin's
     * width, so at high frequencies only the 8 or so chroma rows nearest its pitch class
     * matter; the rest are {@code exp(-2 d^2)} tails down to 1e-30 and less.
     */
    static final double NEGLIGIBLE = 1e-14;
    /** Bins taken together in one pass of the projection (see {@link #applyInto}). */
    private static final int GROUP = 4;

    /** Row-major {@code nChroma x bins}. */
    private final double[] weights;
    /**
     * For each group of {@link #GROUP} consecutive bins (the last one possibly shorter), the
     * chroma rows where one of its weights is not negligible: {@code groupRows[groupStart[g] ..
     * groupStart[g + 1])}.
     */
    private final int[] groupStart;
    private final int[] groupRows;

    private ChromaFilterBank(double sampleRate, int nFft, double tuning, ChromaFilterConfig config) {
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be positive and finite, got " + sampleRate);
        }
        if (nFft < 2) {
            throw new IllegalArgumentException("n_fft must be at least 2 for a chroma filter bank, got " + nFft);
        }
        if (!Double.isFinite(tuning)) {
            throw new IllegalArgumentException("tuning must be finite, got " + tuning);
        }
        this.sampleRate = sampleRate;
        this.nFft = nFft;
        this.tuning = tuning;
        this.config = config;
        this.bins = nFft / 2 + 1;
        this.weights = buildWeights();
        int groups = (bins + GROUP - 1) / GROUP;
        this.groupStart = new int[groups + 1];
        this.groupRows = significantRows(groups);
    }

    /** Fills {@link #groupStart} and returns the flat row lists of every bin group. */
    private int[] significantRows(int groups) {
        int nChroma = config.nChroma();
        double[] binMax = new double[bins];
        for (int c = 0; c < nChroma; c++) {
            for (int k = 0; k < bins; k++) {
                binMax[k] = Math.max(binMax[k], Math.abs(weights[c * bins + k]));
            }
        }
        int[] rows = new int[groups * nChroma];
        int count = 0;
        for (int g = 0; g < groups; g++) {
            groupStart[g] = count;
            for (int c = 0; c < nChroma; c++) {
                if (significant(c, g * GROUP, Math.min(bins, g * GROUP + GROUP), binMax)) {
                    rows[count++] = c;
                }
            }
        }
        groupStart[groups] = count;
        return Arrays.copyOf(rows, count);
    }

    private boolean significant(int c, int from, int to, double[] binMax) {
        for (int k = from; k < to; k++) {
            double w = Math.abs(weights[c * bins + k]);
            // NaN weights (never built, but kept if they were) count as significant
            if (!(w < NEGLIGIBLE * binMax[k])) {
                return true;
            }
        }
        return false;
    }

    /** Builds a bank. Costs about {@code nChroma * nFft / 2} exponentials. */
    public static ChromaFilterBank create(double sampleRate, int nFft, double tuning, ChromaFilterConfig config) {
        return new ChromaFilterBank(sampleRate, nFft, tuning, config);
    }

    /** {@code librosa.filters.chroma(sr=sampleRate, n_fft=nFft, tuning=tuning)} with default shape. */
    public static ChromaFilterBank create(double sampleRate, int nFft, double tuning) {
        return create(sampleRate, nFft, tuning, ChromaFilterConfig.DEFAULT);
    }

    /**
     * A shared bank for these arguments, built on first use and kept in a small least-recently-used
     * cache: chroma with estimated tuning needs one bank per distinct tuning estimate, and those
     * are quantised (to 0.01 by default), so a corpus reuses a few dozen banks.
     */
    public static ChromaFilterBank cached(double sampleRate, int nFft, double tuning, ChromaFilterConfig config) {
        Key key = new Key(sampleRate, nFft, tuning, config);
        synchronized (CACHE) {
            ChromaFilterBank bank = CACHE.get(key);
            if (bank != null) {
                return bank;
            }
        }
        ChromaFilterBank bank = create(sampleRate, nFft, tuning, config); // built outside the lock
        synchronized (CACHE) {
            ChromaFilterBank raced = CACHE.putIfAbsent(key, bank);
            return raced != null ? raced : bank;
        }
    }

    private double[] buildWeights() {
        int nChroma = config.nChroma();
        double[] pitch = binPitches(nChroma);
        double[] width = binWidths(pitch);
        // Columns are only ever normalised independently, so building just the kept
        // 1 + nFft / 2 columns gives the same numbers as building nFft and truncating.
        double[] w = new double[nChroma * bins];
        double halfChroma = Math.rint(nChroma / 2.0); // np.round: halves go to even
        for (int c = 0; c < nChroma; c++) {
            int off = c * bins;
            for (int k = 0; k < bins; k++) {
                // distance from chroma bin c, wrapped into [-nChroma/2, nChroma/2)
                double d = PitchConversions.floorMod(pitch[k] - c + halfChroma + 10 * nChroma, nChroma)
                        - halfChroma;
                double z = 2 * d / width[k];
                w[off + k] = Math.exp(-0.5 * (z * z));
            }
        }
        Normalize.columnsInPlace(new Matrix(nChroma, bins, w), config.norm());
        applyOctaveWeighting(w, pitch, nChroma);
        double[] out = config.baseC() ? rotateToC(w, nChroma) : w;
        if (config.singlePrecisionWeights()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) out[i];
            }
        }
        return out;
    }

    /**
     * Pitch of each kept bin in chroma bins above {@code A440 / 16}: {@code nChroma *
     * hz_to_octs(k * sr / nFft)}, with bin 0 placed 1.5 octaves below bin 1.
     */
    private double[] binPitches(int nChroma) {
        // np.linspace(0, sr, n_fft, endpoint=False): k * (sr / n_fft)
        double step = sampleRate / nFft;
        double[] pitch = new double[bins + 1]; // one extra for the width of the last kept bin
        for (int k = 1; k < pitch.length && k < nFft; k++) {
            pitch[k] = nChroma * PitchConversions.hzToOctaves(k * step, tuning, nChroma);
        }
        pitch[0] = pitch[1] - 1.5 * nChroma;
        return pitch;
    }

    /** Width of each bin in chroma bins, at least 1; the last of all nFft bins gets 1. */
    private double[] binWidths(double[] pitch) {
        double[] width = new double[bins];
        for (int k = 0; k < bins; k++) {
            width[k] = k + 1 < nFft ? Math.max(pitch[k + 1] - pitch[k], 1.0) : 1.0;
        }
        return width;
    }

    private void applyOctaveWeighting(double[] w, double[] pitch, int nChroma) {
        double width = config.octaveWidth();
        if (width == Double.POSITIVE_INFINITY) {
            return; // octwidth=None
        }
        double[] scale = new double[bins];
        for (int k = 0; k < bins; k++) {
            double z = (pitch[k] / nChroma - config.centerOctave()) / width;
            scale[k] = Math.exp(-0.5 * (z * z));
        }
        for (int c = 0; c < nChroma; c++) {
            int off = c * bins;
            for (int k = 0; k < bins; k++) {
                w[off + k] *= scale[k];
            }
        }
    }

    /** {@code np.roll(w, -3 * (nChroma // 12), axis=0)}: start at C instead of A. */
    private double[] rotateToC(double[] w, int nChroma) {
        int shift = 3 * (nChroma / 12);
        double[] out = new double[w.length];
        for (int c = 0; c < nChroma; c++) {
            System.arraycopy(w, ((c + shift) % nChroma) * bins, out, c * bins, bins);
        }
        return out;
    }

    /**
     * The chroma of a spectrogram: {@code bank @ s}, shape {@code nChroma x frames}.
     *
     * @param s magnitude or power spectrogram with {@link #bins()} rows
     */
    public Matrix apply(Matrix s) {
        Matrix out = new Matrix(config.nChroma(), s.cols());
        applyInto(s, out);
        return out;
    }

    /**
     * Writes {@code bank @ s} into {@code out} (overwriting it), allocating nothing.
     *
     * @throws IllegalArgumentException when the shapes do not fit
     */
    public void applyInto(Matrix s, Matrix out) {
        if (s.rows() != bins) {
            throw new IllegalArgumentException("spectrogram has " + s.rows() + " bins but this chroma bank expects "
                    + bins + " (n_fft=" + nFft + ")");
        }
        if (out.rows() != config.nChroma() || out.cols() != s.cols()) {
            throw new IllegalArgumentException("output is " + out.rows() + "x" + out.cols() + ", expected "
                    + config.nChroma() + "x" + s.cols());
        }
        int frames = s.cols();
        double[] in = s.data();
        int nChroma = config.nChroma();
        // Bin groups outside, chroma rows inside: a group's four spectrogram rows are read from
        // memory once and stay in L1 while every chroma row they feed takes them, as does the
        // whole output. Each pass is one load and store of an output row per four products;
        // rows are separate arrays so that C2 vectorises it (see RowKernels).
        double[][] acc = new double[nChroma][frames];
        double[][] group = new double[GROUP][frames];
        int full = bins / GROUP;
        for (int g = 0; g < full; g++) {
            int k = g * GROUP;
            for (int b = 0; b < GROUP; b++) {
                RowKernels.copyRow(in, frames, k + b, group[b]);
            }
            for (int j = groupStart[g]; j < groupStart[g + 1]; j++) {
                int c = groupRows[j];
                int w = c * bins + k;
                RowKernels.addWeighted4(acc[c], group[0], group[1], group[2], group[3],
                        weights[w], weights[w + 1], weights[w + 2], weights[w + 3], frames);
            }
        }
        // the last, shorter group one bin at a time (each output row still takes its bins in order)
        for (int k = full * GROUP; k < bins; k++) {
            RowKernels.copyRow(in, frames, k, group[0]);
            for (int j = groupStart[full]; j < groupStart[full + 1]; j++) {
                int c = groupRows[j];
                RowKernels.addWeighted(acc[c], group[0], weights[c * bins + k], frames);
            }
        }
        RowKernels.storeRows(acc, frames, out.data());
    }

    /** Number of (chroma row, bin group) passes the projection makes, for diagnostics and tests. */
    int projectedPairs() {
        return groupRows.length;
    }

    /** A copy of the weights, {@code nChroma x bins}. */
    public Matrix weights() {
        return new Matrix(config.nChroma(), bins, weights.clone());
    }

    /** The weight of FFT bin {@code bin} in chroma bin {@code chroma}. */
    public double weight(int chroma, int bin) {
        return weights[chroma * bins + bin];
    }

    public int nChroma() {
        return config.nChroma();
    }

    /** Number of FFT bins, {@code 1 + nFft / 2}. */
    public int bins() {
        return bins;
    }

    public double sampleRate() {
        return sampleRate;
    }

    public int nFft() {
        return nFft;
    }

    /** Tuning deviation from A440 in fractions of a chroma bin. */
    public double tuning() {
        return tuning;
    }

    public ChromaFilterConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "ChromaFilterBank[sr=" + sampleRate + ", n_fft=" + nFft + ", tuning=" + tuning + ", " + config + "]";
    }
}
