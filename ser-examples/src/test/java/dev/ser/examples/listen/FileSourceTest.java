package dev.ser.examples.listen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.audio.AudioLoader;
import dev.ser.core.audio.AudioSignal;
import dev.ser.core.audio.WavSampleFormat;
import dev.ser.core.audio.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {
    @TempDir
    Path dir;

    private static double[] readAll(AudioSource source, int block) throws IOException {
        double[] all = new double[0];
        double[] buf = new double[block];
        int n;
        while ((n = source.read(buf)) >= 0) {
            assertTrue(n >= 1 && n <= block, "1.." + block + " samples per read, got " + n);
            int at = all.length;
            all = Arrays.copyOf(all, at + n);
            System.arraycopy(buf, 0, all, at, n);
        }
        assertEquals(-1, source.read(buf), "stays at the end");
        return all;
    }

    @Test
    void readsExactlyTheFilesSamples() throws IOException {
        double[] y = Signals.bursts(1.3, 0.01, 0.3, 11, new double[] {0.2, 0.9});
        Path wav = dir.resolve("clip.wav");
        WavWriter.write(wav, AudioSignal.wrap(y, 22050), WavSampleFormat.FLOAT_32);
        AudioSignal decoded = new AudioLoader(AudioLoader.Options.defaults()).load(wav);
        for (int block : new int[] {1, 317, 4096, 100_000}) {
            try (FileSource source = FileSource.open(wav, false)) {
                assertEquals(22050, source.sampleRate());
                assertFalse(source.realTime());
                assertEquals(y.length, source.length());
                assertArrayEquals(decoded.samples(), readAll(source, block), "block " + block);
            }
        }
        for (int i = 0; i < y.length; i++) {
            assertEquals(y[i], decoded.samplesView()[i], 1e-7, "float WAV keeps the samples");
        }
    }

    @Test
    void realTimeTakesAsLongAsTheAudio() throws IOException {
        double[] y = new double[3200]; // 0.2 s at 16 kHz
        FileSource source = new FileSource(AudioSignal.wrap(y, 16000), true);
        assertTrue(source.realTime());
        long t0 = System.nanoTime();
        assertEquals(y.length, readAll(source, 800).length);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds >= 0.19, "0.2 s of audio took only " + seconds + " s");
    }

    @Test
    void closedSourcesAndBadFilesFailClearly() throws IOException {
        FileSource source = new FileSource(AudioSignal.wrap(new double[10], 16000), false);
        source.close();
        assertThrows(IOException.class, () -> source.read(new double[4]));
        Path bad = dir.resolve("bad.wav");
        Files.writeString(bad, "RIFF nonsense");
        IOException e = assertThrows(IOException.class, () -> FileSource.open(bad, false));
        assertTrue(e.getMessage().contains("bad.wav"), e.getMessage());
    }
}
