package dev.ser.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioLoaderTest {
    private static final int RATE = 1000;

    /** Stereo: left = i / 32768, right = -i / 32768 + 2 / 32768, for i in [0, 1000). */
    private static byte[] stereo() {
        double[][] x = new double[2][RATE];
        for (int i = 0; i < RATE; i++) {
            x[0][i] = i / 32768.0;
            x[1][i] = (2 - i) / 32768.0;
        }
        return WavWriter.toBytes(x, RATE, WavSampleFormat.PCM_16);
    }

    @Test
    void defaultsLoadTheWholeFileAsMonoAtTheNativeRate() throws Exception {
        AudioSignal s = new AudioLoader(AudioLoader.Options.defaults()).load(stereo(), "s.wav");
        assertEquals(s, new AudioLoader(AudioLoader.Options.defaults())
                .load(new java.io.ByteArrayInputStream(stereo()), "s.wav"));
        assertEquals(RATE, s.sampleRate());
        assertEquals(RATE, s.length());
        double[] expected = new double[RATE];
        Arrays.fill(expected, 1 / 32768.0); // (i + 2 - i) / 2
        assertArrayEquals(expected, s.samples());
    }

    @Test
    void offsetAndDurationAreTruncatedToFramesAtTheNativeRate() throws Exception {
        AudioLoader loader = new AudioLoader(AudioLoader.Options.builder().mono(false)
                .offsetSeconds(0.2509).durationSeconds(0.1009).build());
        AudioSignal s = loader.load(stereo(), "s.wav");
        assertEquals(100, s.length()); // int(0.1009 * 1000)
        DecodedAudio both = loader.loadChannels(stereo(), "s.wav");
        assertEquals(250 / 32768.0, both.channel(0)[0]); // int(0.2509 * 1000) = 250
        assertEquals(2, both.channelCount());
        assertEquals(100, both.frames());
    }

    @Property(tries = 50)
    void durationPastTheEndReadsToTheEnd(@ForAll @DoubleRange(min = 0, max = 1) double offset,
                                         @ForAll @DoubleRange(min = 0, max = 5) double duration) throws Exception {
        AudioSignal s = new AudioLoader(AudioLoader.Options.builder().offsetSeconds(offset)
                .durationSeconds(duration).build()).load(stereo(), "s.wav");
        long start = (long) (offset * RATE);
        long expected = Math.min(RATE - start, (long) Math.floor(duration * RATE));
        assertEquals(expected, s.length());
    }

    @Test
    void anOffsetBeyondTheEndIsAnError() {
        AudioLoader loader = new AudioLoader(AudioLoader.Options.builder().offsetSeconds(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> loader.load(stereo(), "s.wav"));
    }

    @Test
    void aTargetRateUsesTheResamplingHook() throws Exception {
        AudioLoader.Options opts = AudioLoader.Options.builder().targetSampleRate(500).build();
        assertThrows(IllegalStateException.class, () -> new AudioLoader(opts, null).load(stereo(), "s.wav"));
        AudioSignal resampled = new AudioLoader(opts).load(stereo(), "s.wav");
        assertEquals(500, resampled.sampleRate());
        assertEquals(dev.ser.core.resample.Resampler.outputLength(
                new AudioLoader(AudioLoader.Options.defaults()).load(stereo(), "s.wav").length(), RATE, 500),
                resampled.length(), "the default loader resamples with librosa's length rule");
        int[] seen = new int[3];
        AudioLoader loader = new AudioLoader(opts, (y, from, to) -> {
            seen[0] = y.length;
            seen[1] = from;
            seen[2] = to;
            return Arrays.copyOf(y, y.length / 2);
        });
        AudioSignal s = loader.load(stereo(), "s.wav");
        assertArrayEquals(new int[] {RATE, RATE, 500}, seen);
        assertEquals(500, s.sampleRate());
        assertEquals(500, s.length());
        // the native rate needs no resampler
        AudioLoader same = new AudioLoader(AudioLoader.Options.builder().targetSampleRate(RATE).build());
        assertEquals(RATE, same.load(stereo(), "s.wav").sampleRate());
    }

    @Test
    void nanIsRejectedByDefaultAndPassedThroughOnRequest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nan.wav");
        Files.write(file, WavWriter.toBytes(new double[][] {{0.5, Double.NaN, 0.25}}, 8000, WavSampleFormat.FLOAT_32));
        AudioFormatException e = Assertions2.assertFails(AudioFormatException.Reason.NON_FINITE_SAMPLES, "nan.wav",
                () -> new AudioLoader(AudioLoader.Options.defaults()).load(file));
        assertEquals(true, e.getMessage().contains("sample 1"), e.getMessage());
        AudioSignal s = new AudioLoader(AudioLoader.Options.builder().nonFinite(NonFinitePolicy.PASS_THROUGH).build())
                .load(file);
        assertEquals(true, Double.isNaN(s.samplesView()[1]));
        // the decoder's own default is librosa's: pass through
        assertEquals(true, Double.isNaN(AudioFiles.read(file).channel(0)[1]));
    }

    @Test
    void optionsValidateTheirRanges() {
        assertThrows(IllegalArgumentException.class, () -> AudioLoader.Options.builder().offsetSeconds(-1).build());
        assertThrows(IllegalArgumentException.class, () -> AudioLoader.Options.builder().durationSeconds(-1).build());
        assertThrows(IllegalArgumentException.class, () -> AudioLoader.Options.builder().targetSampleRate(-1).build());
        AudioLoader.Options o = AudioLoader.Options.builder().mono(false).offsetSeconds(1).build();
        assertEquals(o, o.toBuilder().build());
    }

    @Test
    void monoMixingAveragesChannels() throws Exception {
        DecodedAudio audio = new DecodedAudio(new double[][] {{1, 0.5}, {0, 0.5}, {0.5, -1}}, 8000,
                new AudioFormatInfo(Container.WAV, SampleEncoding.IEEE_FLOAT, 32, "test"));
        assertArrayEquals(new double[] {0.5, 0.0}, audio.toMono().samples(), 1e-15);
        assertEquals(1, new AudioLoader(AudioLoader.Options.defaults()).loadChannels(
                WavWriter.toBytes(new double[][] {{0.5}, {0.25}}, 8000, WavSampleFormat.PCM_16), "m.wav").channelCount());
    }
}
