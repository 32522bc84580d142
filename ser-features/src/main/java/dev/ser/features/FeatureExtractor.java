package dev.ser.features;

import dev.ser.core.audio.AudioLoader;
import dev.ser.core.audio.AudioSignal;
import dev.ser.core.dsp.ComplexMatrix;
import dev.ser.core.dsp.Matrix;
import dev.ser.core.dsp.Stft;
import dev.ser.core.resample.Resampler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Computes the features of a {@link FeatureConfig} from audio files or signals: frame-level
 * matrices and the pooled (mean over frames) vector, the same numbers librosa 0.11.0 computes.
 *
 * <p>One STFT per signal is shared by every feature that needs it: MEL and MFCC use its power,
 * CHROMA and CONTRAST its magnitude, and TONNETZ separates the harmonic part from the same complex
 * STFT before its constant-Q chroma. Filter banks and other per-rate tables are built once per
 * sample rate and reused.
 *
 * <p>Instances are immutable and thread-safe: share one across threads to extract many files in
 * parallel.
 *
 * <pre>{@code
 * FeatureVector v = FeatureExtractor.extract(Path.of("speech.wav"), MFCC, CHROMA, MEL); // 180 values
 * }</pre>
 */
public final class FeatureExtractor {
    private static final FeatureExtractor CLASSIC = new FeatureExtractor(FeatureConfig.CLASSIC);

    private final FeatureConfig config;
    private final FeatureLayout layout;
    private final ConcurrentMap<Integer, RateKernels> kernels = new ConcurrentHashMap<>();

    private FeatureExtractor(FeatureConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.layout = Layouts.of(config);
    }

    /** An extractor for {@code config}. */
    public static FeatureExtractor create(FeatureConfig config) {
        return config.equals(FeatureConfig.CLASSIC) ? CLASSIC : new FeatureExtractor(config);
    }

    /** The extractor of the classic 193-value vector ({@link FeatureConfig#CLASSIC}). */
    public static FeatureExtractor classic() {
        return CLASSIC;
    }

    /**
     * The classic pooled vector of an audio file, restricted to the named features, at the file's
     * own sample rate. Values come in {@link Feature} order whatever order the features are named
     * in: MFCC(40), CHROMA(12), MEL(128), CONTRAST(7), TONNETZ(6). For all five use
     * {@code classic().extract(file).pooled()}.
     *
     * @throws IOException if the file cannot be read or decoded (a typed
     *                     {@link dev.ser.core.audio.AudioFormatException} naming the file and problem)
     */
    public static FeatureVector extract(Path file, Feature first, Feature... more) throws IOException {
        FeatureConfig config = FeatureConfig.CLASSIC.withFeatures(EnumSet.of(first, more));
        return create(config).extract(file).pooled();
    }

    /** The configuration. */
    public FeatureConfig config() {
        return config;
    }

    /** Which columns of the pooled vector hold which feature. */
    public FeatureLayout layout() {
        return layout;
    }

    /**
     * Decodes a file (WAV, AIFF, FLAC; recognised from its bytes), mixes it to mono and, when the
     * configuration asks for a target rate, resamples it; then extracts the features.
     */
    public FeatureResult extract(Path file) throws IOException {
        AudioSignal signal = loadAudio(file, config.targetSampleRate());
        try {
            return extract(signal);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Extracts the features of a mono signal. If the configuration has a target rate and the
     * signal is at another rate, it is resampled first.
     *
     * @throws IllegalArgumentException if the signal is empty or holds NaN or infinite samples
     */
    public FeatureResult extract(AudioSignal signal) {
        AudioSignal input = atTargetRate(signal);
        double[] y = input.samplesView();
        checkSamples(y);
        int sr = input.sampleRate();
        RateKernels k = kernels.computeIfAbsent(sr, rate -> RateKernels.build(config, rate));

        // One STFT for everything: its complex values only when TONNETZ needs the phase.
        ComplexMatrix stft = config.has(Feature.TONNETZ) ? Stft.compute(y, config.stft()) : null;
        Map<Feature, Matrix> frames = new EnumMap<>(Feature.class);
        Stft.Spectrograms spectra = spectrograms(y, stft);
        addSpectralFeatures(spectra, k, frames);
        if (stft != null) {
            frames.put(Feature.TONNETZ, k.tonnetz(stft, spectra == null ? null : spectra.magnitude(), y.length));
        }
        return new FeatureResult(frames, layout, sr);
    }

    /**
     * The power and magnitude spectrograms the configured features need: from the complex STFT
     * when there is one, otherwise straight from the transform without storing complex values.
     */
    private Stft.Spectrograms spectrograms(double[] y, ComplexMatrix stft) {
        boolean needsPower = config.has(Feature.MEL) || config.has(Feature.MFCC);
        boolean needsMagnitude = config.has(Feature.CHROMA) || config.has(Feature.CONTRAST);
        if (stft == null) {
            return needsPower || needsMagnitude ? Stft.powerAndMagnitude(y, config.stft()) : null;
        }
        if (needsPower && needsMagnitude) {
            return stft.powerAndMagnitude();
        }
        return new Stft.Spectrograms(needsPower ? stft.power(2.0) : null, needsMagnitude ? stft.magnitude() : null);
    }

    /** MEL and MFCC from the power spectrogram, CHROMA and CONTRAST from the magnitude. */
    private void addSpectralFeatures(Stft.Spectrograms spectra, RateKernels k, Map<Feature, Matrix> frames) {
        if (config.has(Feature.MEL) || config.has(Feature.MFCC)) {
            Matrix mel = k.melPower(spectra.power());
            if (config.has(Feature.MFCC)) {
                frames.put(Feature.MFCC, k.mfcc(mel));
            }
            if (config.has(Feature.MEL)) {
                frames.put(Feature.MEL, mel);
            }
        }
        if (config.has(Feature.CHROMA)) {
            frames.put(Feature.CHROMA, k.chroma(spectra.magnitude()));
        }
        if (config.has(Feature.CONTRAST)) {
            frames.put(Feature.CONTRAST, k.contrast(spectra.magnitude()));
        }
    }

    private AudioSignal atTargetRate(AudioSignal signal) {
        int target = config.targetSampleRate();
        if (target == 0 || target == signal.sampleRate()) {
            return signal;
        }
        return Resampler.resample(signal, target);
    }

    private static void checkSamples(double[] y) {
        if (y.length == 0) {
            throw new IllegalArgumentException("the signal is empty: no samples to extract features from");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("sample " + i + " is " + y[i]
                        + "; features of non-finite audio would all be NaN");
            }
        }
    }

    /**
     * Decodes an audio file to mono at its own rate ({@code targetSampleRate == 0}) or resampled
     * to {@code targetSampleRate} Hz with the high-quality resampler, like
     * {@code librosa.load(path, sr=...)}.
     */
    public static AudioSignal loadAudio(Path file, int targetSampleRate) throws IOException {
        AudioLoader.Options options = AudioLoader.Options.builder().targetSampleRate(targetSampleRate).build();
        return new AudioLoader(options).load(file);
    }

    @Override
    public String toString() {
        return "FeatureExtractor[" + layout + "]";
    }
}
