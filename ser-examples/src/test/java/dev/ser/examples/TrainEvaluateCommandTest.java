package dev.ser.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.audio.WavSampleFormat;
import dev.ser.core.audio.WavWriter;
import dev.ser.models.io.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ser train} and {@code ser evaluate} on a generated corpus in the custom layout: four
 * speakers (one folder each), "sad" utterances with a low voice and "happy" ones with a high voice.
 */
class TrainEvaluateCommandTest {
    @TempDir
    Path dir;
    private Path corpus;
    private final CliHarness cli = new CliHarness();

    static AudioSignal voice(double f0, long seed) {
        Random r = new Random(seed);
        double[] y = new double[6000];
        for (int i = 0; i < y.length; i++) {
            double t = i / 16000.0;
            y[i] = 0.3 * Math.sin(2 * Math.PI * f0 * t) + 0.1 * Math.sin(2 * Math.PI * 2 * f0 * t) + 0.01 * r.nextGaussian();
        }
        return AudioSignal.wrap(y, 16000);
    }

    @BeforeEach
    void writeCorpus() throws IOException {
        corpus = dir.resolve("corpus");
        int n = 0;
        for (int speaker = 1; speaker <= 4; speaker++) {
            Path folder = Files.createDirectories(corpus.resolve("speaker" + speaker));
            for (int i = 0; i < 3; i++) {
                WavWriter.write(folder.resolve("s" + speaker + "_" + i + "_sad.wav"),
                        voice(100 + 10 * speaker + 3 * i, n++), WavSampleFormat.PCM_16);
                WavWriter.write(folder.resolve("s" + speaker + "_" + i + "_happy.wav"),
                        voice(300 + 10 * speaker + 3 * i, n++), WavSampleFormat.PCM_16);
            }
        }
    }

    @Test
    void trainWritesAModelThatPredictAccepts() throws IOException {
        Path model = dir.resolve("voices.ser");
        assertEquals(0, cli.run("train", "custom=" + corpus, "-m", "forest", "-o", model.toString()), cli.err());
        assertTrue(cli.out().contains("trained forest on 24 utterances (happy, sad)"), cli.out());
        assertEquals("random_forest", ModelFiles.readHeader(model).get("modelType").asText());

        Path clip = dir.resolve("new_voice.wav");
        WavWriter.write(clip, voice(112, 999), WavSampleFormat.PCM_16);
        assertEquals(0, cli.run("predict", "--model", model.toString(), clip.toString()), cli.err());
        assertTrue(cli.out().contains(clip + ": sad ("), cli.out());
    }

    @Test
    void evaluateHoldsOutSpeakersAndSaysSo() throws IOException {
        Path png = dir.resolve("confusion.png");
        assertEquals(0, cli.run("evaluate", "custom=" + corpus, "-m", "forest", "-k", "2", "--confusion-png",
                png.toString()), cli.err());
        String out = cli.out();
        assertTrue(out.contains("speaker-independent"), out);
        assertTrue(out.contains("4 speakers"), out);
        assertTrue(out.contains("Pooled confusion matrix"), out);
        assertTrue(Files.size(png) > 1000, "confusion matrix PNG written");

        assertEquals(0, cli.run("evaluate", "custom=" + corpus, "-m", "forest", "-s", "random", "-k", "3"), cli.err());
        assertTrue(cli.out().contains("SPEAKER-DEPENDENT"), cli.out());
    }

    @Test
    void gridSearchReportsEveryConfigurationAndTheBest() {
        assertEquals(0, cli.run("grid-search", "custom=" + corpus, "-m", "svm", "--c", "1,10", "--gamma", "scale,auto",
                "-k", "2"), cli.err());
        String out = cli.out();
        assertTrue(out.contains("grid search: 4 candidates, selected by UAR"), out);
        assertTrue(out.contains("speaker-independent"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("* ")), "the best row is marked: " + out);
        assertTrue(out.contains("best: "), out);

        assertEquals(0, cli.run("grid-search", "custom=" + corpus, "--hidden", "8,4x4", "--alpha", "0.01", "-s", "loso"),
                cli.err());
        assertTrue(cli.out().contains("grid search: 2 candidates"), cli.out());
        assertEquals(SerCli.EXIT_USAGE, cli.run("grid-search", "custom=" + corpus, "--hidden", "eight"));
        assertEquals(SerCli.EXIT_USAGE, cli.run("grid-search", "custom=" + corpus, "-m", "forest"));
    }

    @Test
    void tooFewSpeakersForTheFoldsIsAUsageError() {
        assertEquals(SerCli.EXIT_USAGE, cli.run("evaluate", "custom=" + corpus, "-m", "forest", "-k", "5"));
        assertTrue(cli.err().contains("only 4 speakers"), cli.err());
    }
}
