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
 * tails are tiny but not zero, and librosa keeps them).
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
    /** Row-major {@code nChroma x bins}. */
    private final double[] weights;

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
        double[] o = out.data();
        Arrays.fill(o, 0.0);
        // out row c += sum_k w[c, k] * s row k, four bins per pass: one load and store of the
        // output row per four products; the inner loop runs over contiguous frames and vectorises
        int nChroma = config.nChroma();
        int k4 = bins - bins % 4;
        for (int c = 0; c < nChroma; c++) {
            int outOff = c * frames;
            int wOff = c * bins;
            for (int k = 0; k < k4; k += 4) {
                double w0 = weights[wOff + k];
                double w1 = weights[wOff + k + 1];
                double w2 = weights[wOff + k + 2];
                double w3 = weights[wOff + k + 3];
                int i0 = k * frames;
                int i1 = i0 + frames;
                int i2 = i1 + frames;
                int i3 = i2 + frames;
                for (int t = 0; t < frames; t++) {
                    o[outOff + t] += w0 * in[i0 + t] + w1 * in[i1 + t] + w2 * in[i2 + t] + w3 * in[i3 + t];
                }
            }
            for (int k = k4; k < bins; k++) {
                double wk = weights[wOff + k];
                int inOff = k * frames;
                for (int t = 0; t < frames; t++) {
                    o[outOff + t] += wk * in[inOff + t];
                }
            }
        }
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
