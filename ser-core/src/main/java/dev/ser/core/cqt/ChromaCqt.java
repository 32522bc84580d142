package dev.ser.core.cqt;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.dsp.Matrix;

/**
 * The constant-Q chromagram, {@code librosa.feature.chroma_cqt}: CQT magnitudes over
 * {@code nOctaves * binsPerOctave} bins folded onto {@code nChroma} pitch classes (C first),
 * thresholded and normalised per frame.
 *
 * <p>Each CQT bin belongs to exactly one pitch class: the {@code binsPerOctave / nChroma} bins
 * nearest a pitch class's centre (the centre bin and its neighbours on either side), so the
 * folding is a sum over a fixed bin-to-class map ({@link #chromaOfBin}). Immutable and
 * thread-safe; the constant-Q filter banks are shared through {@link ConstantQ}'s cache.
 */
public final class ChromaCqt {
    private static final ChromaCqt DEFAULT = new ChromaCqt(ChromaCqtConfig.defaults());

    private final ChromaCqtConfig config;
    private final CqtConfig cqtConfig;
    private final int[] chromaOfBin;

    private ChromaCqt(ChromaCqtConfig config) {
        this.config = config;
        this.cqtConfig = config.cqtConfig();
        this.chromaOfBin = chromaOfBin(cqtConfig.nBins(), config.binsPerOctave(), config.nChroma(), config.fmin());
    }

    /** A chromagram with the given configuration. */
    public static ChromaCqt of(ChromaCqtConfig config) {
        return new ChromaCqt(config);
    }

    /** {@code chroma_cqt} with librosa's defaults. */
    public static ChromaCqt defaults() {
        return DEFAULT;
    }

    public ChromaCqtConfig config() {
        return config;
    }

    /**
     * {@code librosa.feature.chroma_cqt(y=y, sr=sampleRate, ...)}: {@code nChroma x frames}.
     */
    public Matrix compute(double[] y, double sampleRate) {
        return fromCqt(ConstantQ.magnitude(y, sampleRate, cqtConfig));
    }

    /** {@link #compute(double[], double)} on a signal's samples at its rate. */
    public Matrix compute(AudioSignal signal) {
        return compute(signal.samplesView(), signal.sampleRate());
    }

    /**
     * {@code chroma_cqt(C=cqtMagnitude, ...)}: folds precomputed CQT magnitudes (rows are CQT bins
     * from {@code fmin} upwards at this configuration's {@code binsPerOctave}).
     */
    public Matrix fromCqt(Matrix cqtMagnitude) {
        int frames = cqtMagnitude.cols();
        int[] map = cqtMagnitude.rows() == chromaOfBin.length ? chromaOfBin
                : chromaOfBin(cqtMagnitude.rows(), config.binsPerOctave(), config.nChroma(), config.fmin());
        Matrix chroma = new Matrix(config.nChroma(), frames);
        double[] out = chroma.data();
        double[] in = cqtMagnitude.data();
        for (int b = 0; b < map.length; b++) {
            int o = map[b] * frames;
            int i = b * frames;
            for (int t = 0; t < frames; t++) {
                out[o + t] += in[i + t];
            }
        }
        double threshold = config.threshold();
        for (int k = 0; k < out.length; k++) {
            if (out[k] < threshold) {
                out[k] = 0.0;
            }
        }
        if (config.norm().isPresent()) {
            ColumnNorm.normalize(out, config.nChroma(), frames, config.norm().getAsDouble());
        }
        return chroma;
    }

    /**
     * The pitch class of each CQT bin, as {@code librosa.filters.cq_to_chroma} places its ones:
     * within an octave, bin {@code p} goes to class {@code ((p + m/2) mod bpo) / m} with
     * {@code m = bpo / nChroma} (the merged bins are centred on the class), then the classes are
     * rotated so that class 0 is C given the pitch of {@code fmin}.
     */
    static int[] chromaOfBin(int nInput, int binsPerOctave, int nChroma, double fmin) {
        if (binsPerOctave % nChroma != 0) {
            throw new IllegalArgumentException("Incompatible CQ merge: bins_per_octave=" + binsPerOctave
                    + " is not a multiple of n_chroma=" + nChroma);
        }
        int merge = binsPerOctave / nChroma;
        int shift = merge / 2;
        double midi = 12 * (Math.log(fmin) / Math.log(2.0) - Math.log(440.0) / Math.log(2.0)) + 69;
        double midi0 = midi - 12 * Math.floor(midi / 12);
        int roll = (int) Math.rint(midi0 * (nChroma / 12.0));
        int[] map = new int[nInput];
        for (int b = 0; b < nInput; b++) {
            int p = b % binsPerOctave;
            int c = ((p + shift) % binsPerOctave) / merge;
            map[b] = Math.floorMod(c + roll, nChroma);
        }
        return map;
    }

    /**
     * The dense folding matrix, {@code librosa.filters.cq_to_chroma(nInput, bins_per_octave,
     * n_chroma, fmin)}: {@code nChroma x nInput}, one 1 per column.
     */
    public static Matrix cqToChroma(int nInput, int binsPerOctave, int nChroma, double fmin) {
        int[] map = chromaOfBin(nInput, binsPerOctave, nChroma, fmin);
        Matrix m = new Matrix(nChroma, nInput);
        for (int b = 0; b < nInput; b++) {
            m.set(map[b], b, 1.0);
        }
        return m;
    }
}
