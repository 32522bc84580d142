package dev.ser.core.audio;

import static dev.ser.core.audio.AiffFixtures.chunk;
import static dev.ser.core.audio.AiffFixtures.comm;
import static dev.ser.core.audio.AiffFixtures.form;
import static dev.ser.core.audio.AiffFixtures.ssnd;
import static dev.ser.core.audio.Assertions2.assertSamples;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AiffDecoderTest {

    private static DecodedAudio read(byte[] b) throws AudioFormatException {
        return AudioFiles.read(b, "test.aiff");
    }

    @Property(tries = 60)
    void bigEndianPcmRoundTrips(@ForAll("depths") int bits, @ForAll @IntRange(min = 1, max = 8) int channels,
                                @ForAll @IntRange(min = 1, max = 200) int frames) throws Exception {
        PcmFixture f = PcmFixture.random(bits, false, channels, frames, bits * 1000L + channels * 10L + frames);
        DecodedAudio audio = read(AiffFixtures.aiff(f, 44100));
        assertSamples(f, audio);
        assertEquals(44100, audio.sampleRate());
        assertEquals(Container.AIFF, audio.format().container());
        assertEquals(bits, audio.format().bitsPerSample());
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.of(8, 16, 24, 32);
    }

    @ParameterizedTest(name = "AIFF-C {0}")
    @ValueSource(strings = {"NONE", "twos", "sowt", "in24", "in32", "23ni", "42ni"})
    void aifcIntegerCompressionTypes(String type) throws Exception {
        int bits = switch (type) {
            case "in24", "23ni" -> 24;
            case "in32", "42ni" -> 32;
            default -> 16;
        };
        boolean big = !(type.equals("sowt") || type.endsWith("ni"));
        PcmFixture f = PcmFixture.random(bits, false, 2, 99, type.hashCode());
        byte[] file = form("AIFC", chunk("FVER", new Bytes().be(0xA2805140L, 4).toArray()),
                chunk("COMM", comm(2, 99, bits, 22050, type)),
                chunk("SSND", ssnd(f.interleaved(bits / 8, big), 0, 0)));
        DecodedAudio audio = read(file);
        assertSamples(f, audio);
        assertEquals(Container.AIFF_C, audio.format().container());
    }

    @Test
    void aifcRawIsUnsignedEightBit() throws Exception {
        byte[] file = form("AIFC", chunk("COMM", comm(1, 3, 8, 8000, "raw ")),
                chunk("SSND", ssnd(new byte[] {0, (byte) 128, (byte) 255}, 0, 0)));
        assertArrayEquals(new double[] {-1, 0, 127 / 128.0}, read(file).channel(0));
    }

    @ParameterizedTest(name = "AIFF-C {0}")
    @ValueSource(strings = {"fl32", "FL32", "fl64", "FL64"})
    void aifcFloats(String type) throws Exception {
        int bits = type.endsWith("32") ? 32 : 64;
        double[][] x = {{0.5, -0.25, 1.5, -3.0}, {(float) 0.1, (float) -0.7, 0, 1e-3f}};
        byte[] file = form("AIFC", chunk("COMM", comm(2, 4, bits, 48000, type)),
                chunk("SSND", ssnd(WavFixtures.floats(x, bits, true), 0, 0)));
        DecodedAudio audio = read(file);
        assertArrayEquals(x[0], audio.channel(0));
        assertArrayEquals(x[1], audio.channel(1));
        assertEquals(SampleEncoding.IEEE_FLOAT, audio.format().encoding());
    }

    @Test
    void ssndOffsetAndBlockSizeAndOddChunksAreHonoured() throws Exception {
        PcmFixture f = PcmFixture.random(16, false, 1, 33, 9);
        byte[] file = form("AIFF", chunk("NAME", "odd".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                chunk("SSND", ssnd(f.interleaved(2, true), 7, 4096)),
                chunk("COMM", comm(1, 33, 16, 8000, null)), chunk("ANNO", new byte[5]));
        assertSamples(f, read(file));
    }

    @Test
    void commFramesBoundTheSamplesRead() throws Exception {
        PcmFixture f = PcmFixture.random(16, false, 1, 10, 10);
        byte[] samples = new Bytes().raw(f.interleaved(2, true)).raw(new byte[6]).toArray(); // 3 padding frames
        byte[] file = form("AIFF", chunk("COMM", comm(1, 10, 16, 8000, null)), chunk("SSND", ssnd(samples, 0, 0)));
        assertSamples(f, read(file));
    }

    @Property(tries = 100)
    void extendedRatesParseAndTruncateLikeLibsndfile(@ForAll @DoubleRange(min = 1, max = 2_000_000) double rate) {
        ByteInput in = new ByteInput("x", AiffFixtures.extended(rate));
        assertEquals(rate, AiffDecoder.extended(in, 0), Math.ulp(rate));
    }

    @Test
    void commonRatesAreExact() throws Exception {
        for (int rate : new int[] {8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000, 88200, 96000, 192000}) {
            byte[] file = form("AIFF", chunk("COMM", comm(1, 1, 16, rate, null)), chunk("SSND", ssnd(new byte[2], 0, 0)));
            assertEquals(rate, read(file).sampleRate());
        }
        // The old Macintosh rate 22254.5454...: truncated to an integer as libsndfile does
        byte[] mac = form("AIFF", chunk("COMM", comm(1, 1, 16, 22254.545454545, null)),
                chunk("SSND", ssnd(new byte[2], 0, 0)));
        assertEquals(22254, read(mac).sampleRate());
    }

    @Test
    void aiffDataInAFileNamedWavIsRecognisedFromItsBytes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        PcmFixture f = PcmFixture.random(16, false, 1, 12, 11);
        java.nio.file.Path file = dir.resolve("YAF_kite_sad.wav");
        java.nio.file.Files.write(file, AiffFixtures.aiff(f, 24414));
        DecodedAudio audio = AudioFiles.read(file);
        assertSamples(f, audio);
        assertEquals(Container.AIFF, audio.format().container());
        assertEquals(24414, audio.sampleRate());
    }
}
