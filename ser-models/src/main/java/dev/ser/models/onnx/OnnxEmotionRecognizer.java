package dev.ser.models.onnx;

import dev.ser.models.recognize.Prediction;
import dev.ser.core.audio.AudioSignal;
import dev.ser.core.resample.ResampleOptions;
import dev.ser.core.resample.Resampler;
import dev.ser.features.FeatureExtractor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Audio in, labelled probabilities out, with an ONNX model and its contract: decodes the file,
 * brings it to the contract's sample rate, computes the features the contract describes (or
 * passes the samples to a waveform model) and runs the model.
 *
 * <pre>{@code
 * try (OnnxEmotionRecognizer ser = OnnxEmotionRecognizer.open(Path.of("model.onnx"))) {
 *     Prediction p = ser.recognize(Path.of("speech.flac"));
 *     System.out.println(p.label() + " " + p.probabilities());
 * }
 * }</pre>
 *
 * <p>Thread-safe; owns its {@link OnnxClassifier} and closes it on {@link #close()}.
 */
public final class OnnxEmotionRecognizer implements AutoCloseable {
    private final OnnxClassifier classifier;
    private final FeatureExtractor extractor;

    /** A recognizer around {@code classifier}, which it takes ownership of. */
    public OnnxEmotionRecognizer(OnnxClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        ModelContract c = classifier.contract();
        this.extractor = c.inputKind() == InputKind.WAVEFORM ? null : FeatureExtractor.create(c.extractorConfig());
    }

    /** Opens a model file with default session options. */
    public static OnnxEmotionRecognizer open(Path model) throws IOException {
        return new OnnxEmotionRecognizer(OnnxClassifier.load(model));
    }

    /** Opens a model file. */
    public static OnnxEmotionRecognizer open(Path model, OnnxOptions options) throws IOException {
        return new OnnxEmotionRecognizer(OnnxClassifier.load(model, options));
    }

    /** The underlying classifier. */
    public OnnxClassifier classifier() {
        return classifier;
    }

    /**
     * Recognises the emotion in an audio file (WAV, AIFF or FLAC, mixed to mono).
     *
     * @throws IOException if the file cannot be read or decoded
     */
    public Prediction recognize(Path audio) throws IOException {
        AudioSignal signal = FeatureExtractor.loadAudio(audio, 0);
        try {
            return recognize(signal);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(audio + ": " + e.getMessage(), e);
        }
    }

    /** Recognises the emotion in a mono signal at any sample rate. */
    public Prediction recognize(AudioSignal signal) {
        ModelContract c = classifier.contract();
        double[] p;
        if (c.inputKind() == InputKind.WAVEFORM) {
            p = classifier.predictWaveform(signal);
        } else {
            p = classifier.predictFeatures(extractor.extract(atContractRate(signal, c)));
        }
        return Prediction.of(c.labels(), p);
    }

    private static AudioSignal atContractRate(AudioSignal signal, ModelContract c) {
        int rate = c.sampleRate();
        if (rate == 0 || rate == signal.sampleRate()) {
            return signal;
        }
        double[] y = Resampler.resample(signal.samplesView(), signal.sampleRate(), rate,
                ResampleOptions.builder().mode(c.resampleMode()).build());
        return AudioSignal.wrap(y, rate);
    }

    /** Closes the classifier's session. */
    @Override
    public void close() {
        classifier.close();
    }

    @Override
    public String toString() {
        return "OnnxEmotionRecognizer[" + classifier + "]";
    }
}
