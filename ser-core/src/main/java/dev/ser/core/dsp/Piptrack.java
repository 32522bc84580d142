package dev.ser.core.dsp;

import java.util.Arrays;

/**
 * Pitch tracking by parabolic interpolation of spectral peaks, {@code librosa.piptrack}.
 *
 * <p>In each frame, a bin is a peak when, after zeroing every bin not above {@code threshold}
 * times the frame's maximum, it is strictly greater than the bin below and at least the bin
 * above (the last bin only needs to exceed the one below; bin 0 never is), and its centre
 * frequency lies in {@code [fmin, fmax)}. A parabola through the peak and its two neighbours
 * (of the unthresholded magnitudes) moves it by a fraction of a bin (0 when that fraction would
 * reach a whole bin): the pitch is {@code (bin + shift) * sr / nFft} and the magnitude the
 * parabola's height there.
 *
 * <p>Stateless and thread-safe.
 */
public final class Piptrack {
    private Piptrack() {
    }

    /**
     * librosa's output: matrices shaped like the spectrogram, zero except at peaks.
     *
     * @param pitches    instantaneous frequency in Hz of each peak
     * @param magnitudes interpolated magnitude of each peak
     */
    public record Result(Matrix pitches, Matrix magnitudes) {
    }

    /** Receives each peak; a functional interface over primitives, so nothing is boxed. */
    @FunctionalInterface
    public interface PeakConsumer {
        /**
         * @param bin       FFT bin of the peak
         * @param frame     frame (column) of the peak
         * @param pitch     interpolated frequency in Hz
         * @param magnitude interpolated magnitude
         */
        void accept(int bin, int frame, double pitch, double magnitude);
    }

    /**
     * {@code librosa.piptrack(S=s, sr=sampleRate, ...)}: peaks of a magnitude (or power)
     * spectrogram with {@code 1 + nFft / 2} rows, {@code nFft = 2 * (rows - 1)}. Negative entries
     * are taken by absolute value.
     */
    public static Result compute(Matrix s, double sampleRate, PiptrackConfig config) {
        return collect(s, sampleRate, 2 * (s.rows() - 1), config);
    }

    /**
     * {@code librosa.piptrack(y=y, sr=sampleRate, n_fft=..., hop_length=..., ...)}: the same on
     * {@code |STFT(y)|} computed with {@code stft}.
     */
    public static Result compute(double[] y, double sampleRate, StftConfig stft, PiptrackConfig config) {
        return collect(Stft.magnitude(y, stft), sampleRate, stft.nFft(), config);
    }

    private static Result collect(Matrix s, double sampleRate, int nFft, PiptrackConfig config) {
        Matrix pitches = new Matrix(s.rows(), s.cols());
        Matrix magnitudes = new Matrix(s.rows(), s.cols());
        double[] p = pitches.data();
        double[] m = magnitudes.data();
        int cols = s.cols();
        forEachPeak(s, sampleRate, nFft, config, (bin, frame, pitch, magnitude) -> {
            p[bin * cols + frame] = pitch;
            m[bin * cols + frame] = magnitude;
        });
        return new Result(pitches, magnitudes);
    }

    /**
     * Visits every peak in row-major order (bin, then frame), as {@code np.nonzero} lists them,
     * without building the output matrices.
     *
     * @param nFft the FFT length behind {@code s}, which sets the bin frequencies
     * @throws IllegalArgumentException when {@code s} has fewer than two rows or its row count
     *                                  does not fit {@code nFft}
     */
    public static void forEachPeak(Matrix s, double sampleRate, int nFft, PiptrackConfig config,
                                   PeakConsumer consumer) {
        int rows = s.rows();
        if (rows < 2) {
            throw new IllegalArgumentException("piptrack needs at least 2 frequency bins, got " + rows);
        }
        if (rows != nFft / 2 + 1) {
            throw new IllegalArgumentException("spectrogram has " + rows + " bins, n_fft=" + nFft + " gives "
                    + (nFft / 2 + 1));
        }
        if (!(sampleRate > 0)) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        int cols = s.cols();
        double[] a = s.data();
        double[] reference = references(a, rows, cols, config);
        int[] range = binRange(sampleRate, nFft, rows, config);
        for (int k = Math.max(range[0], 1); k <= range[1]; k++) { // bin 0 is never a local maximum
            scanRow(a, rows, cols, k, reference, sampleRate, nFft, consumer);
        }
    }

    /** The value each frame's bins must exceed to count: threshold * column max, or |ref|. */
    private static double[] references(double[] a, int rows, int cols, PiptrackConfig config) {
        double[] ref = new double[cols];
        if (!config.usesFrameMaximum()) {
            Arrays.fill(ref, Math.abs(config.fixedReference()));
            return ref;
        }
        // column maxima, accumulated row by row; each row is first copied to an array of its own
        // so that both arrays are indexed by the same t, which C2 needs to vectorise the loop
        // (see RowKernels)
        double[] row = new double[cols];
        for (int k = 0; k < rows; k++) {
            RowKernels.copyRow(a, cols, k, row);
            for (int t = 0; t < cols; t++) {
                ref[t] = Math.max(ref[t], Math.abs(row[t]));
            }
        }
        for (int t = 0; t < cols; t++) {
            ref[t] = config.threshold() * ref[t];
        }
        return ref;
    }

    /** First and last bin whose centre frequency lies in {@code [max(fmin, 0), min(fmax, sr / 2))}. */
    private static int[] binRange(double sampleRate, int nFft, int rows, PiptrackConfig config) {
        double fmin = Math.max(config.fmin(), 0);
        double fmax = Math.min(config.fmax(), sampleRate / 2);
        double[] freqs = PitchConversions.fftFrequencies(sampleRate, nFft);
        int lo = rows;
        int hi = -1;
        for (int k = 0; k < rows; k++) {
            if (fmin <= freqs[k] && freqs[k] < fmax) {
                lo = Math.min(lo, k);
                hi = k;
            }
        }
        return new int[] {lo, hi};
    }

    private static void scanRow(double[] a, int rows, int cols, int k, double[] reference, double sampleRate,
                                int nFft, PeakConsumer consumer) {
        int below = (k - 1) * cols;
        int here = k * cols;
        int above = (k + 1) * cols;
        boolean last = k == rows - 1;
        for (int t = 0; t < cols; t++) {
            double ref = reference[t];
            double x = Math.abs(a[here + t]);
            // below the reference a bin counts as zero, and a zero cannot exceed its neighbour
            if (!(x > ref) || !(x > thresholded(a[below + t], ref))) {
                continue;
            }
            if (!last && !(x >= thresholded(a[above + t], ref))) {
                continue;
            }
            double lower = Math.abs(a[below + t]);
            double upper = last ? 0 : Math.abs(a[above + t]);
            double shift = last ? 0 : parabolicShift(lower, x, upper);
            double slope = last ? x - lower : (upper - lower) / 2; // np.gradient along bins
            double pitch = (k + shift) * sampleRate / nFft;
            double magnitude = x + 0.5 * slope * shift;
            consumer.accept(k, t, pitch, magnitude);
        }
    }

    private static double thresholded(double v, double ref) {
        double m = Math.abs(v);
        return m > ref ? m : 0.0;
    }

    /**
     * Offset in bins of the vertex of the parabola through {@code (-1, lower), (0, centre), (1,
     * upper)}; 0 when it would be a whole bin or more away (a flat or degenerate neighbourhood).
     */
    static double parabolicShift(double lower, double centre, double upper) {
        double curvature = upper + lower - 2 * centre;
        double slope = (upper - lower) / 2;
        if (Math.abs(slope) >= Math.abs(curvature)) {
            return 0.0;
        }
        return -slope / curvature;
    }
}
