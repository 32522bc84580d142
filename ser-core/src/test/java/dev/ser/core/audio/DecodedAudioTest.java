package dev.ser.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DecodedAudioTest {
    private static final AudioFormatInfo INFO = new AudioFormatInfo(Container.WAV, SampleEncoding.PCM_SIGNED, 16, "t");

    private static double[][] random(int channels, int frames, long seed) {
        Random rnd = new Random(seed);
        double[][] x = new double[channels][frames];
        for (double[] ch : x) {
            for (int i = 0; i < frames; i++) {
                ch[i] = rnd.nextInt(65536) / 32768.0 - 1;
            }
        }
        return x;
    }

    @Property(tries = 50)
    void monoIsTheChannelMeanAndLiesBetweenTheChannels(@ForAll @IntRange(min = 1, max = 8) int channels,
                                                       @ForAll @IntRange(min = 0, max = 200) int frames) {
        double[][] x = random(channels, frames, channels * 1000L + frames);
        double[] mono = new DecodedAudio(x, 8000, INFO).toMono().samplesView();
        assertEquals(frames, mono.length);
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] ch : x) {
                sum += ch[i];
                min = Math.min(min, ch[i]);
                max = Math.max(max, ch[i]);
            }
            assertEquals(sum / channels, mono[i], 1e-15);
            assertTrue(mono[i] >= min - 1e-15 && mono[i] <= max + 1e-15);
        }
    }

    @Test
    void stereoSixteenBitMeansAreExact() {
        // librosa averages float32; for 16-bit stereo (a + b) / 2 is exact in both precisions
        double[][] x = {{32767 / 32768.0, -1.0}, {-32767 / 32768.0, -1.0}};
        assertArrayEquals(new double[] {0.0, -1.0}, new DecodedAudio(x, 8000, INFO).toMono().samples());
    }

    @Test
    void monoInputIsWrappedWithoutCopy() {
        double[][] x = random(1, 10, 1);
        assertSame(x[0], new DecodedAudio(x, 8000, INFO).toMono().samplesView());
    }

    @Property(tries = 30)
    void slicesKeepChannelsAndFormat(@ForAll @IntRange(min = 0, max = 50) int from,
                                     @ForAll @IntRange(min = 0, max = 50) int length) {
        DecodedAudio a = new DecodedAudio(random(3, 100, 2), 8000, INFO);
        DecodedAudio s = a.slice(from, from + length);
        assertEquals(length, s.frames());
        assertEquals(3, s.channelCount());
        assertEquals(INFO, s.format());
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < length; i++) {
                assertEquals(a.channelView(c)[from + i], s.channelView(c)[i]);
            }
        }
    }

    @Test
    void constructorRejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class, () -> new DecodedAudio(new double[0][], 8000, INFO));
        assertThrows(IllegalArgumentException.class, () -> new DecodedAudio(new double[][] {{1}, {}}, 8000, INFO));
        assertThrows(IllegalArgumentException.class, () -> new DecodedAudio(new double[][] {{1}}, 0, INFO));
        assertThrows(IndexOutOfBoundsException.class, () -> new DecodedAudio(new double[][] {{1}}, 8, INFO).slice(0, 2));
        DecodedAudio a = new DecodedAudio(new double[][] {{1, 2, 3, 4}}, 4, INFO);
        assertEquals(1.0, a.durationSeconds());
        assertEquals("DecodedAudio[1 ch x 4 frames @ 4 Hz, t]", a.toString());
    }
}
