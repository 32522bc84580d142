package dev.ser.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {

    @Property(tries = 50)
    void pcm16RoundTripsSixteenBitValuesExactly(@ForAll @IntRange(min = 1, max = 8) int channels,
                                                @ForAll @IntRange(min = 0, max = 400) int frames) throws Exception {
        PcmFixture f = PcmFixture.random(16, false, channels, frames, channels * 977L + frames);
        double[][] x = new double[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                x[c][i] = f.expected(c, i);
            }
        }
        byte[] wav = WavWriter.toBytes(x, 22050, WavSampleFormat.PCM_16);
        if (frames == 0) {
            Assertions2.assertFails(AudioFormatException.Reason.EMPTY_DATA, "w.wav", () -> AudioFiles.read(wav, "w.wav"));
            return;
        }
        DecodedAudio audio = AudioFiles.read(wav, "w.wav");
        Assertions2.assertSamples(f, audio);
        assertEquals(22050, audio.sampleRate());
        assertEquals(channels > 2, audio.format().codec().contains("extensible"));
    }

    @Property(tries = 30)
    void float32RoundTripsFloatValuesExactly(@ForAll @IntRange(min = 1, max = 5) int channels) throws Exception {
        Random rnd = new Random(channels);
        double[][] x = new double[channels][123];
        for (double[] ch : x) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = (float) (rnd.nextGaussian() * 3);
            }
        }
        DecodedAudio audio = AudioFiles.read(WavWriter.toBytes(x, 8000, WavSampleFormat.FLOAT_32), "f.wav");
        for (int c = 0; c < channels; c++) {
            assertArrayEquals(x[c], audio.channel(c));
        }
        assertEquals(SampleEncoding.IEEE_FLOAT, audio.format().encoding());
        assertEquals(32, audio.format().bitsPerSample());
    }

    @Test
    void pcm16ClipsRoundsAndZeroesNaN() throws Exception {
        double[] x = {2.0, -2.0, 1.0, -1.0, 0.5 / 32768, 1.5 / 32768, Double.NaN};
        DecodedAudio audio = AudioFiles.read(WavWriter.toBytes(new double[][] {x}, 8000, WavSampleFormat.PCM_16), "c");
        // rint: half to even, 0.5 -> 0, 1.5 -> 2
        assertArrayEquals(new double[] {32767 / 32768.0, -1, 32767 / 32768.0, -1, 0, 2 / 32768.0, 0},
                audio.channel(0));
    }

    @Test
    void writesFilesFromSignalsAndDecodedAudio(@TempDir Path dir) throws Exception {
        AudioSignal signal = new AudioSignal(new double[] {0.25, -0.5, 0.75}, 16000);
        Path mono = dir.resolve("mono.wav");
        WavWriter.write(mono, signal, WavSampleFormat.PCM_16);
        assertEquals(signal, AudioFiles.read(mono).toMono());
        Path copy = dir.resolve("copy.wav");
        WavWriter.write(copy, AudioFiles.read(mono), WavSampleFormat.FLOAT_32);
        assertArrayEquals(signal.samples(), AudioFiles.read(copy).channel(0));
        assertEquals(44 + 3 * 2, Files.size(mono));
    }

    @Test
    void rejectsInconsistentArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> WavWriter.toBytes(new double[][] {{1}, {1, 2}}, 8000, WavSampleFormat.PCM_16));
        assertThrows(IllegalArgumentException.class,
                () -> WavWriter.toBytes(new double[0][], 8000, WavSampleFormat.PCM_16));
        assertThrows(IllegalArgumentException.class,
                () -> WavWriter.toBytes(new double[][] {{1}}, 0, WavSampleFormat.PCM_16));
    }
}
