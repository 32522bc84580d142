package dev.ser.models.onnx;

import dev.ser.models.recognize.Prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ser.core.audio.AudioSignal;
import dev.ser.testkit.LibrosaReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End to end: models trained and run in Python on librosa's features (committed references)
 * must give the same label and probabilities within {@value #BAR} when run here on features this
 * library computes from the same audio.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnnxAgreementTest {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxAgreementTest.class);
    private static final double BAR = 1e-4;
    private static final LibrosaReference REF = LibrosaReference.load();

    private final Map<String, OnnxEmotionRecognizer> recognizers = new ConcurrentHashMap<>();
    private final Map<String, Double> worst = new ConcurrentHashMap<>();

    @BeforeAll
    void open() throws IOException {
        for (String m : List.of("pooled_mlp", "skl_tensor", "skl_zipmap", "frames_cnn", "frames_cnn_fixed",
                "frames_logmel_cnn", "waveform_conv", "waveform_fixed")) {
            recognizers.put(m, OnnxEmotionRecognizer.open(OnnxFixtures.model(m + ".onnx")));
        }
    }

    @AfterAll
    void close() {
        recognizers.values().forEach(OnnxEmotionRecognizer::close);
        worst.forEach((k, v) -> LOG.info("ONNX agreement: worst |p_java - p_python| for {} = {}", k, v));
    }

    static Stream<Path> clips() throws IOException {
        return OnnxFixtures.bundledClips();
    }

    @ParameterizedTest(name = "pooled MLP on {0}")
    @MethodSource("clips")
    void pooledMlpAgreesWithPython(Path clip) throws IOException {
        check("pooled_mlp", "pooled_mlp", clip.getFileName().toString(), recognizers.get("pooled_mlp").recognize(clip));
    }

    @ParameterizedTest(name = "skl-style label+probabilities tensor model on {0}")
    @MethodSource("clips")
    void sklTensorModelAgreesWithPython(Path clip) throws IOException {
        check("skl_tensor", "skl", clip.getFileName().toString(), recognizers.get("skl_tensor").recognize(clip));
    }

    @ParameterizedTest(name = "skl-style ZipMap model on {0}")
    @MethodSource("clips")
    void sklZipMapModelAgreesWithPython(Path clip) throws IOException {
        check("skl_zipmap", "skl", clip.getFileName().toString(), recognizers.get("skl_zipmap").recognize(clip));
    }

    static Stream<String> mfccSignals() {
        return REF.casesOfKind("mfcc40").map(LibrosaReference.Case::signal);
    }

    @ParameterizedTest(name = "frame CNN (dynamic time axis) on {0}")
    @MethodSource("mfccSignals")
    void frameCnnAgreesWithPython(String signal) {
        check("frames_cnn", "frames_cnn", signal, recognizers.get("frames_cnn").recognize(audio(signal)));
    }

    @ParameterizedTest(name = "frame CNN (fixed 64 frames, centre crop, edge pad) on {0}")
    @MethodSource("mfccSignals")
    void fixedFrameCnnAgreesWithPython(String signal) {
        check("frames_cnn_fixed", "frames_cnn_fixed", signal,
                recognizers.get("frames_cnn_fixed").recognize(audio(signal)));
    }

    static Stream<String> melSignals() {
        return REF.casesOfKind("melspectrogram").map(LibrosaReference.Case::signal);
    }

    @ParameterizedTest(name = "log-mel CNN ([batch, 1, 128, frames], power_to_db in the contract) on {0}")
    @MethodSource("melSignals")
    void logMelCnnAgreesWithPython(String signal) {
        check("frames_logmel_cnn", "frames_logmel_cnn", signal,
                recognizers.get("frames_logmel_cnn").recognize(audio(signal)));
    }

    @Test
    void everyMfccSignalHasAnExpectation() {
        List<String> names = new ArrayList<>();
        Iterator<String> it = OnnxFixtures.expected().path("frames_cnn").path("cases").fieldNames();
        it.forEachRemaining(names::add);
        assertEquals(mfccSignals().sorted().toList(), names.stream().sorted().toList());
    }

    @Test
    void waveformModelResamplesAndAgreesWithPython() {
        check("waveform_conv", "waveform_conv", "speech_ravdess_16000",
                recognizers.get("waveform_conv").recognize(audio("speech_ravdess_16000")));
    }

    @Test
    void fixedLengthWaveformModelPadsAndAgreesWithPython() {
        OnnxEmotionRecognizer r = recognizers.get("waveform_fixed");
        assertEquals(40000, r.classifier().fixedTimeSteps());
        check("waveform_fixed", "waveform_fixed", "speech_ravdess_16000", r.recognize(audio("speech_ravdess_16000")));
    }

    private static AudioSignal audio(String signal) {
        return new AudioSignal(REF.signal(signal), REF.signalInfo(signal).sampleRate());
    }

    private void check(String model, String expectedModel, String caseName, Prediction actual) {
        JsonNode e = OnnxFixtures.expectedCase(expectedModel, caseName);
        double[] want = OnnxFixtures.probabilities(e);
        double[] got = actual.values();
        assertEquals(want.length, got.length, model + "/" + caseName + ": class count");
        double err = 0;
        double sum = 0;
        for (int i = 0; i < want.length; i++) {
            err = Math.max(err, Math.abs(got[i] - want[i]));
            sum += got[i];
        }
        worst.merge(model, err, Math::max);
        assertEquals(1.0, sum, 1e-6, model + "/" + caseName + ": probabilities sum to 1");
        assertEquals(e.get("label").asText(), actual.label(), model + "/" + caseName + ": predicted label");
        assertTrue(err <= BAR, model + "/" + caseName + ": max |p_java - p_python| = " + err + " > " + BAR
                + "; java " + actual.probabilities() + ", python " + e.get("probabilities"));
    }
}
