package dev.ser.models.recognize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.core.audio.AudioSignal;
import dev.ser.features.FeatureConfig;
import dev.ser.features.FeatureExtractor;
import dev.ser.features.FeatureVector;
import dev.ser.models.ScaledModel;
import dev.ser.models.io.ModelFileException;
import dev.ser.models.io.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Recognises the emotion in recordings with a trained model: extracts exactly the features the
 * model was trained on (its stored feature configuration), then classifies them.
 *
 * <p>Immutable and thread-safe; share one instance.
 *
 * <pre>{@code
 * EmotionRecognizer ser = EmotionRecognizer.load(Path.of("model.ser"));
 * Prediction p = ser.recognize(Path.of("speech.wav"));   // p.label(), p.probabilities()
 * }</pre>
 */
public final class EmotionRecognizer {
    private final ScaledModel<?> model;
    private final FeatureExtractor extractor;

    /**
     * @throws IllegalArgumentException if the model's feature configuration is missing or does
     *                                  not produce the columns the model was trained on
     */
    public EmotionRecognizer(ScaledModel<?> model) {
        this.model = Objects.requireNonNull(model, "model");
        FeatureConfig config = featureConfigOf(model.featureConfig());
        this.extractor = FeatureExtractor.create(config);
        List<String> columns = extractor.layout().columnNames();
        if (!columns.equals(model.featureNames())) {
            throw new IllegalArgumentException("the model was trained on " + model.featureNames().size()
                    + " columns " + abbreviate(model.featureNames()) + " but its feature configuration produces "
                    + columns.size() + " columns " + abbreviate(columns));
        }
    }

    /** Loads a model file written by {@link ModelFiles#save}. */
    public static EmotionRecognizer load(Path modelFile) throws IOException {
        ScaledModel<?> model = ModelFiles.load(modelFile);
        try {
            return new EmotionRecognizer(model);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(modelFile.toString(), ModelFileException.Problem.MALFORMED, e.getMessage());
        }
    }

    /** Loads a model from a stream (a bundled resource, say); {@code source} names it in errors. */
    public static EmotionRecognizer load(InputStream in, String source) throws IOException {
        ScaledModel<?> model = ModelFiles.fromBytes(in.readAllBytes(), source);
        try {
            return new EmotionRecognizer(model);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source, ModelFileException.Problem.MALFORMED, e.getMessage());
        }
    }

    /** The feature configuration stored with a model, as written by {@link #featureConfigJson}. */
    public static FeatureConfig featureConfigOf(JsonNode json) {
        if (json == null || json.isEmpty()) {
            throw new IllegalArgumentException("the model carries no feature configuration");
        }
        Map<String, String> properties = new HashMap<>();
        json.fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
        return FeatureConfig.fromProperties(properties);
    }

    /** The JSON form of a feature configuration stored in model files: its canonical properties. */
    public static ObjectNode featureConfigJson(FeatureConfig config) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        config.toProperties().forEach(node::put);
        return node;
    }

    /** Decodes a recording and recognises its emotion. */
    public Prediction recognize(Path audio) throws IOException {
        return classify(extractor.extract(audio).pooled());
    }

    /** Recognises the emotion of a mono signal. */
    public Prediction recognize(AudioSignal signal) {
        return classify(extractor.extract(signal).pooled());
    }

    /** Classifies a feature vector extracted with {@link #extractor()}. */
    public Prediction classify(FeatureVector features) {
        return Prediction.of(model.labels(), model.predictProba(features.values()));
    }

    /** The labels the model can output. */
    public List<String> labels() {
        return model.labels();
    }

    /** The model. */
    public ScaledModel<?> model() {
        return model;
    }

    /** The extractor producing the model's input. */
    public FeatureExtractor extractor() {
        return extractor;
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 4 ? names.toString()
                : "[" + names.get(0) + ", " + names.get(1) + ", ..., " + names.get(names.size() - 1) + "]";
    }
}
