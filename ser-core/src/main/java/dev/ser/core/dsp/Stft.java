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

    /** The complex STFT of {@code y}. */
    public static ComplexMatrix compute(double[] y, StftConfig config) {
        return compute(y, config, 0, config.bins());
    }

    /**
     * Rows {@code [firstBin, firstBin + bins)} of the complex STFT of {@code y}, the same numbers
     * as those rows of {@link #compute(double[], StftConfig)}: for callers that use a band of
     * the spectrum only (each octave of the constant-Q transform), without storing the rest.
     */
    public static ComplexMatrix compute(double[] y, StftConfig config, int firstBin, int bins) {
        if (firstBin < 0 || bins < 0 || firstBin + bins > config.bins()) {
            throw new IllegalArgumentException("bins [" + firstBin + ", " + (firstBin + bins) + ") outside [0, "
                    + config.bins() + ")");
        }
        int frames = config.frameCount(y.length);
        ComplexMatrix out = new ComplexMatrix(bins, frames);
        double[] outRe = out.re().data();
        double[] outIm = out.im().data();
        transformBatches(y, config, FrameBatch.forSize(config.nFft()), (batch, count, t0) -> {
            for (int k = 0; k < bins; k++) {
                System.arraycopy(batch.binRe(firstBin + k), 0, outRe, k * frames + t0, count);
                System.arraycopy(batch.binIm(firstBin + k), 0, outIm, k * frames + t0, count);
            }
        });
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
        FrameBatch engine = FrameBatch.forSize(config.nFft());
        double[] powerRow = new double[engine.capacity()];
        double[] magnitudeRow = new double[engine.capacity()];
        transformBatches(y, config, engine, (batch, count, t0) -> {
            for (int k = 0; k < bins; k++) {
                ComplexMatrix.powersAndMagnitudes(batch.binRe(k), batch.binIm(k), powerRow, magnitudeRow, count);
                System.arraycopy(powerRow, 0, pw, k * frames + t0, count);
                System.arraycopy(magnitudeRow, 0, mg, k * frames + t0, count);
            }
        });
        return new Spectrograms(power, magnitude);
    }

    /** A power and a magnitude spectrogram of the same STFT. */
    public record Spectrograms(Matrix power, Matrix magnitude) {
    }

    /** Receives each batch of transformed frames, frames {@code t0 .. t0 + count} of the STFT. */
    @FunctionalInterface
    private interface BatchSink {
        void accept(FrameBatch batch, int count, int t0);
    }

    /**
     * Windows and transforms the frames of {@code y} in batches. The output is bin-major (librosa's
     * orientation) and a batch hands out its spectra bin by bin over its frames, so each bin's
     * values for the batch land in the output as one contiguous run.
     */
    private static void transformBatches(double[] y, StftConfig config, FrameBatch batch, BatchSink sink) {
        int nFft = config.nFft();
        int frames = config.frameCount(y.length);
        double[] signal = config.center() ? config.padMode().pad(y, nFft / 2) : y;
        double[] window = paddedWindow(config);
        FrameGrid grid = new FrameGrid(signal, config.hopLength());
        for (int t0 = 0; t0 < frames; t0 += batch.capacity()) {
            int count = Math.min(batch.capacity(), frames - t0);
            batch.forward(grid, t0, window, count);
            sink.accept(batch, count, t0);
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

    /**
     * {@code np.abs(librosa.stft(y, ...))}, without storing the complex STFT: the same numbers as
     * {@code compute(y, config).magnitude()}.
     */
    public static Matrix magnitude(double[] y, StftConfig config) {
        int frames = config.frameCount(y.length);
        int bins = config.bins();
        Matrix magnitude = new Matrix(bins, frames);
        double[] mg = magnitude.data();
        FrameBatch engine = FrameBatch.forSize(config.nFft());
        double[] row = new double[engine.capacity()];
        transformBatches(y, config, engine, (batch, count, t0) -> {
            for (int k = 0; k < bins; k++) {
                ComplexMatrix.magnitudes(batch.binRe(k), batch.binIm(k), row, count);
                System.arraycopy(row, 0, mg, k * frames + t0, count);
            }
        });
        return magnitude;
    }

    /** {@code np.abs(librosa.stft(y, ...)) ** 2}, without the square root. */
    public static Matrix power(double[] y, StftConfig config) {
        return compute(y, config).power(2.0);
    }
}
