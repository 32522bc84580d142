package dev.ser.core.dsp;

import java.util.Arrays;

/**
 * Spectral contrast, {@code librosa.feature.spectral_contrast}: per frame and octave band, the
 * difference between the spectral peak (mean of the top {@code quantile} of the band's bins) and
 * valley (mean of the bottom {@code quantile}), in dB by default.
 *
 * <p>Bands follow librosa exactly: band 0 holds the bins with frequency in {@code [0, fmin]};
 * band {@code k >= 1} the bins in {@code [fmin 2^(k-1), fmin 2^k]} plus the bin just below; every
 * band but the last then drops its highest bin; the last band also takes every bin above it.
 * The number of bins averaged is {@code max(1, rint(quantile * bins in the band before the drop))}.
 * In dB mode peak and valley are each converted with {@code power_to_db} defaults (ref 1,
 * amin 1e-10, top_db 80 over the whole matrix) although they are magnitudes, as librosa does.
 *
 * <p>The input is a magnitude spectrogram ({@code power=1}). An instance precomputes the bands
 * for one (sample rate, n_fft) and is immutable and thread-safe.
 */
public final class SpectralContrast {
    /** Frames per transposed tile in {@link #apply}: 16 x 1025 bins is 131 KB, within L2. */
    private static final int TILE_FRAMES = 16;

    private final ContrastConfig config;
    private final int bins;
    /**
     * Spectrogram rows of each band, after librosa's neighbour/drop adjustments: for ascending
     * frequencies a run of consecutive rows, so one frame's band is a slice of the transposed
     * spectrogram and needs no gathering.
     */
    private final int[][] bandRows;
    /** Whether band {@code k}'s rows are consecutive (always, unless frequencies were not ascending). */
    private final boolean[] consecutive;
    /** Number of rows averaged for peak and valley in each band. */
    private final int[] quantileCount;

    private SpectralContrast(ContrastConfig config, int bins, int[][] bandRows, int[] quantileCount) {
        this.config = config;
        this.bins = bins;
        this.bandRows = bandRows;
        this.quantileCount = quantileCount;
        this.consecutive = new boolean[bandRows.length];
        for (int k = 0; k < bandRows.length; k++) {
            consecutive[k] = consecutive(bandRows[k]);
        }
    }

    /** Contrast for magnitude spectrograms of {@code 1 + nFft / 2} bins at {@code sampleRate} Hz. */
    public static SpectralContrast create(double sampleRate, int nFft, ContrastConfig config) {
        return create(sampleRate, Frequencies.fft(sampleRate, nFft), config);
    }

    /**
     * Contrast for spectrograms whose row {@code i} is centred on {@code frequencies[i]} Hz
     * (librosa's {@code freq} argument; ascending).
     *
     * @throws SpectralParameterException when a band edge reaches Nyquist ("Frequency band exceeds
     *                                    Nyquist. Reduce either fmin or n_bands.") or a band holds
     *                                    no bin
     */
    public static SpectralContrast create(double sampleRate, double[] frequencies, ContrastConfig config) {
        int nBands = config.nBands();
        double[] edges = new double[nBands + 2]; // octa: 0, fmin, 2 fmin, ... , fmin 2^nBands
        for (int i = 1; i < edges.length; i++) {
            edges[i] = config.fMin() * Math.pow(2.0, i - 1);
        }
        if (edges[nBands] >= 0.5 * sampleRate) {
            throw new SpectralParameterException("Frequency band exceeds Nyquist. Reduce either fmin or n_bands."
                    + " (fmin=" + config.fMin() + " Hz, n_bands=" + nBands + ": band edge " + edges[nBands]
                    + " Hz >= Nyquist " + 0.5 * sampleRate + " Hz)");
        }
        int[][] rows = new int[nBands + 1][];
        int[] counts = new int[nBands + 1];
        for (int k = 0; k <= nBands; k++) {
            boolean[] inBand = band(frequencies, edges[k], edges[k + 1], k, nBands);
            int selected = 0;
            for (boolean b : inBand) {
                selected += b ? 1 : 0;
            }
            int[] r = new int[selected];
            for (int i = 0, j = 0; i < inBand.length; i++) {
                if (inBand[i]) {
                    r[j++] = i;
                }
            }
            // every band but the last gives up its top bin (it is the next band's extra low bin)
            rows[k] = k < nBands ? Arrays.copyOf(r, Math.max(0, r.length - 1)) : r;
            counts[k] = (int) Math.max(1, Math.rint(config.quantile() * selected));
        }
        return new SpectralContrast(config, frequencies.length, rows, counts);
    }

    /** Band {@code k}'s mask: bins in {@code [low, high]}, plus the one below, plus all above for the last band. */
    private static boolean[] band(double[] freq, double low, double high, int k, int nBands) {
        boolean[] mask = new boolean[freq.length];
        int first = -1;
        int last = -1;
        for (int i = 0; i < freq.length; i++) {
            if (freq[i] >= low && freq[i] <= high) {
                mask[i] = true;
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            throw new SpectralParameterException("spectral contrast band " + k + " [" + low + ", " + high
                    + "] Hz contains no FFT bin: increase n_fft or fmin");
        }
        if (k > 0 && first > 0) {
            mask[first - 1] = true;
        }
        if (k == nBands) {
            Arrays.fill(mask, last + 1, mask.length, true);
        }
        return mask;
    }

    /** {@code spectral_contrast(S=magnitude, sr=sr)} with librosa's defaults; n_fft inferred from the rows. */
    public static Matrix compute(Matrix magnitude, double sampleRate) {
        return compute(magnitude, sampleRate, ContrastConfig.DEFAULT);
    }

    /** {@code spectral_contrast(S=magnitude, sr=sr, <config>)}; {@code n_fft = 2 (rows - 1)}. */
    public static Matrix compute(Matrix magnitude, double sampleRate, ContrastConfig config) {
        return create(sampleRate, 2 * (magnitude.rows() - 1), config).apply(magnitude);
    }

    /** {@code spectral_contrast(y=y, sr=sr, <stft>, <config>)}: contrast of the STFT magnitude of {@code y}. */
    public static Matrix compute(double[] y, double sampleRate, StftConfig stft, ContrastConfig config) {
        return create(sampleRate, stft.nFft(), config).apply(Stft.magnitude(y, stft));
    }

    /** The {@code (nBands + 1) x frames} contrast of a magnitude spectrogram with {@link #bins()} rows. */
    public Matrix apply(Matrix magnitude) {
        if (magnitude.rows() != bins) {
            throw new SpectralParameterException("spectrogram has " + magnitude.rows()
                    + " frequency bins, spectral contrast was set up for " + bins);
        }
        int frames = magnitude.cols();
        int nBands = bandRows.length;
        Matrix peak = new Matrix(nBands, frames);
        Matrix valley = new Matrix(nBands, frames);
        ExtremeSums extremes = new ExtremeSums(maxQuantileCount());
        // a few frames at a time, transposed into a tile that stays in cache, so each frame's
        // spectrum is contiguous for the per-band scans without transposing the whole matrix
        double[] tile = new double[Math.min(TILE_FRAMES, Math.max(frames, 1)) * bins];
        double[] gathered = new double[bins];
        for (int t0 = 0; t0 < frames; t0 += TILE_FRAMES) {
            int width = Math.min(TILE_FRAMES, frames - t0);
            transposeTile(magnitude.data(), frames, t0, width, tile);
            for (int f = 0; f < width; f++) {
                for (int k = 0; k < nBands; k++) {
                    bandExtremes(tile, f * bins, k, gathered, extremes, peak, valley, t0 + f);
                }
            }
        }
        return contrast(peak, valley);
    }

    /** {@code tile[f * bins + r] = m[r, t0 + f]}: reads run along rows, 16 frames per cache pass. */
    private void transposeTile(double[] m, int frames, int t0, int width, double[] tile) {
        for (int r = 0; r < bins; r++) {
            int src = r * frames + t0;
            for (int f = 0; f < width; f++) {
                tile[f * bins + r] = m[src + f];
            }
        }
    }

    /** Peak and valley of band {@code k} in the frame whose spectrum starts at {@code spectrum[off]}. */
    private void bandExtremes(double[] spectrum, int off, int k, double[] gathered, ExtremeSums extremes,
                              Matrix peak, Matrix valley, int t) {
        int[] rows = bandRows[k];
        int n = rows.length;
        int q = Math.min(quantileCount[k], n);
        if (q == 0) {
            valley.set(k, t, Double.NaN); // numpy's mean of an empty band
            peak.set(k, t, Double.NaN);
            return;
        }
        // only the q lowest and q highest bins matter: selecting them is linear in the band,
        // where the sort librosa does costs n log n
        if (consecutive[k]) {
            extremes.compute(spectrum, off + rows[0], n, q);
        } else {
            for (int i = 0; i < n; i++) {
                gathered[i] = spectrum[off + rows[i]];
            }
            extremes.compute(gathered, 0, n, q);
        }
        valley.set(k, t, extremes.lowSum() / q);
        peak.set(k, t, extremes.highSum() / q);
    }

    private static boolean consecutive(int[] rows) {
        for (int i = 1; i < rows.length; i++) {
            if (rows[i] != rows[i - 1] + 1) {
                return false;
            }
        }
        return true;
    }

    private int maxQuantileCount() {
        int max = 1;
        for (int k = 0; k < bandRows.length; k++) {
            max = Math.max(max, Math.min(quantileCount[k], bandRows[k].length));
        }
        return max;
    }

    private Matrix contrast(Matrix peak, Matrix valley) {
        Matrix p = config.linear() ? peak : Decibels.powerToDb(peak);
        Matrix v = config.linear() ? valley : Decibels.powerToDb(valley);
        double[] out = p.data();
        double[] vd = v.data();
        for (int i = 0; i < out.length; i++) {
            out[i] -= vd[i];
        }
        return p;
    }

    /** Number of spectrogram rows expected. */
    public int bins() {
        return bins;
    }

    public ContrastConfig config() {
        return config;
    }

    /** Number of output rows, {@code nBands + 1}. */
    public int bands() {
        return bandRows.length;
    }
}
