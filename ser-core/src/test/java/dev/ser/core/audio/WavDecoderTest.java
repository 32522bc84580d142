package dev.ser.core.audio;

import static dev.ser.core.audio.Assertions2.assertSamples;
import static dev.ser.core.audio.WavFixtures.chunk;
import static dev.ser.core.audio.WavFixtures.fmt;
import static dev.ser.core.audio.WavFixtures.fmtExtensible;
import static dev.ser.core.audio.WavFixtures.riff;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavDecoderTest {
    private static final int RATE = 16000;

    private static DecodedAudio read(byte[] b) throws AudioFormatException {
        return AudioFiles.read(b, "test.wav");
    }

    @ParameterizedTest(name = "PCM {0} bit")
    @ValueSource(ints = {8, 16, 24, 32})
    void plainPcmRoundTripsExactly(int bits) throws Exception {
        PcmFixture f = PcmFixture.random(bits, bits == 8, 2, 257, bits);
        DecodedAudio audio = read(WavFixtures.pcm(f, RATE));
        assertSamples(f, audio);
        assertEquals(RATE, audio.sampleRate());
        assertEquals(bits, audio.format().bitsPerSample());
        assertEquals(Container.WAV, audio.format().container());
        assertEquals(bits == 8 ? SampleEncoding.PCM_UNSIGNED : SampleEncoding.PCM_SIGNED, audio.format().encoding());
    }

    @Test
    void soundfileScalingOfTheExtremes() throws Exception {
        // u8: 0 -> -1, 128 -> 0, 255 -> 127/128; s16: -32768 -> -1, 32767 -> 32767/32768
        byte[] u8 = riff(chunk("fmt ", fmt(1, 1, RATE, 8)), chunk("data", new byte[] {0, (byte) 128, (byte) 255}));
        assertArrayEquals(new double[] {-1.0, 0.0, 127 / 128.0}, read(u8).channel(0));
        byte[] s16 = riff(chunk("fmt ", fmt(1, 1, RATE, 16)),
                chunk("data", new Bytes().le(-32768, 2).le(0, 2).le(32767, 2).toArray()));
        assertArrayEquals(new double[] {-1.0, 0.0, 32767 / 32768.0}, read(s16).channel(0));
        byte[] s24 = riff(chunk("fmt ", fmt(1, 1, RATE, 24)),
                chunk("data", new Bytes().le(-(1 << 23), 3).le(1, 3).toArray()));
        assertArrayEquals(new double[] {-1.0, 0x1p-23}, read(s24).channel(0));
        byte[] s32 = riff(chunk("fmt ", fmt(1, 1, RATE, 32)),
                chunk("data", new Bytes().le(Integer.MIN_VALUE, 4).le(1, 4).toArray()));
        assertArrayEquals(new double[] {-1.0, 0x1p-31}, read(s32).channel(0));
    }

    @Property(tries = 60)
    void pcmOfAnyDepthAndChannelCountRoundTrips(@ForAll("depths") int bits, @ForAll @IntRange(min = 1, max = 9) int channels,
                                                @ForAll @IntRange(min = 1, max = 300) int frames,
                                                @ForAll boolean extensible) throws Exception {
        PcmFixture f = PcmFixture.random(bits, bits == 8, channels, frames, 31L * bits + channels + frames);
        int width = bits / 8;
        byte[] fmt = extensible ? fmtExtensible(1, channels, RATE, bits, bits) : fmt(1, channels, RATE, bits);
        byte[] file = riff(chunk("fmt ", fmt), chunk("data", f.interleaved(width, false)));
        DecodedAudio audio = read(file);
        assertSamples(f, audio);
        assertEquals(channels, audio.channelCount());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> depths() {
        return net.jqwik.api.Arbitraries.of(8, 16, 24, 32);
    }

    @Property(tries = 40)
    void floatsPassThroughUnchanged(@ForAll("floatBits") int bits, @ForAll @IntRange(min = 1, max = 6) int channels,
                                    @ForAll boolean extensible) throws Exception {
        java.util.Random rnd = new java.util.Random(bits * 7L + channels);
        double[][] x = new double[channels][101];
        for (double[] ch : x) {
            for (int i = 0; i < ch.length; i++) {
                double v = rnd.nextGaussian() * 2; // beyond [-1, 1] too: floats are not clipped
                ch[i] = bits == 32 ? (float) v : v;
            }
        }
        DecodedAudio audio = read(WavFixtures.ieeeFloat(x, RATE, bits, extensible));
        for (int c = 0; c < channels; c++) {
            assertArrayEquals(x[c], audio.channel(c));
        }
        assertEquals(SampleEncoding.IEEE_FLOAT, audio.format().encoding());
        assertEquals(bits, audio.format().bitsPerSample());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> floatBits() {
        return net.jqwik.api.Arbitraries.of(32, 64);
    }

    @Test
    void unknownAndOddSizedChunksAreSkippedWithPadding() throws Exception {
        PcmFixture f = PcmFixture.random(16, false, 1, 50, 1);
        byte[] file = riff(chunk("JUNK", new byte[3]), chunk("fmt ", fmt(1, 1, RATE, 16)),
                chunk("LIST", new Bytes().ascii("INFOISFT").le(5, 4).ascii("abcde").u8(0).toArray()),
                chunk("bext", new byte[7]), chunk("data", f.interleaved(2, false)));
        assertSamples(f, read(file));
    }

    @Test
    void aMissingPadByteAfterAnOddChunkIsTolerated() throws Exception {
        PcmFixture f = PcmFixture.random(16, false, 1, 20, 2);
        byte[] odd = new Bytes().ascii("abcd").le(3, 4).raw(new byte[] {1, 2, 3}).toArray(); // no pad byte
        byte[] file = riff(chunk("fmt ", fmt(1, 1, RATE, 16)), odd, chunk("data", f.interleaved(2, false)));
        assertSamples(f, read(file));
    }

    @Test
    void dataBeforeListAndBeforeFmt() throws Exception {
        PcmFixture f = PcmFixture.random(24, false, 2, 40, 3);
        byte[] data = chunk("data", f.interleaved(3, false));
        byte[] list = chunk("LIST", new Bytes().ascii("INFO").toArray());
        byte[] fmt = chunk("fmt ", fmt(1, 2, RATE, 24));
        assertSamples(f, read(riff(fmt, data, list)));
        assertSamples(f, read(riff(list, data, fmt)));
    }

    @ParameterizedTest(name = "RIFF size {0}")
    @ValueSource(longs = {0L, 4L, 0xFFFFFFFFL, 123456789L})
    void lyingRiffSizesAreToleratedWhenTheDataIsThere(long riffSize) throws Exception {
        PcmFixture f = PcmFixture.random(16, false, 1, 30, 4);
        byte[] file = WavFixtures.pcm(f, RATE);
        Bytes.putLe32(file, 4, riffSize);
        assertSamples(f, read(file));
    }

    @Test
    void trailingBytesAndAPartialLastFrameAreIgnored() throws Exception {
        PcmFixture f = PcmFixture.random(16, false, 2, 30, 5);
        byte[] data = new Bytes().raw(f.interleaved(2, false)).u8(7).u8(9).toArray(); // half a frame more
        byte[] file = riff(chunk("fmt ", fmt(1, 2, RATE, 16)), chunk("data", data));
        byte[] withTail = new Bytes().raw(file).ascii("id3 ").le(999999, 4).toArray(); // chunk beyond the end
        assertSamples(f, read(withTail));
    }

    @Test
    void streamingDataSizeMeansToTheEnd() throws Exception {
        PcmFixture f = PcmFixture.random(16, false, 1, 30, 6);
        byte[] file = WavFixtures.pcm(f, RATE);
        Bytes.putLe32(file, 12 + 8 + 16 + 4, 0xFFFFFFFFL);
        assertSamples(f, read(file));
    }

    @Test
    void rf64WithDs64Sizes() throws Exception {
        PcmFixture f = PcmFixture.random(16, false, 2, 64, 7);
        byte[] samples = f.interleaved(2, false);
        byte[] ds64 = chunk("ds64", new Bytes().le(0, 8).le(samples.length, 8).le(f.frames(), 8).le(0, 4).toArray());
        byte[] data = new Bytes().ascii("data").le(0xFFFFFFFFL, 4).raw(samples).toArray();
        byte[] body = new Bytes().ascii("WAVE").raw(ds64).raw(chunk("fmt ", fmt(1, 2, RATE, 16))).raw(data).toArray();
        byte[] file = new Bytes().ascii("RF64").le(0xFFFFFFFFL, 4).raw(body).toArray();
        DecodedAudio audio = read(file);
        assertSamples(f, audio);
        assertEquals(Container.RF64, audio.format().container());
    }

    @Test
    void twelveBitPcmIsScaledByItsContainer() throws Exception {
        // 12-bit samples left-justified in 16-bit containers: soundfile reads them as 16-bit
        byte[] file = riff(chunk("fmt ", fmt(1, 1, RATE, 12)), chunk("data", new Bytes().le(0x7FF0, 2).toArray()));
        DecodedAudio audio = read(file);
        assertEquals(0x7FF0 / 32768.0, audio.channel(0)[0]);
        assertEquals(12, audio.format().bitsPerSample());
    }
}
