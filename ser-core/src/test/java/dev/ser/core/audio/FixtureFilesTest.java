package dev.ser.core.audio;

import static dev.ser.core.audio.Assertions2.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ser.testkit.Npy;
import dev.ser.testkit.NpyArray;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files made by the reference tools (flac 1.4.2, sox 14.4.2; see resources/audio/README.md) decoded and
 * compared exactly with the integer samples they were made from.
 */
class FixtureFilesTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = FixtureFilesTest.class.getResourceAsStream("/audio/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /audio/" + name);
            }
            return in.readAllBytes();
        }
    }

    static NpyArray reference(String name) throws IOException {
        try (InputStream in = FixtureFilesTest.class.getResourceAsStream("/audio/" + name + ".npy")) {
            return Npy.read(in, name);
        }
    }

    static Stream<Arguments> flacFiles() {
        return Stream.of(
                Arguments.of("mono16_16k", "mono16_16k", 16000, 16),
                Arguments.of("mono16_16k_l8", "mono16_16k", 16000, 16),
                Arguments.of("mono16_16k_fixed", "mono16_16k", 16000, 16),
                Arguments.of("mono16_16k_bs1001", "mono16_16k", 16000, 16),
                Arguments.of("mono16_16k_bs192", "mono16_16k", 16000, 16),
                Arguments.of("mono16_16k_bs100", "mono16_16k", 16000, 16),
                Arguments.of("mono16_16k_lpc32", "mono16_16k", 16000, 16),
                Arguments.of("mono16_16k_nomd5", "mono16_16k", 16000, 16),
                Arguments.of("stereo24_44k", "stereo24_44k", 44100, 24),
                Arguments.of("stereo24_wasted", "stereo24_wasted", 16000, 24),
                Arguments.of("mono8_11k", "mono8_11k", 11025, 8),
                Arguments.of("mono12_12k", "mono12_12k", 12000, 12),
                Arguments.of("stereo32_99990", "stereo32_99990", 99990, 32),
                Arguments.of("noise16", "noise16", 16000, 16),
                Arguments.of("six16", "six16", 16000, 16));
    }

    @ParameterizedTest(name = "{0}.flac")
    @MethodSource("flacFiles")
    void flacDecodesToTheExactSamples(String file, String ref, int rate, int bits) throws Exception {
        DecodedAudio audio = AudioFiles.read(resource(file + ".flac"), file + ".flac");
        assertEquals(rate, audio.sampleRate());
        assertEquals(bits, audio.format().bitsPerSample());
        assertEquals(Container.FLAC, audio.format().container());
        assertMatches(reference(ref), audio, Math.scalb(1.0, bits - 1));
    }

    /** Compares decoded samples times {@code scale} with a (frames, channels) integer array. */
    static void assertMatches(NpyArray expected, DecodedAudio audio, double scale) {
        int frames = expected.dim(0);
        int channels = expected.dim(1);
        assertEquals(channels, audio.channelCount(), "channels");
        assertEquals(frames, audio.frames(), "frames");
        double[] v = expected.values();
        for (int c = 0; c < channels; c++) {
            double[] s = audio.channelView(c);
            for (int i = 0; i < frames; i++) {
                if (s[i] * scale != v[i * channels + c]) {
                    throw new AssertionError("channel " + c + " frame " + i + ": expected " + v[i * channels + c]
                            + ", got " + s[i] * scale);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"stereo16_22k.aiff", "stereo16_22k_s24.aiff",
        "stereo16_22k_f32.aifc", "stereo16_22k_sowt.aifc"})
    void aiffFilesMadeBySoxAndByHand(String file) throws Exception {
        DecodedAudio audio = AudioFiles.read(resource(file), file);
        assertEquals(22050, audio.sampleRate());
        assertEquals(file.endsWith(".aiff") ? Container.AIFF : Container.AIFF_C, audio.format().container());
        assertMatches(reference("stereo16_22k"), audio, 32768);
    }

    @Test
    void aFlippedMd5IsACheckumMismatchUnlessVerificationIsOff() throws Exception {
        byte[] b = resource("mono16_16k.flac");
        b[8 + 18 + 5] ^= 0x10;
        assertFails(AudioFormatException.Reason.CHECKSUM_MISMATCH, "bad.flac", () -> AudioFiles.read(b, "bad.flac"));
        AudioDecoder lenient = new AudioDecoder(DecodeOptions.builder().verifyFlacMd5(false).build());
        assertMatches(reference("mono16_16k"), lenient.read(b, "bad.flac"), 32768);
    }

    @Test
    void aLeadingId3TagAndTrailingBytesAreSkipped() throws Exception {
        byte[] flac = resource("mono16_16k.flac");
        byte[] id3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4, 5};
        byte[] tail = "TAG trailing junk".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] b = new Bytes().raw(id3).raw(flac).raw(tail).toArray();
        assertMatches(reference("mono16_16k"), AudioFiles.read(b, "tagged.flac"), 32768);
    }

    @Test
    void anUnknownTotalSampleCountDecodesToTheEndOfTheStream() throws Exception {
        byte[] b = resource("mono16_16k.flac");
        b[8 + 13] &= (byte) 0xF0; // total samples: low nibble of byte 13 of STREAMINFO and the next 4 bytes
        java.util.Arrays.fill(b, 8 + 14, 8 + 18, (byte) 0);
        byte[] withTail = new Bytes().raw(b).ascii("TAG").raw(new byte[125]).toArray(); // an ID3v1 tag
        assertMatches(reference("mono16_16k"), AudioFiles.read(withTail, "streamed.flac"), 32768);
    }

    @Test
    void streamsAndPathsDecodeLikeBytes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        byte[] b = resource("stereo24_44k.flac");
        java.nio.file.Path file = dir.resolve("x.flac");
        java.nio.file.Files.write(file, b);
        DecodedAudio fromPath = AudioFiles.read(file);
        DecodedAudio fromStream = AudioFiles.read(new java.io.ByteArrayInputStream(b), "x.flac");
        assertArrayEquals(fromPath.channel(1), fromStream.channel(1));
    }
}
