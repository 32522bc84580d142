package dev.ser.models.onnx;

import dev.ser.models.recognize.Prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.resample.ResampleMode;
import dev.ser.features.Feature;
import dev.ser.features.FeatureConfig;
import dev.ser.models.StandardScaler;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelContractTest {

    private static ModelContract.Builder frames() {
        return ModelContract.builder().labels(List.of("a", "b")).inputKind(InputKind.FRAMES)
                .features(FeatureConfig.CLASSIC.toBuilder().nMels(64).build()).frameFeature(Feature.MEL)
                .frameTransform(FrameTransform.POWER_TO_DB).outputKind(OutputKind.LOGITS);
    }

    @Test
    void jsonRoundTripKeepsEveryField() {
        ModelContract c = frames().scaler(new StandardScaler(new double[64], filled(64, 2.0))).sampleRate(16000)
                .resampleMode(ResampleMode.POLYPHASE)
                .timeAxis(new TimeAxisPolicy(TimeAxisPolicy.Crop.START, TimeAxisPolicy.Pad.EDGE))
                .inputName("x").outputName("y").build();
        assertEquals(c, ModelContract.fromJson(c.toJson(), "test"));
        ModelContract w = ModelContract.builder().labels(List.of("x")).inputKind(InputKind.WAVEFORM).sampleRate(8000).build();
        assertEquals(w, ModelContract.fromJson(w.toJson(), "test"));
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void sampleRateComesFromTheFeatureConfigurationWhenNotGiven() {
        ModelContract c = frames().features(FeatureConfig.CLASSIC.toBuilder().targetSampleRate(22050).build()).build();
        assertEquals(22050, c.sampleRate());
        assertEquals(0, c.extractorConfig().targetSampleRate());
        assertEquals(List.of(Feature.MEL), List.copyOf(c.extractorConfig().features()));
        ContractException e = assertThrows(ContractException.class, () -> frames()
                .features(FeatureConfig.CLASSIC.toBuilder().targetSampleRate(22050).build()).sampleRate(16000).build());
        assertTrue(e.getMessage().contains("contradicts"), e.getMessage());
    }

    @Test
    void inconsistentContractsAreRefused() {
        assertThrows(ContractException.class, () -> frames().labels(List.of()).build());
        assertThrows(ContractException.class, () -> frames().labels(List.of("a", "a")).build());
        assertThrows(ContractException.class, () -> frames().frameFeature(null).build());
        assertThrows(ContractException.class, () -> frames().features(null).build());
        assertThrows(ContractException.class, () -> frames().frameFeature(Feature.MFCC)
                .features(FeatureConfig.CLASSIC.withFeatures(List.of(Feature.MEL))).build());
        ContractException e = assertThrows(ContractException.class,
                () -> frames().scaler(new StandardScaler(new double[3], filled(3, 1))).build());
        assertTrue(e.getMessage().contains("needs 64"), e.getMessage());
        assertThrows(ContractException.class,
                () -> ModelContract.builder().labels(List.of("a")).inputKind(InputKind.WAVEFORM).build());
        assertThrows(ContractException.class, () -> ModelContract.builder().labels(List.of("a")).build());
    }

    @Test
    void badJsonIsReportedWithItsSource() {
        assertMessage("{", "model.onnx.json", "not valid JSON");
        assertMessage("[]", "model.onnx.json", "must be a JSON object");
        assertMessage("{\"labels\":[\"a\"]}", "model.onnx.json", "'ser_contract_version' is missing");
        assertMessage("{\"ser_contract_version\":2,\"labels\":[\"a\"]}", "model.onnx.json", "not supported");
        assertMessage("{\"ser_contract_version\":1,\"labels\":[\"a\"],\"input\":{\"kind\":\"image\"},"
                + "\"output\":{\"kind\":\"logits\"}}", "model.onnx.json", "unknown input kind 'image'");
        assertMessage("{\"ser_contract_version\":1,\"labels\":[\"a\"],\"input\":{\"kind\":\"waveform\"},"
                + "\"output\":{\"kind\":\"probabilities\"},\"sample_rate\":8000,\"resample\":\"fast\"}",
                "model.onnx.json", "unknown resample mode 'fast'");
    }

    private static void assertMessage(String json, String... parts) {
        ContractException e = assertThrows(ContractException.class, () -> ModelContract.fromJson(json, "model.onnx.json"));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
        }
    }

    @Test
    void predictionHelpers() {
        Prediction p = Prediction.of(List.of("a", "b", "c"), new double[] {0.2, 0.5, 0.3});
        assertEquals("b", p.label());
        assertEquals(0.5, p.confidence());
        assertEquals(0.3, p.probabilities().get("c"));
        assertEquals(List.of("b", "c", "a"), p.ranking());
        assertEquals(List.of("a", "b", "c"), p.labels());
        assertThrows(IllegalArgumentException.class, () -> Prediction.of(List.of("a"), new double[2]));
    }
}
