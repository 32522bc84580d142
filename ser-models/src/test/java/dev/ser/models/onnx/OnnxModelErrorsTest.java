package dev.ser.models.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.dsp.Matrix;
import dev.ser.features.Feature;
import dev.ser.features.FeatureConfig;
import dev.ser.features.FeatureExtractor;
import dev.ser.features.FeatureResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models that do not match their contract, have none, or are not models: each refused clearly. */
class OnnxModelErrorsTest {

    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message should mention '" + p + "': " + e.getMessage());
        }
    }

    @Test
    void wrongInputRankIsRefused() {
        ContractMismatchException e = assertThrows(ContractMismatchException.class,
                () -> OnnxClassifier.load(OnnxFixtures.model("bad_rank.onnx")));
        assertMentions(e, "bad_rank.onnx", "pooled model takes [batch, 193]", "mfcc: FLOAT[?, 40, ?]", "rank 3");
    }

    @Test
    void wrongFeatureCountIsRefused() {
        ContractMismatchException e = assertThrows(ContractMismatchException.class,
                () -> OnnxClassifier.load(OnnxFixtures.model("bad_feature_count.onnx")));
        assertMentions(e, "bad_feature_count.onnx", "takes 190 features", "gives 193");
    }

    @Test
    void outputWithTheWrongClassCountIsRefused() {
        ContractMismatchException e = assertThrows(ContractMismatchException.class,
                () -> OnnxClassifier.load(OnnxFixtures.model("bad_output_classes.onnx")));
        assertMentions(e, "has 5 classes", "9 labels");
    }

    @Test
    void missingMetadataWithoutSidecarIsRefused() {
        ContractException e = assertThrows(ContractException.class,
                () -> OnnxClassifier.load(OnnxFixtures.model("no_contract.onnx")));
        assertMentions(e, "no_contract.onnx", "no model contract", "ser.contract", "no_contract.onnx.json");
        ContractException fromBytes = assertThrows(ContractException.class,
                () -> OnnxClassifier.load(OnnxFixtures.bytes("no_contract.onnx")));
        assertMentions(fromBytes, "no model contract", "ser.contract");
    }

    @Test
    void malformedContractJsonIsRefused() {
        ContractException e = assertThrows(ContractException.class,
                () -> OnnxClassifier.load(OnnxFixtures.model("bad_contract_json.onnx")));
        assertMentions(e, "bad_contract_json.onnx", "metadata 'ser.contract'", "not valid JSON");
    }

    @Test
    void garbageBytesAreRefused() {
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> OnnxClassifier.load(OnnxFixtures.model("garbage.onnx")));
        assertMentions(e, "garbage.onnx", "not a model ONNX Runtime can load");
        assertThrows(InvalidModelException.class, () -> OnnxClassifier.load(new byte[0], null, OnnxOptions.DEFAULT));
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> OnnxClassifier.load(dir.resolve("absent.onnx")));
    }

    @Test
    void sidecarContractIsUsedWhenMetadataIsAbsent() throws IOException {
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("sidecar.onnx"))) {
            assertEquals(193, c.numFeatures());
            assertEquals(InputKind.POOLED, c.contract().inputKind());
            assertEquals(FeatureConfig.CLASSIC, c.contract().features());
        }
    }

    @Test
    void anExplicitContractOverridesAMissingOne(@TempDir Path dir) throws IOException {
        ModelContract contract = ModelContract.fromJson(
                Files.readString(OnnxFixtures.model("sidecar.onnx.json")), "sidecar.onnx.json");
        Path copy = dir.resolve("copy.onnx");
        Files.copy(OnnxFixtures.model("no_contract.onnx"), copy);
        try (OnnxClassifier c = OnnxClassifier.load(copy, contract, OnnxOptions.DEFAULT)) {
            assertEquals(contract, c.contract());
        }
    }

    @Test
    void featuresThatDoNotMatchTheContractAreRefused() throws IOException {
        Path clip = OnnxFixtures.bundledClips().findFirst().orElseThrow();
        FeatureResult classic = FeatureExtractor.classic().extract(clip);
        try (OnnxClassifier mfccOnly = OnnxClassifier.load(OnnxFixtures.model("skl_tensor.onnx"))) {
            ContractMismatchException e = assertThrows(ContractMismatchException.class,
                    () -> mfccOnly.predictFeatures(classic));
            assertMentions(e, "skl_tensor.onnx", "takes the pooled vector", "mfcc(40); 40 columns", "193 columns");
        }
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("pooled_mlp.onnx"))) {
            ModelContract at22k = c.contract().toBuilder().sampleRate(22050).build();
            try (OnnxClassifier other = OnnxClassifier.load(OnnxFixtures.model("pooled_mlp.onnx"), at22k,
                    OnnxOptions.DEFAULT)) {
                ContractMismatchException e = assertThrows(ContractMismatchException.class,
                        () -> other.predictFeatures(classic));
                assertMentions(e, "computed at 16000 Hz", "says 22050 Hz");
            }
        }
        try (OnnxClassifier frames = OnnxClassifier.load(OnnxFixtures.model("frames_logmel_cnn.onnx"))) {
            FeatureResult mfcc = FeatureExtractor.create(FeatureConfig.CLASSIC.withFeatures(List.of(Feature.MFCC)))
                    .extract(clip);
            ContractMismatchException e = assertThrows(ContractMismatchException.class,
                    () -> frames.predictFeatures(mfcc));
            assertMentions(e, "takes mel frames");
        }
    }

    @Test
    void logitsDeclaredAsProbabilitiesAreRefused() throws IOException {
        ModelContract wrong;
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("pooled_mlp.onnx"))) {
            wrong = c.contract().toBuilder().outputKind(OutputKind.PROBABILITIES).build();
        }
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("pooled_mlp.onnx"), wrong, OnnxOptions.DEFAULT)) {
            ContractMismatchException e = assertThrows(ContractMismatchException.class,
                    () -> c.predictProba(new double[193]));
            assertMentions(e, "output 'logits' is declared as probabilities", "set output.kind to logits");
        }
    }

    @Test
    void wrongInputLengthAndWrongInputKindAreRefused() throws IOException {
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("pooled_mlp.onnx"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> c.predictProba(new double[192]));
            assertMentions(e, "expected 193 features, got 192");
            assertThrows(ContractMismatchException.class, () -> c.predictFrames(new Matrix(40, 10)));
        }
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("frames_cnn.onnx"))) {
            ContractMismatchException e = assertThrows(ContractMismatchException.class,
                    () -> c.predictFrames(new Matrix(20, 10)));
            assertMentions(e, "40 mfcc coefficients", "20 rows");
            assertThrows(IllegalArgumentException.class, () -> c.predictProba(new double[41]));
        }
    }
}
