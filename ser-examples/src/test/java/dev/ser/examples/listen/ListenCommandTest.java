package dev.ser.examples.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.audio.WavSampleFormat;
import dev.ser.core.audio.WavWriter;
import dev.ser.examples.CliHarness;
import dev.ser.examples.DefaultModel;
import dev.ser.examples.SerCli;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListenCommandTest {
    @TempDir
    Path dir;
    private Path clip;
    private final CliHarness cli = new CliHarness();

    @BeforeEach
    void writeClip() throws IOException {
        clip = dir.resolve("two utterances.wav");
        WavWriter.write(clip, AudioSignal.wrap(LiveRecognizerTest.twoBursts(), Signals.SR), WavSampleFormat.PCM_16);
    }

    @Test
    void jsonGivesOneLinePerUtterance() {
        assertEquals(0, cli.run("listen", "--input", clip.toString(), "--format", "json"), cli.err());
        List<String> lines = cli.out().lines().toList();
        assertEquals(2, lines.size(), cli.out());
        for (int i = 0; i < 2; i++) {
            String line = lines.get(i);
            assertTrue(line.startsWith("{\"index\": " + i + ", \"start\": ") && line.endsWith("}}"), line);
            for (String label : DefaultModel.recognizer().labels()) {
                assertTrue(line.contains("\"" + label + "\": "), line);
            }
        }
        assertTrue(lines.get(0).contains("\"start\": 0.6"), lines.get(0));
    }

    @Test
    void tableAndSlidingWindows() {
        assertEquals(0, cli.run("listen", "-i", clip.toString(), "--window", "2", "--hop", "1"), cli.err());
        List<String> lines = cli.out().lines().toList();
        assertEquals(3, lines.size(), "4 s in 2 s windows every 1 s: " + cli.out());
        assertTrue(lines.get(0).startsWith("   0.00-   2.00 s  "), lines.get(0));
        assertTrue(lines.get(2).startsWith("   2.00-   4.00 s  "), lines.get(2));
    }

    @Test
    void thresholdIsPassedToTheDetector() {
        // The bursts are ~47 dB over the noise: a 60 dB threshold hears nothing.
        assertEquals(0, cli.run("listen", "-i", clip.toString(), "--threshold-db", "60", "--format", "json"), cli.err());
        assertEquals("", cli.out());
    }

    @Test
    void badUsageIsReported() {
        assertEquals(SerCli.EXIT_USAGE, cli.run("listen", "-i", clip.toString(), "--hop", "1"));
        assertTrue(cli.err().contains("--hop needs --window"), cli.err());
        assertEquals(SerCli.EXIT_USAGE, cli.run("listen", "-i", clip.toString(), "--window", "-1"));
        assertEquals(SerCli.EXIT_INPUT_FAILED, cli.run("listen", "-i", dir.resolve("missing.wav").toString()));
        assertTrue(cli.err().contains("missing.wav"), cli.err());
    }

    @Test
    void noMicrophoneIsAClearErrorWithExitCodeOne() {
        assumeFalse(MicrophoneSource.available(), "this machine has a capture device");
        assertEquals(SerCli.EXIT_INPUT_FAILED, cli.run("listen"));
        assertTrue(cli.err().contains("ser listen: ") && cli.err().contains("--input FILE"), cli.err());
        assertTrue(!cli.err().contains("\tat "), "no stack trace");
    }
}
