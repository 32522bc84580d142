package dev.ser.core.dsp;

/**
 * The short-time Fourier transform, matching {@code librosa.stft}.
 *
 * <p>Frame {@code t} covers samples {@code [t * hop, t * hop + n_fft)} of the (optionally centre-
 * padded) signal, multiplied by the periodic window zero-padded to {@code n_fft}. The result has
 * {@code 1 + n_fft / 2} rows (bins, DC first) and one column per frame. Stateless and
 * thread-safe.
 */
public final class Stft {
    private Stft() {
    }

    /** Frames transformed together before their bins are written out. */
    private static final int FRAME_BLOCK = 8;

    /** The complex STFT of {@code y}. */
    public static ComplexMatrix compute(double[] y, StftConfig config) {
        int frames = config.frameCount(y.length);
        ComplexMatrix out = new ComplexMatrix(config.bins(), frames);
        double[] outRe = out.re().data();
        double[] outIm = out.im().data();
        transformBlocks(y, config, (fft, block, count, t0) ->
                scatter(fft, block, count, outRe, outIm, config.bins(), frames, t0));
        return out;
    }

    /**
     * The power ({@code |X|^2}) and magnitude ({@code |X|}) spectrograms of {@code y} in one pass,
     * without storing the complex STFT: the same numbers as {@code compute(y, config).power(2)}
     * and {@code .magnitude()}, for callers that need no phase.
     */
    public static Spectrograms powerAndMagnitude(double[] y, StftConfig config) {
        int frames = config.frameCount(y.length);
        int bins = config.bins();
        Matrix power = new Matrix(bins, frames);
        Matrix magnitude = new Matrix(bins, frames);
        double[] pw = power.data();
        double[] mg = magnitude.data();
        transformBlocks(y, config, (fft, block, count, t0) -> {
            for (int k = 0; k < bins; k++) {
                int row = k * frames + t0;
                for (int f = 0; f < count; f++) {
                    double re = fft.re(block[f], k);
                    double im = fft.im(block[f], k);
                    double p = re * re + im * im;
                    pw[row + f] = p;
                    mg[row + f] = Math.sqrt(p);
                }
            }
        });
        return new Spectrograms(power, magnitude);
    }

    /** A power and a magnitude spectrogram of the same STFT. */
    public record Spectrograms(Matrix power, Matrix magnitude) {
    }

    /** Receives each block of transformed frames (packed spectra) starting at frame {@code t0}. */
    @FunctionalInterface
    private interface BlockSink {
        void accept(RealFft fft, double[][] block, int count, int t0);
    }

    /**
     * Windows and transforms the frames of {@code y} in blocks of {@link #FRAME_BLOCK}. The output
     * is bin-major (librosa's orientation) but each FFT yields one frame: handing a block of frames
     * to the sink lets it write each bin's values for the whole block, so that every cache line of
     * the output is touched once per block rather than once per frame.
     */
    private static void transformBlocks(double[] y, StftConfig config, BlockSink sink) {
        int nFft = config.nFft();
        int frames = config.frameCount(y.length);
        double[] signal = config.center() ? config.padMode().pad(y, nFft / 2) : y;
        double[] window = paddedWindow(config);
        RealFft fft = RealFft.forSize(nFft);
        double[][] block = new double[FRAME_BLOCK][nFft];
        int hop = config.hopLength();
        for (int t0 = 0; t0 < frames; t0 += FRAME_BLOCK) {
            int count = Math.min(FRAME_BLOCK, frames - t0);
            for (int f = 0; f < count; f++) {
                double[] frame = block[f];
                int start = (t0 + f) * hop;
                for (int i = 0; i < nFft; i++) {
                    frame[i] = signal[start + i] * window[i];
                }
                fft.forwardInPlace(frame);
            }
            sink.accept(fft, block, count, t0);
        }
    }

    /** The zero-padded analysis window, computed once per configuration (treat as read-only). */
    static double[] paddedWindow(StftConfig config) {
        return WINDOWS.computeIfAbsent(new WindowKey(config.window(), config.winLength(), config.nFft()),
                key -> key.window().padded(key.winLength(), key.nFft()));
    }

    private record WindowKey(Window window, int winLength, int nFft) {
    }

    /** A handful of window shapes are used in practice; the cache stays tiny. */
    private static final java.util.concurrent.ConcurrentMap<WindowKey, double[]> WINDOWS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Writes bins of {@code count} packed spectra into columns {@code t0..} of the output. */
    private static void scatter(RealFft fft, double[][] block, int count, double[] outRe, double[] outIm,
                                int bins, int frames, int t0) {
        int n = fft.size();
        // bins 1 .. inner-1 follow the plain packed layout; the first and the last one or two are special
        int inner = n % 2 == 0 ? n / 2 : (n - 1) / 2;
        for (int k = 0; k < bins; k++) {
            int row = k * frames + t0;
            if (k == 0 || k >= inner) {
                for (int f = 0; f < count; f++) {
                    outRe[row + f] = fft.re(block[f], k);
                    outIm[row + f] = fft.im(block[f], k);
                }
            } else {
                for (int f = 0; f < count; f++) {
                    double[] packed = block[f];
                    outRe[row + f] = packed[2 * k];
                    outIm[row + f] = packed[2 * k + 1];
                }
            }
        }
    }

    /** {@code np.abs(librosa.stft(y, ...))}. */
    public static Matrix magnitude(double[] y, StftConfig config) {
        return compute(y, config).magnitude();
    }

    /** {@code np.abs(librosa.stft(y, ...)) ** 2}, without the square root. */
    public static Matrix power(double[] y, StftConfig config) {
        return compute(y, config).power(2.0);
    }
}
