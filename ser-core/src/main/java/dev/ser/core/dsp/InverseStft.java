package dev.ser.core.dsp;

/**
 * The inverse short-time Fourier transform, matching {@code librosa.istft}.
 *
 * <p>Each frame is inverse-transformed ({@code irfft} of length {@code n_fft}), multiplied by the
 * synthesis window (the analysis window of {@link StftConfig}, zero-padded to {@code n_fft}) and
 * overlap-added at {@code frame * hop}. The sum is divided by the overlap-added squared window
 * wherever that exceeds the smallest normal double, and left as is elsewhere, which makes
 * {@code istft(stft(y))} reproduce {@code y} for any window whose squared overlap never vanishes
 * inside the signal. With {@code center} the first {@code n_fft / 2} samples (the analysis
 * padding) are dropped.
 *
 * <p>Output length: without an explicit length, {@code n_fft + hop * (frames - 1)}, minus
 * {@code 2 * (n_fft / 2)} when centred. With {@code length}, exactly {@code length} samples: only
 * the frames that reach into them are used, and the tail is zero-filled if the frames do not
 * cover it. The {@code padMode} of the configuration plays no part here. Stateless and
 * thread-safe.
 */
public final class InverseStft {
    private InverseStft() {
    }

    /**
     * {@code librosa.istft(D)}: librosa's defaults with {@code n_fft = 2 * (rows - 1)},
     * {@code hop = n_fft / 4}, Hann window, centred.
     */
    public static double[] compute(ComplexMatrix stft) {
        int nFft = 2 * (stft.rows() - 1);
        if (nFft < 1) {
            throw new IllegalArgumentException("cannot infer n_fft from an STFT with " + stft.rows() + " rows");
        }
        return compute(stft, StftConfig.builder().nFft(nFft).build());
    }

    /** {@code librosa.istft(D, n_fft, hop_length, win_length, window, center)} without a length. */
    public static double[] compute(ComplexMatrix stft, StftConfig config) {
        return invert(stft, config, -1);
    }

    /**
     * {@code librosa.istft(D, ..., length=length)}: exactly {@code length} samples.
     *
     * @param length output length in samples, at least 1 (librosa treats 0 as "no length")
     */
    public static double[] compute(ComplexMatrix stft, StftConfig config, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("istft length must be positive, got " + length);
        }
        return invert(stft, config, length);
    }

    /** The inversion; {@code length < 0} means "as many samples as the frames give". */
    private static double[] invert(ComplexMatrix stft, StftConfig config, int length) {
        int nFft = config.nFft();
        int hop = config.hopLength();
        int half = config.center() ? nFft / 2 : 0;
        int frames = usedFrames(stft.cols(), config, length);
        int outLength = length >= 0 ? length : Math.max(0, nFft + hop * (frames - 1) - 2 * half);
        double[] y = new double[outLength];
        if (frames == 0 || outLength == 0) {
            return y;
        }
        double[] window = Stft.paddedWindow(config);
        if (FrameBatchFft.supports(nFft)) {
            overlapAddBatched(stft, frames, window, hop, half, y);
        } else {
            overlapAdd(stft, frames, window, hop, half, y);
        }
        normalise(window, frames, hop, half, y);
        return y;
    }

    /** librosa uses only the frames that start before the (padded) requested length ends. */
    private static int usedFrames(int available, StftConfig config, int length) {
        if (length < 0) {
            return available;
        }
        int nFft = config.nFft();
        long padded = config.center() ? length + 2L * (nFft / 2) : length;
        long needed = (padded + config.hopLength() - 1) / config.hopLength();
        return (int) Math.min(available, needed);
    }

    /**
     * {@link #overlapAdd} for power-of-two {@code n_fft}: a {@link FrameBatchFft} inverts a batch of
     * frames at once, reading each bin's run of frames straight from the bin-major matrix.
     */
    private static void overlapAddBatched(ComplexMatrix stft, int frames, double[] window, int hop, int half,
                                          double[] y) {
        int nFft = window.length;
        FrameBatchFft fft = FrameBatchFft.forSize(nFft);
        double[] srcRe = stft.re().data();
        double[] srcIm = stft.im().data();
        for (int t0 = 0; t0 < frames; t0 += fft.capacity()) {
            int count = Math.min(fft.capacity(), frames - t0);
            fft.inverse(srcRe, srcIm, stft.rows(), stft.cols(), t0, count);
            double[][] samples = fft.samples();
            for (int f0 = 0; f0 < count; f0 += ADD_TILE) {
                int f1 = Math.min(count, f0 + ADD_TILE);
                int first = (t0 + f0) * hop - half;
                int last = (t0 + f1 - 1) * hop - half;
                if (first >= 0 && last + nFft <= y.length) {
                    addTile(samples, f0, f1, window, hop, first, y);
                } else {
                    for (int f = f0; f < f1; f++) {
                        addClipped(samples, f, window, (t0 + f) * hop - half, y);
                    }
                }
            }
        }
    }

    /** Frames added per tile by {@link #addTile}. */
    private static final int ADD_TILE = 8;

    /**
     * Adds frames {@code f0 .. f1} (none clipped), frame {@code f0} starting at {@code y[start]}. Sample
     * by sample, then frame by frame: each sample's row is read once per tile as one short run, and
     * the few output runs written ({@code hop} apart) stay in L1, whereas frame by frame every
     * sample would come from a different row.
     */
    private static void addTile(double[][] samples, int f0, int f1, double[] window, int hop, int start,
                                double[] y) {
        for (int i = 0; i < window.length; i++) {
            double w = window[i];
            double[] row = samples[i];
            for (int f = f0, at = start + i; f < f1; f++, at += hop) {
                y[at] += w * row[f];
            }
        }
    }

    /** Adds frame {@code f}, which starts at {@code y[start]}, clipped to {@code y}. */
    private static void addClipped(double[][] samples, int f, double[] window, int start, double[] y) {
        int from = Math.max(0, -start);
        int to = Math.min(window.length, y.length - start);
        for (int i = from; i < to; i++) {
            y[start + i] += window[i] * samples[i][f];
        }
    }

    /** Frames gathered per pass: the bin-major STFT is read in short contiguous runs, not by stride. */
    private static final int FRAME_BLOCK = 8;

    /**
     * Adds each windowed inverse frame into {@code y}, frame {@code t} landing at
     * {@code t * hop - half} and clipped to the output. One set of buffers serves all frames.
     */
    private static void overlapAdd(ComplexMatrix stft, int frames, double[] window, int hop, int half,
                                   double[] y) {
        int nFft = window.length;
        RealFft fft = RealFft.forSize(nFft);
        int bins = fft.bins();
        int rows = Math.min(stft.rows(), bins); // irfft(n=n_fft) truncates or zero-pads the bins
        int cols = stft.cols();
        double[] srcRe = stft.re().data();
        double[] srcIm = stft.im().data();
        double[] blockRe = new double[FRAME_BLOCK * bins];
        double[] blockIm = new double[FRAME_BLOCK * bins];
        double[] re = new double[bins];
        double[] im = new double[bins];
        double[] frame = new double[nFft];
        for (int t0 = 0; t0 < frames; t0 += FRAME_BLOCK) {
            int count = Math.min(FRAME_BLOCK, frames - t0);
            for (int k = 0; k < rows; k++) {
                int src = k * cols + t0;
                for (int j = 0, dst = k; j < count; j++, dst += bins) {
                    blockRe[dst] = srcRe[src + j];
                    blockIm[dst] = srcIm[src + j];
                }
            }
            for (int j = 0; j < count; j++) {
                System.arraycopy(blockRe, j * bins, re, 0, rows);
                System.arraycopy(blockIm, j * bins, im, 0, rows);
                fft.inverse(re, im, frame, 0);
                int start = (t0 + j) * hop - half;
                int from = Math.max(0, -start);
                int to = Math.min(nFft, y.length - start);
                for (int i = from; i < to; i++) {
                    y[start + i] += window[i] * frame[i];
                }
            }
        }
    }

    /**
     * Divides {@code y} by the overlap-added squared window ({@code librosa.filters.window_sumsquare})
     * where that sum exceeds the smallest normal double.
     */
    private static void normalise(double[] window, int frames, int hop, int half, double[] y) {
        int nFft = window.length;
        double[] squared = new double[nFft];
        for (int i = 0; i < nFft; i++) {
            squared[i] = window[i] * window[i];
        }
        double[] periodic = interiorSums(squared, hop);
        for (int j = 0; j < y.length; j++) {
            int u = j + half; // position in the frames' (padded) coordinates
            boolean interior = u >= nFft - hop && u / hop <= frames - 1;
            double sum = interior ? periodic[u % hop] : edgeSum(squared, frames, hop, u);
            if (sum > Double.MIN_NORMAL) { // np.finfo(float64).tiny, librosa's threshold
                y[j] /= sum;
            }
        }
    }

    /**
     * The squared-window sum at a position every frame that could reach does reach: it depends on
     * the position modulo {@code hop} only. Summed in the order the frames come (the last window
     * sample first), as {@link #edgeSum} and librosa's frame-by-frame accumulation do, so every
     * position gets the very same double as by summing frame by frame, at a fraction of the cost.
     */
    private static double[] interiorSums(double[] squared, int hop) {
        int nFft = squared.length;
        double[] sums = new double[hop];
        for (int r = 0; r < hop; r++) {
            double sum = 0;
            for (int i = r + Math.floorDiv(nFft - 1 - r, hop) * hop; i >= 0; i -= hop) {
                sum += squared[i];
            }
            sums[r] = sum;
        }
        return sums;
    }

    /** The squared-window sum at padded position {@code u}, frame by frame (for the edges). */
    private static double edgeSum(double[] squared, int frames, int hop, int u) {
        int nFft = squared.length;
        double sum = 0;
        int first = Math.max(0, Math.floorDiv(u - nFft, hop) + 1);
        int last = Math.min(frames - 1, Math.floorDiv(u, hop));
        for (int t = first; t <= last; t++) {
            sum += squared[u - t * hop];
        }
        return sum;
    }
}
