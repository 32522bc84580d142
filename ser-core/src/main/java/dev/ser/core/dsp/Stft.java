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
        int nFft = config.nFft();
        int frames = config.frameCount(y.length);
        int bins = config.bins();
        double[] signal = config.center() ? config.padMode().pad(y, nFft / 2) : y;
        double[] window = paddedWindow(config);

        ComplexMatrix out = new ComplexMatrix(bins, frames);
        double[] outRe = out.re().data();
        double[] outIm = out.im().data();
        RealFft fft = RealFft.forSize(nFft);
        double[][] block = new double[FRAME_BLOCK][nFft];
        int hop = config.hopLength();
        // The output is bin-major (librosa's orientation) but each FFT yields one frame: transform
        // a block of frames, then write each bin's values for the whole block, so that every
        // cache line of the output is touched once per block rather than once per frame.
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
            scatter(fft, block, count, outRe, outIm, bins, frames, t0);
        }
        return out;
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
