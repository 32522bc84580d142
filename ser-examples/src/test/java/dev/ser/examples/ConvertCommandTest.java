package dev.ser.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.audio.AudioFiles;
import dev.ser.core.audio.DecodedAudio;
import dev.ser.core.audio.WavSampleFormat;
import dev.ser.core.audio.WavWriter;
import dev.ser.core.resample.Resampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
    @TempDir
    Path dir;
    private Path stereo;
    private final CliHarness cli = new CliHarness();

    /** 0.5 s of a 440 Hz tone at 44.1 kHz: left and right channels in opposite phase plus a DC offset each. */
    @BeforeEach
    void writeStereo() throws IOException {
        int n = 22050;
        double[][] channels = new double[2][n];
        for (int i = 0; i < n; i++) {
            double s = 0.5 * Math.sin(2 * Math.PI * 440 * i / 44100.0);
            channels[0][i] = 0.1 + s;
            channels[1][i] = 0.1 - s;
        }
        stereo = dir.resolve("stereo.wav");
        WavWriter.write(stereo, channels, 44100, WavSampleFormat.FLOAT_32);
    }

    @Test
    void convertsToMonoAtSixteenKilohertzByDefault() throws IOException {
        Path out = dir.resolve("out.wav");
        assertEquals(0, cli.run("convert", stereo.toString(), "-o", out.toString()), cli.err());
        DecodedAudio converted = AudioFiles.read(out);
        assertEquals(16000, converted.sampleRate());
        assertEquals(1, converted.channelCount());
        assertEquals(Resampler.outputLength(22050, 44100, 16000), converted.frames());
        // the opposite-phase tone cancels in the average: what is left is the 0.1 offset
        double[] y = converted.channel(0);
        for (int i = 100; i < y.length - 100; i++) {
            assertEquals(0.1, y[i], 2e-4, "sample " + i);
        }
        assertTrue(cli.out().contains("16000 Hz"), cli.out());
    }

    @Test
    void manyFilesGoToAFolderAndRateZeroKeepsTheRate() throws IOException {
        Path second = dir.resolve("second.wav");
        Files.copy(stereo, second);
        Path folder = dir.resolve("converted");
        assertEquals(0, cli.run("convert", "-r", "0", "--encoding", "float32", stereo.toString(), second.toString(),
                "-o", folder.toString()));
        assertEquals(44100, AudioFiles.read(folder.resolve("stereo.wav")).sampleRate());
        assertEquals(44100, AudioFiles.read(folder.resolve("second.wav")).sampleRate());
    }

    @Test
    void existingOutputsNeedForceAndBadInputsAreReported() throws IOException {
        Path out = dir.resolve("out.wav");
        assertEquals(0, cli.run("convert", stereo.toString(), "-o", out.toString()));
        assertEquals(SerCli.EXIT_INPUT_FAILED, cli.run("convert", stereo.toString(), "-o", out.toString()));
        assertTrue(cli.err().contains("--force"), cli.err());
        assertEquals(0, cli.run("convert", "--force", stereo.toString(), "-o", out.toString()));

        Path bad = dir.resolve("bad.aiff");
        Files.writeString(bad, "FORM but nothing else");
        assertEquals(SerCli.EXIT_INPUT_FAILED, cli.run("convert", bad.toString(), "-o", dir.resolve("x").toString()));
        assertTrue(cli.err().contains("bad.aiff"), cli.err());
        assertEquals(SerCli.EXIT_USAGE, cli.run("convert", "--quality", "best", stereo.toString(), "-o", out.toString()));
    }
}
