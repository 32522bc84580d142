package dev.ser.core.dsp;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tuning estimation, {@code librosa.estimate_tuning} and {@code librosa.pitch_tuning}: how far,
 * in fractions of a bin, the pitches in a recording sit from the equal-tempered grid anchored at
 * A440.
 *
 * <p>The estimate is the left edge of the fullest bin of a histogram of the pitches' offsets
 * from their nearest grid pitch, so it is discrete: with the default resolution, a multiple of
 * 0.01 in {@code [-0.5, 0.5)}. A one-bin difference is a 0.01 error, so the histogram reproduces
 * numpy's exactly: edges {@code np.linspace(-0.5, 0.5, n + 1)}, bins closed on the left, the last
 * one closed on both sides, and the first of equally full bins winning.
 *
 * <p>Stateless and thread-safe.
 */
public final class TuningEstimator {
    private static final Logger LOG = LoggerFactory.getLogger(TuningEstimator.class);

    private TuningEstimator() {
    }

    /**
     * {@code librosa.estimate_tuning(S=s, sr=sampleRate, resolution=..., bins_per_octave=...)}:
     * the tuning of a magnitude or power spectrogram with {@code 1 + nFft / 2} rows.
     *
     * @return tuning deviation in fractions of a bin, in {@code [-0.5, 0.5)}; 0 when no pitch is
     *         found (silence)
     */
    public static double estimate(Matrix s, double sampleRate, TuningConfig config) {
        return estimate(s, sampleRate, 2 * (s.rows() - 1), config);
    }

    /**
     * {@code librosa.estimate_tuning(y=y, sr=sampleRate, ...)}: the tuning of a signal, from its
     * STFT magnitude computed with {@code config.stft()}. For example
     * {@code estimate(y, sr, TuningConfig.builder().binsPerOctave(36).build())} is
     * {@code estimate_tuning(y=y, sr=sr, bins_per_octave=36)}.
     */
    public static double estimate(double[] y, double sampleRate, TuningConfig config) {
        return estimate(Stft.magnitude(y, config.stft()), sampleRate, config.stft().nFft(), config);
    }

    /**
     * The tuning of a spectrogram computed with FFT length {@code nFft}: pitches of all
     * {@link Piptrack} peaks whose magnitude is at least the median peak magnitude, passed to
     * {@link #pitchTuning}.
     */
    public static double estimate(Matrix s, double sampleRate, int nFft, TuningConfig config) {
        DoubleBuffer pitches = new DoubleBuffer();
        DoubleBuffer magnitudes = new DoubleBuffer();
        Piptrack.forEachPeak(s, sampleRate, nFft, config.piptrack(), (bin, frame, pitch, magnitude) -> {
            if (pitch > 0) {
                pitches.add(pitch);
                magnitudes.add(magnitude);
            }
        });
        int n = pitches.size();
        if (n == 0) {
            return pitchTuning(new double[0], config.resolution(), config.binsPerOctave());
        }
        double threshold = median(magnitudes.values(), n);
        double[] strong = new double[n];
        int kept = 0;
        double[] p = pitches.values();
        double[] m = magnitudes.values();
        for (int i = 0; i < n; i++) {
            if (m[i] >= threshold) {
                strong[kept++] = p[i];
            }
        }
        return pitchTuning(Arrays.copyOf(strong, kept), config.resolution(), config.binsPerOctave());
    }

    /** {@code librosa.pitch_tuning(frequencies)} with resolution 0.01 and 12 bins per octave. */
    public static double pitchTuning(double[] frequencies) {
        return pitchTuning(frequencies, 0.01, 12);
    }

    /**
     * {@code librosa.pitch_tuning(frequencies, resolution=resolution,
     * bins_per_octave=binsPerOctave)}: the tuning offset of a set of frequencies relative to
     * A440. Non-positive frequencies are ignored.
     *
     * @param frequencies   frequencies in Hz
     * @param resolution    histogram resolution in fractions of a bin, in {@code (0, 1)}
     * @param binsPerOctave bins per octave
     * @return tuning deviation in fractions of a bin, in {@code [-0.5, 0.5)}; 0 when there is no
     *         positive frequency
     */
    public static double pitchTuning(double[] frequencies, double resolution, int binsPerOctave) {
        if (!(resolution > 0 && resolution < 1)) {
            throw new IllegalArgumentException("resolution must be in (0, 1), got " + resolution);
        }
        if (binsPerOctave < 1) {
            throw new IllegalArgumentException("bins_per_octave must be positive, got " + binsPerOctave);
        }
        int nBins = (int) Math.ceil(1.0 / resolution);
        double[] edges = histogramEdges(nBins);
        int[] counts = new int[nBins];
        boolean any = false;
        for (double f : frequencies) {
            if (f > 0) {
                any = true;
                int bin = histogramBin(residual(f, binsPerOctave), edges);
                if (bin >= 0) {
                    counts[bin]++;
                }
            }
        }
        if (!any) {
            LOG.debug("estimating tuning from an empty set of frequencies: returning 0");
            return 0.0;
        }
        int best = 0;
        for (int i = 1; i < nBins; i++) {
            if (counts[i] > counts[best]) { // strict: the first maximum wins, as np.argmax
                best = i;
            }
        }
        return edges[best];
    }

    /**
     * Offset of {@code frequency} from the nearest grid pitch in fractions of a bin, in
     * {@code [-0.5, 0.5)}: {@code binsPerOctave * hz_to_octs(f) mod 1}, minus 1 when at least a
     * half (0.95 is more likely 0.05 below the next pitch than 0.95 above this one).
     */
    static double residual(double frequency, int binsPerOctave) {
        // hz_to_octs(f) = log2(f / (A440 / 16)), its reference worked out once here rather than
        // by a Math.pow per frequency inside PitchConversions.hzToOctaves (same value, same bits)
        double octaves = PitchConversions.log2(frequency / OCTAVE_ZERO_HZ);
        double r = PitchConversions.floorMod(binsPerOctave * octaves, 1.0);
        return r >= 0.5 ? r - 1.0 : r;
    }

    /** {@code hz_to_octs}' octave 0 at A440 tuning: {@code A440 / 16} Hz, as hzToOctaves computes it. */
    private static final double OCTAVE_ZERO_HZ = PitchConversions.referenceA440(0.0, 12) / 16;

    /** {@code np.linspace(-0.5, 0.5, nBins + 1)}: {@code i * (1 / nBins) - 0.5}, the last exactly 0.5. */
    static double[] histogramEdges(int nBins) {
        double step = 1.0 / nBins;
        double[] edges = new double[nBins + 1];
        for (int i = 0; i < nBins; i++) {
            edges[i] = i * step + -0.5;
        }
        edges[nBins] = 0.5;
        return edges;
    }

    /**
     * The bin of {@code value} with {@code np.histogram}'s rule (bin i holds {@code edges[i] <= v <
     * edges[i + 1]}, the last bin also {@code v == edges[n]}), or -1 when outside or NaN. The
     * arithmetic guess is corrected against the actual edges, so rounding cannot misplace a value
     * lying on an edge.
     */
    static int histogramBin(double value, double[] edges) {
        int nBins = edges.length - 1;
        if (!(value >= edges[0] && value <= edges[nBins])) {
            return -1;
        }
        int bin = (int) Math.min(nBins - 1, Math.max(0, Math.floor((value - edges[0]) * nBins)));
        while (bin > 0 && value < edges[bin]) {
            bin--;
        }
        while (bin < nBins - 1 && value >= edges[bin + 1]) {
            bin++;
        }
        return bin;
    }

    /**
     * {@code np.median} of the first {@code n} values: the middle one, or the mean of the middle
     * two, found by selection (linear) rather than a sort; the values are not changed.
     */
    static double median(double[] values, int n) {
        double[] v = Arrays.copyOf(values, n);
        int mid = n / 2;
        if (hasNaN(v)) {
            Arrays.sort(v); // NaN sorts last; reproduce exactly where it lands
            return n % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
        }
        double upper = Selection.select(v, 0, n, mid);
        // after selection everything before mid is <= v[mid]: the lower middle is their maximum
        return n % 2 == 1 ? upper : (Selection.max(v, 0, mid) + upper) / 2;
    }

    private static boolean hasNaN(double[] v) {
        boolean nan = false;
        for (double x : v) {
            nan |= x != x;
        }
        return nan;
    }

    /** A growable array of doubles, to collect peaks without boxing. */
    private static final class DoubleBuffer {
        private double[] values = new double[256];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        double[] values() {
            return values;
        }
    }
}
