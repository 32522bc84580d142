package dev.ser.models.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.testkit.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed test models (scripts/onnx/make_test_models.py) and their expected outputs. */
final class OnnxFixtures {
    private static JsonNode expected;

    private OnnxFixtures() {
    }

    static Path model(String name) {
        URL url = OnnxFixtures.class.getResource("/onnx/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test model /onnx/" + name
                    + "; regenerate with /usr/bin/python3 scripts/onnx/make_test_models.py");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(model(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code expected.json}: per model, per case, the label and probabilities Python computed. */
    static synchronized JsonNode expected() {
        if (expected == null) {
            try {
                expected = new ObjectMapper().readTree(model("expected.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected;
    }

    static JsonNode expectedCase(String model, String caseName) {
        JsonNode c = expected().path(model).path("cases").get(caseName);
        if (c == null) {
            throw new IllegalStateException("expected.json has no case " + model + "/" + caseName);
        }
        return c;
    }

    static double[] probabilities(JsonNode c) {
        JsonNode p = c.get("probabilities");
        double[] v = new double[p.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = p.get(i).asDouble();
        }
        return v;
    }

    /** The bundled RAVDESS clips (rows of the librosa seed vectors). */
    static Stream<Path> bundledClips() throws IOException {
        Path dir = TestData.root().getParent().resolve("docs").resolve("samples").resolve("ravdess");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> clips = files.filter(p -> p.toString().endsWith(".flac")).sorted().toList();
            return clips.stream();
        }
    }
}
