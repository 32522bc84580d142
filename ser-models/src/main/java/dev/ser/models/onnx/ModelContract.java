package dev.ser.models.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.core.resample.ResampleMode;
import dev.ser.features.Feature;
import dev.ser.features.FeatureConfig;
import dev.ser.models.StandardScaler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a model expects and what it returns: everything needed to turn audio into the model's
 * input and its output into labelled probabilities. It travels with the model as JSON, in the
 * ONNX {@code metadata_props} entry {@value #METADATA_KEY} or, as a fallback, in a side-car file
 * next to the model ({@code model.onnx.json} for {@code model.onnx}). The JSON format is described
 * by {@code docs/onnx-contract.schema.json} and {@code docs/onnx.md}.
 *
 * <p>Immutable.
 *
 * @param labels         class names in the order of the model's class axis (non-empty, distinct)
 * @param inputKind      what the input tensor holds
 * @param outputKind     whether the scores are probabilities or logits (softmax applied)
 * @param features       the feature configuration the model was trained on ({@link InputKind#POOLED}
 *                       and {@link InputKind#FRAMES}); {@code null} for {@link InputKind#WAVEFORM}
 * @param frameFeature   the feature whose frame matrix a {@link InputKind#FRAMES} model takes;
 *                       {@code null} otherwise
 * @param frameTransform what is applied to that matrix before scaling (default {@link FrameTransform#NONE})
 * @param scaler         standardisation applied outside the graph, {@code (x - mean) / scale}: one
 *                       entry per pooled feature ({@code POOLED}) or per coefficient row, shared by
 *                       all frames ({@code FRAMES}); {@code null} when the graph takes raw values
 * @param sampleRate     the rate in Hz audio is resampled to before features are computed or samples
 *                       are fed; 0 keeps each file's own rate (not allowed for {@code WAVEFORM})
 * @param resampleMode   the resampler used to reach {@code sampleRate} (default
 *                       {@link ResampleMode#HIGH_QUALITY}, librosa's {@code soxr_hq} stand-in)
 * @param timeAxis       how inputs are fitted to a fixed time axis (default {@link TimeAxisPolicy#DEFAULT})
 * @param inputName      the graph input to feed, or {@code null} when the graph has exactly one
 * @param outputName     the graph output holding the class scores, or {@code null} to pick it (a
 *                       sequence of maps, else an output named {@code probabilities} or
 *                       {@code output_probability}, else the only float tensor output)
 */
public record ModelContract(
        List<String> labels,
        InputKind inputKind,
        OutputKind outputKind,
        FeatureConfig features,
        Feature frameFeature,
        FrameTransform frameTransform,
        StandardScaler scaler,
        int sampleRate,
        ResampleMode resampleMode,
        TimeAxisPolicy timeAxis,
        String inputName,
        String outputName) {

    /** The ONNX {@code metadata_props} key holding the contract JSON. */
    public static final String METADATA_KEY = "ser.contract";

    /** Appended to a model file's name to find its side-car contract. */
    public static final String SIDECAR_SUFFIX = ".json";

    /** Version of the JSON format ({@code "ser_contract_version"}). */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelContract {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(inputKind, "inputKind");
        Objects.requireNonNull(outputKind, "outputKind");
        frameTransform = frameTransform == null ? FrameTransform.NONE : frameTransform;
        resampleMode = resampleMode == null ? ResampleMode.HIGH_QUALITY : resampleMode;
        timeAxis = timeAxis == null ? TimeAxisPolicy.DEFAULT : timeAxis;
        labels = List.copyOf(labels);
        check(!labels.isEmpty(), "the contract has no labels");
        check(new HashSet<>(labels).size() == labels.size(), "labels are not distinct: " + labels);
        check(sampleRate >= 0, "sample_rate must be 0 or positive, got " + sampleRate);
        switch (inputKind) {
            case POOLED, FRAMES -> {
                check(features != null, "a " + inputKind.key() + " model needs a feature configuration ('features')");
                int target = features.targetSampleRate();
                check(target == 0 || sampleRate == 0 || target == sampleRate, "sample_rate " + sampleRate
                        + " contradicts the feature configuration's target_sr " + target);
                if (sampleRate == 0) {
                    sampleRate = target;
                }
            }
            case WAVEFORM -> {
                check(sampleRate > 0, "a waveform model needs a positive sample_rate");
                check(scaler == null, "a waveform model cannot have a scaler");
            }
        }
        if (inputKind == InputKind.FRAMES) {
            check(frameFeature != null, "a frames model needs 'input.feature' (mfcc, chroma, mel, contrast or tonnetz)");
            check(features.has(frameFeature), "input.feature " + frameFeature.key()
                    + " is not among the configuration's features " + features.features());
        } else {
            check(frameFeature == null, "'input.feature' is only meaningful for a frames model");
            check(frameTransform == FrameTransform.NONE, "'input.transform' is only meaningful for a frames model");
        }
        if (scaler != null) {
            int expected = valuesPerStep(inputKind, features, frameFeature);
            check(scaler.numFeatures() == expected, "the scaler has " + scaler.numFeatures() + " entries; a "
                    + inputKind.key() + " model with this configuration needs " + expected);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new ContractException("invalid model contract: " + message);
        }
    }

    private static int valuesPerStep(InputKind kind, FeatureConfig features, Feature frameFeature) {
        return switch (kind) {
            case POOLED -> pooledSize(features);
            case FRAMES -> features.dimension(frameFeature);
            case WAVEFORM -> 1;
        };
    }

    private static int pooledSize(FeatureConfig features) {
        int n = 0;
        for (Feature f : features.features()) {
            n += features.dimension(f);
        }
        return n;
    }

    /**
     * Values per time step of the model input: the pooled vector's length ({@code POOLED}, which
     * has no time axis), the frame feature's coefficient count ({@code FRAMES}) or 1 ({@code WAVEFORM}).
     */
    public int valuesPerStep() {
        return valuesPerStep(inputKind, features, frameFeature);
    }

    /** The configuration a feature extractor should use for this model (only the frame feature for FRAMES). */
    public FeatureConfig extractorConfig() {
        if (features == null) {
            throw new IllegalStateException("a waveform model has no feature configuration");
        }
        FeatureConfig c = inputKind == InputKind.FRAMES ? features.withFeatures(List.of(frameFeature)) : features;
        // Audio is brought to sampleRate before extraction, so the extractor itself never resamples.
        return c.toBuilder().targetSampleRate(0).build();
    }

    // ---- JSON ----

    /** The contract as compact JSON (the format of {@code docs/onnx-contract.schema.json}). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("ser_contract_version", FORMAT_VERSION);
        ArrayNode ls = root.putArray("labels");
        labels.forEach(ls::add);
        ObjectNode in = root.putObject("input");
        in.put("kind", inputKind.key());
        if (inputName != null) {
            in.put("name", inputName);
        }
        if (frameFeature != null) {
            in.put("feature", frameFeature.key());
            in.put("transform", frameTransform.key());
        }
        if (inputKind != InputKind.POOLED) {
            in.put("crop", timeAxis.crop().key());
            in.put("pad", timeAxis.pad().key());
        }
        ObjectNode out = root.putObject("output");
        out.put("kind", outputKind.key());
        if (outputName != null) {
            out.put("name", outputName);
        }
        root.put("sample_rate", sampleRate);
        root.put("resample", resampleMode.name().toLowerCase(Locale.ROOT));
        if (features != null) {
            ObjectNode f = root.putObject("features");
            features.toProperties().forEach(f::put);
        }
        if (scaler != null) {
            ObjectNode s = root.putObject("scaler");
            ArrayNode mean = s.putArray("mean");
            for (double v : scaler.mean()) {
                mean.add(v);
            }
            ArrayNode scale = s.putArray("scale");
            for (double v : scaler.scale()) {
                scale.add(v);
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write contract JSON", e);
        }
    }

    /**
     * Parses a contract.
     *
     * @param json   the JSON text
     * @param source where it came from, for messages (a file name, "metadata of model.onnx")
     * @throws ContractException when it is not valid JSON, has a newer version, misses a required
     *                           field or has an unknown or inconsistent value
     */
    public static ModelContract fromJson(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ContractException(source + ": the model contract is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ContractException(source + ": the model contract must be a JSON object");
        }
        try {
            return parse(root);
        } catch (ContractException e) {
            throw new ContractException(source + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ContractException(source + ": invalid model contract: " + e.getMessage(), e);
        }
    }

    private static ModelContract parse(JsonNode root) {
        int version = required(root, "ser_contract_version").asInt(-1);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new ContractException("contract version " + required(root, "ser_contract_version")
                    + " is not supported (this library reads version " + FORMAT_VERSION + ")");
        }
        Builder b = builder();
        JsonNode ls = required(root, "labels");
        if (!ls.isArray()) {
            throw new ContractException("'labels' must be an array of strings");
        }
        List<String> labels = new ArrayList<>();
        ls.forEach(n -> labels.add(n.asText()));
        b.labels(labels);
        JsonNode in = required(root, "input");
        b.inputKind(InputKind.parse(required(in, "kind").asText()));
        b.inputName(textOrNull(in, "name"));
        if (in.hasNonNull("feature")) {
            b.frameFeature(Feature.parse(in.get("feature").asText()));
        }
        if (in.hasNonNull("transform")) {
            b.frameTransform(FrameTransform.parse(in.get("transform").asText()));
        }
        TimeAxisPolicy.Crop crop = in.hasNonNull("crop") ? TimeAxisPolicy.parseCrop(in.get("crop").asText())
                : TimeAxisPolicy.DEFAULT.crop();
        TimeAxisPolicy.Pad pad = in.hasNonNull("pad") ? TimeAxisPolicy.parsePad(in.get("pad").asText())
                : TimeAxisPolicy.DEFAULT.pad();
        b.timeAxis(new TimeAxisPolicy(crop, pad));
        JsonNode out = required(root, "output");
        b.outputKind(OutputKind.parse(required(out, "kind").asText()));
        b.outputName(textOrNull(out, "name"));
        b.sampleRate(root.path("sample_rate").asInt(0));
        if (root.hasNonNull("resample")) {
            b.resampleMode(parseResample(root.get("resample").asText()));
        }
        if (root.hasNonNull("features")) {
            b.features(FeatureConfig.fromProperties(stringMap(root.get("features"))));
        }
        if (root.hasNonNull("scaler")) {
            JsonNode s = root.get("scaler");
            b.scaler(new StandardScaler(doubles(required(s, "mean")), doubles(required(s, "scale"))));
        }
        return b.build();
    }

    private static ResampleMode parseResample(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "high_quality", "soxr_hq" -> ResampleMode.HIGH_QUALITY;
            case "polyphase" -> ResampleMode.POLYPHASE;
            default -> throw new ContractException("unknown resample mode '" + text
                    + "'; known: high_quality (alias soxr_hq), polyphase");
        };
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new ContractException("invalid model contract: the required field '" + field + "' is missing");
        }
        return v;
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        if (!node.isObject()) {
            throw new ContractException("'features' must be an object of FeatureConfig properties");
        }
        Map<String, String> m = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    private static double[] doubles(JsonNode node) {
        if (!node.isArray()) {
            throw new ContractException("scaler mean and scale must be arrays of numbers");
        }
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = node.get(i);
            if (!x.isNumber()) {
                throw new ContractException("scaler entry " + i + " is not a number: " + x);
            }
            v[i] = x.asDouble();
        }
        return v;
    }

    public Builder toBuilder() {
        return new Builder().labels(labels).inputKind(inputKind).outputKind(outputKind).features(features)
                .frameFeature(frameFeature).frameTransform(frameTransform).scaler(scaler).sampleRate(sampleRate)
                .resampleMode(resampleMode).timeAxis(timeAxis).inputName(inputName).outputName(outputName);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder; labels and input kind are required, output kind defaults to probabilities. */
    public static final class Builder {
        private List<String> labels = List.of();
        private InputKind inputKind;
        private OutputKind outputKind = OutputKind.PROBABILITIES;
        private FeatureConfig features;
        private Feature frameFeature;
        private FrameTransform frameTransform = FrameTransform.NONE;
        private StandardScaler scaler;
        private int sampleRate;
        private ResampleMode resampleMode = ResampleMode.HIGH_QUALITY;
        private TimeAxisPolicy timeAxis = TimeAxisPolicy.DEFAULT;
        private String inputName;
        private String outputName;

        public Builder labels(List<String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder inputKind(InputKind kind) {
            this.inputKind = kind;
            return this;
        }

        /** Default {@link OutputKind#PROBABILITIES}. */
        public Builder outputKind(OutputKind kind) {
            this.outputKind = kind;
            return this;
        }

        public Builder features(FeatureConfig features) {
            this.features = features;
            return this;
        }

        public Builder frameFeature(Feature feature) {
            this.frameFeature = feature;
            return this;
        }

        /** Default {@link FrameTransform#NONE}. */
        public Builder frameTransform(FrameTransform transform) {
            this.frameTransform = transform;
            return this;
        }

        /** Default none. */
        public Builder scaler(StandardScaler scaler) {
            this.scaler = scaler;
            return this;
        }

        /** In Hz; default 0 (the features' target rate, or each file's own rate). */
        public Builder sampleRate(int hz) {
            this.sampleRate = hz;
            return this;
        }

        /** Default {@link ResampleMode#HIGH_QUALITY}. */
        public Builder resampleMode(ResampleMode mode) {
            this.resampleMode = mode;
            return this;
        }

        /** Default {@link TimeAxisPolicy#DEFAULT} (centre crop, zero pad). */
        public Builder timeAxis(TimeAxisPolicy policy) {
            this.timeAxis = policy;
            return this;
        }

        /** Default {@code null}: the graph's only input. */
        public Builder inputName(String name) {
            this.inputName = name;
            return this;
        }

        /** Default {@code null}: picked from the graph's outputs. */
        public Builder outputName(String name) {
            this.outputName = name;
            return this;
        }

        /** @throws ContractException when a required field is missing or fields are inconsistent */
        public ModelContract build() {
            if (inputKind == null) {
                throw new ContractException("invalid model contract: the input kind is missing");
            }
            return new ModelContract(labels, inputKind, outputKind, features, frameFeature, frameTransform, scaler,
                    sampleRate, resampleMode, timeAxis, inputName, outputName);
        }
    }
}
