package dev.ser.models.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.features.Feature;
import dev.ser.features.FeatureConfig;
import dev.ser.models.StandardScaler;
import dev.ser.testkit.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed JSON Schema (docs/onnx-contract.schema.json) and the code agree on the field
 * names and enumerations: every key {@link ModelContract#toJson()} and
 * {@link FeatureConfig#toProperties()} write is declared, and every enum the parser accepts is
 * listed. (Full validation against the schema is done on the Python side by
 * scripts/onnx/make_test_models.py when jsonschema is installed.)
 */
class ContractSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schema() throws IOException {
        Path file = TestData.root().getParent().resolve("docs").resolve("onnx-contract.schema.json");
        return JSON.readTree(file.toFile());
    }

    private static void assertDeclared(JsonNode written, JsonNode schemaProperties, String where) {
        Iterator<String> names = written.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            assertTrue(schemaProperties.has(n), where + "." + n + " is written but not declared in the schema");
        }
    }

    @Test
    void everyWrittenFieldIsDeclared() throws IOException {
        JsonNode props = schema().get("properties");
        ModelContract frames = ModelContract.builder().labels(List.of("a", "b")).inputKind(InputKind.FRAMES)
                .features(FeatureConfig.CLASSIC).frameFeature(Feature.MEL).frameTransform(FrameTransform.POWER_TO_DB)
                .scaler(new StandardScaler(new double[128], filled(128))).inputName("x").outputName("y")
                .sampleRate(16000).build();
        JsonNode written = JSON.readTree(frames.toJson());
        assertDeclared(written, props, "contract");
        assertDeclared(written.get("input"), props.get("input").get("properties"), "input");
        assertDeclared(written.get("output"), props.get("output").get("properties"), "output");
        assertDeclared(written.get("features"), props.get("features").get("properties"), "features");
        assertDeclared(written.get("scaler"), props.get("scaler").get("properties"), "scaler");
        assertEquals(ModelContract.FORMAT_VERSION, props.get("ser_contract_version").get("const").asInt());
    }

    @Test
    void enumerationsMatchTheCode() throws IOException {
        JsonNode props = schema().get("properties");
        for (InputKind k : InputKind.values()) {
            assertListed(props.get("input").get("properties").get("kind"), k.key());
        }
        for (OutputKind k : OutputKind.values()) {
            assertListed(props.get("output").get("properties").get("kind"), k.key());
        }
        for (FrameTransform t : FrameTransform.values()) {
            assertListed(props.get("input").get("properties").get("transform"), t.key());
        }
        for (Feature f : Feature.values()) {
            assertListed(props.get("input").get("properties").get("feature"), f.key());
        }
        for (TimeAxisPolicy.Crop c : TimeAxisPolicy.Crop.values()) {
            assertListed(props.get("input").get("properties").get("crop"), c.key());
        }
        for (TimeAxisPolicy.Pad p : TimeAxisPolicy.Pad.values()) {
            assertListed(props.get("input").get("properties").get("pad"), p.key());
        }
        for (String r : List.of("high_quality", "polyphase")) {
            assertListed(props.get("resample"), r);
        }
    }

    private static void assertListed(JsonNode property, String value) {
        for (JsonNode v : property.get("enum")) {
            if (v.asText().equals(value)) {
                return;
            }
        }
        throw new AssertionError("'" + value + "' is not in the schema's enum " + property.get("enum"));
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1.0);
        return a;
    }
}
