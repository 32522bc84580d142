package dev.ser.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.audio.WavSampleFormat;
import dev.ser.core.audio.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
    @TempDir
    Path dir;
    private Path clip;
    private final CliHarness cli = new CliHarness();

    @BeforeEach
    void writeClip() throws IOException {
        double[] y = new double[16000];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < y.length; i++) {
            double t = i / 16000.0;
            y[i] = 0.2 * Math.sin(2 * Math.PI * (180 + 40 * Math.sin(2 * Math.PI * 3 * t)) * t) + 0.01 * r.nextGaussian();
        }
        clip = dir.resolve("voice.wav");
        WavWriter.write(clip, AudioSignal.wrap(y, 16000), WavSampleFormat.PCM_16);
    }

    @Test
    void theBundledModelIsAvailableAndPredictsOneOfItsLabels() {
        assertTrue(DefaultModel.available(), "the default model must be bundled");
        List<String> labels = DefaultModel.recognizer().labels();
        assertEquals(List.of("neutral", "happy", "sad", "angry", "fear", "disgust", "surprise"), labels);
        assertEquals(0, cli.run("predict", clip.toString()), cli.err());
        String first = cli.out().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith(clip + ": "), first);
        assertTrue(labels.stream().anyMatch(l -> first.contains(": " + l + " (")), first);
        assertEquals(1 + labels.size(), cli.out().lines().count(), "one line per label: " + cli.out());
    }

    @Test
    void jsonHasEveryProbability() {
        assertEquals(0, cli.run("predict", "--format", "json", clip.toString()));
        String json = cli.out();
        for (String label : DefaultModel.recognizer().labels()) {
            assertTrue(json.contains("\"" + label + "\": "), json);
        }
        assertTrue(json.strip().startsWith("[") && json.strip().endsWith("]"), json);
    }

    @Test
    void badAudioAndBadModelsAreReported() throws IOException {
        Path bad = dir.resolve("bad.flac");
        Files.writeString(bad, "fLaC but not really");
        assertEquals(SerCli.EXIT_INPUT_FAILED, cli.run("predict", clip.toString(), bad.toString()));
        assertTrue(cli.err().contains("bad.flac"), cli.err());

        Path model = dir.resolve("garbage.ser");
        Files.writeString(model, "not a model");
        int code = cli.run("predict", "--model", model.toString(), clip.toString());
        assertEquals(SerCli.EXIT_INTERNAL, code);
        assertTrue(cli.err().contains("garbage.ser"), cli.err());
        assertTrue(!cli.err().contains("\tat "), "no stack trace without --verbose");
    }
}
