package dev.ser.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.audio.WavSampleFormat;
import dev.ser.core.audio.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
    @TempDir
    Path dir;
    private Path clip;
    private final CliHarness cli = new CliHarness();

    @BeforeEach
    void writeClip() throws IOException {
        double[] y = new double[8000];
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.3 * Math.sin(2 * Math.PI * 200 * i / 16000.0);
        }
        clip = dir.resolve("tone_happy.wav");
        WavWriter.write(clip, AudioSignal.wrap(y, 16000), WavSampleFormat.PCM_16);
    }

    @Test
    void csvHasAHeaderNamingEveryColumnAndOneRowPerFile() {
        assertEquals(0, cli.run("extract", "--format", "csv", clip.toString(), clip.toString()));
        String[] lines = cli.out().strip().split("\\R");
        assertEquals(3, lines.length);
        String[] header = lines[0].split(",");
        assertEquals(194, header.length);
        assertEquals("file", header[0]);
        assertEquals("mfcc_0", header[1]);
        assertEquals("tonnetz_5", header[193]);
        assertEquals(194, lines[1].split(",").length);
    }

    @Test
    void featureSelectionAndJson() {
        assertEquals(0, cli.run("extract", "-f", "mel,mfcc", "--format", "json", clip.toString()));
        String json = cli.out();
        assertTrue(json.contains("\"mfcc_39\""), json);
        assertTrue(json.contains("\"mel_127\""), json);
        assertTrue(!json.contains("chroma"), json);
    }

    @Test
    void unreadableFilesAreReportedWithExitCodeOne() throws IOException {
        Path bad = dir.resolve("bad.wav");
        Files.writeString(bad, "not audio at all");
        assertEquals(SerCli.EXIT_INPUT_FAILED, cli.run("extract", clip.toString(), bad.toString()));
        assertTrue(cli.err().contains("bad.wav"), cli.err());
        assertTrue(cli.out().contains("tone_happy.wav"), "the good file is still reported");
        assertTrue(!cli.err().contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void unknownFeatureIsAUsageError() {
        assertEquals(SerCli.EXIT_USAGE, cli.run("extract", "-f", "loudness", clip.toString()));
        assertTrue(cli.err().contains("unknown feature"), cli.err());
    }

    @Test
    void writesToAnOutputFile() throws IOException {
        Path csv = dir.resolve("features.csv");
        assertEquals(0, cli.run("extract", "--format", "csv", "-o", csv.toString(), clip.toString()));
        assertTrue(Files.readString(csv).startsWith("file,mfcc_0,"));
    }
}
