package dev.ser.core.audio;

import static dev.ser.core.audio.AiffFixtures.comm;
import static dev.ser.core.audio.AiffFixtures.form;
import static dev.ser.core.audio.AiffFixtures.ssnd;
import static dev.ser.core.audio.Assertions2.assertFails;
import static dev.ser.core.audio.AudioFormatException.Reason.CHECKSUM_MISMATCH;
import static dev.ser.core.audio.AudioFormatException.Reason.CORRUPT_STREAM;
import static dev.ser.core.audio.AudioFormatException.Reason.EMPTY_DATA;
import static dev.ser.core.audio.AudioFormatException.Reason.INVALID_HEADER;
import static dev.ser.core.audio.AudioFormatException.Reason.NON_FINITE_SAMPLES;
import static dev.ser.core.audio.AudioFormatException.Reason.SIZE_EXCEEDS_INPUT;
import static dev.ser.core.audio.AudioFormatException.Reason.TOO_LARGE;
import static dev.ser.core.audio.AudioFormatException.Reason.TRUNCATED;
import static dev.ser.core.audio.AudioFormatException.Reason.UNRECOGNISED_CONTAINER;
import static dev.ser.core.audio.AudioFormatException.Reason.UNSUPPORTED_ENCODING;
import static dev.ser.core.audio.AudioFormatException.Reason.ZERO_CHANNELS;
import static dev.ser.core.audio.AudioFormatException.Reason.ZERO_SAMPLE_RATE;
import static dev.ser.core.audio.WavFixtures.chunk;
import static dev.ser.core.audio.WavFixtures.fmt;
import static dev.ser.core.audio.WavFixtures.riff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every way the inputs can be wrong that we know of: each must give a typed error naming the file. */
class MalformedInputTest {
    private static final String NAME = "broken.wav";

    private static DecodedAudio read(byte[] b) throws AudioFormatException {
        return AudioFiles.read(b, NAME);
    }

    private static byte[] smallWav() {
        return WavFixtures.pcm(PcmFixture.random(16, false, 2, 10, 1), 16000);
    }

    // ------------------------------------------------------------------ container

    @Test
    void emptyAndUnrecognisedInputs() {
        assertFails(EMPTY_DATA, NAME, () -> read(new byte[0]));
        assertFails(UNRECOGNISED_CONTAINER, NAME, () -> read("RIF".getBytes()));
        AudioFormatException text = assertFails(UNRECOGNISED_CONTAINER, NAME, () -> read("hello world".getBytes()));
        assertTrue(text.getMessage().contains("'hell'"), text.getMessage());
        AudioFormatException mp3 = assertFails(UNRECOGNISED_CONTAINER, NAME,
                () -> read(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0, 0, 0, 0}));
        assertTrue(mp3.getMessage().contains("MP3"), mp3.getMessage());
        assertFails(UNRECOGNISED_CONTAINER, NAME, () -> read(new Bytes().ascii("OggS").raw(new byte[40]).toArray()));
    }

    // ------------------------------------------------------------------ WAV

    @Test
    void wavTruncatedAtEveryOffset() {
        byte[] wav = smallWav();
        int dataBody = 12 + 24 + 8;
        for (int cut = 0; cut < wav.length; cut++) {
            byte[] part = Arrays.copyOf(wav, cut);
            Set<AudioFormatException.Reason> allowed = cut == 0 ? EnumSet.of(EMPTY_DATA)
                    : cut < 12 ? EnumSet.of(UNRECOGNISED_CONTAINER, TRUNCATED)
                    : cut < dataBody ? EnumSet.of(TRUNCATED, SIZE_EXCEEDS_INPUT)
                    : EnumSet.of(TRUNCATED);
            assertReasonIn(allowed, part, "cut at " + cut);
        }
    }

    private static void assertReasonIn(Set<AudioFormatException.Reason> allowed, byte[] input, String what) {
        try {
            read(input);
            throw new AssertionError(what + ": decoded without error");
        } catch (AudioFormatException e) {
            assertTrue(allowed.contains(e.reason()), what + ": " + e.reason() + " " + e.getMessage());
            assertTrue(e.getMessage().startsWith(NAME + ": "), e.getMessage());
        }
    }

    @Test
    void wavDataChunkLargerThanTheFileIsTruncatedNotAllocated() {
        byte[] wav = smallWav();
        Bytes.putLe32(wav, 40, 0x7FFFFFF0L);
        AudioFormatException e = assertFails(TRUNCATED, NAME, () -> read(wav));
        assertTrue(e.getMessage().contains("2147483632"), e.getMessage());
    }

    @Test
    void wavChunkSizesBeyondTheFile() {
        byte[] fmtHuge = smallWav();
        Bytes.putLe32(fmtHuge, 16, 0xFFFFFFF0L);
        assertFails(SIZE_EXCEEDS_INPUT, NAME, () -> read(fmtHuge));
        byte[] list = riff(chunk("fmt ", fmt(1, 1, 8000, 16)),
                new Bytes().ascii("LIST").le(1_000_000, 4).ascii("INFO").toArray());
        assertFails(SIZE_EXCEEDS_INPUT, NAME, () -> read(list));
    }

    @Test
    void wavHeaderValuesThatCannotBe() {
        byte[] data = chunk("data", new byte[8]);
        assertFails(ZERO_CHANNELS, NAME, () -> read(riff(chunk("fmt ", fmt(1, 0, 8000, 16)), data)));
        assertFails(ZERO_SAMPLE_RATE, NAME, () -> read(riff(chunk("fmt ", fmt(1, 1, 0, 16)), data)));
        byte[] absurdRate = riff(chunk("fmt ", fmt(1, 1, 8000, 16)), data);
        Bytes.putLe32(absurdRate, 24, 0xFFFFFFFFL);
        assertFails(INVALID_HEADER, NAME, () -> read(absurdRate));
        assertFails(INVALID_HEADER, NAME, () -> read(riff(chunk("fmt ", new byte[14]), data)));
        assertFails(INVALID_HEADER, NAME, () -> read(riff(data)));
        assertFails(TRUNCATED, NAME, () -> read(riff(chunk("fmt ", fmt(1, 1, 8000, 16)))));
        assertFails(EMPTY_DATA, NAME, () -> read(riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("data", new byte[0]))));
        assertFails(EMPTY_DATA, NAME, () -> read(riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("data", new byte[1]))));
        // 65535 channels of 16 bits: one frame needs 131070 bytes, the data has 8
        assertFails(EMPTY_DATA, NAME, () -> read(riff(chunk("fmt ", fmt(1, 65535, 8000, 16)), data)));
    }

    @Test
    void wavUnsupportedCodecsAreNamed() {
        byte[] data = chunk("data", new byte[8]);
        AudioFormatException mp3 = assertFails(UNSUPPORTED_ENCODING, NAME,
                () -> read(riff(chunk("fmt ", fmt(0x55, 1, 8000, 0)), data)));
        assertEquals(NAME + ": WAV format tag 0x0055 (MPEG Layer 3) is not supported", mp3.getMessage());
        AudioFormatException adpcm = assertFails(UNSUPPORTED_ENCODING, NAME,
                () -> read(riff(chunk("fmt ", fmt(0x11, 1, 8000, 4)), data)));
        assertTrue(adpcm.getMessage().contains("IMA ADPCM"), adpcm.getMessage());
        assertFails(UNSUPPORTED_ENCODING, NAME, () -> read(riff(chunk("fmt ", fmt(1, 1, 8000, 40)), data)));
        assertFails(UNSUPPORTED_ENCODING, NAME, () -> read(riff(chunk("fmt ", fmt(1, 1, 8000, 0)), data)));
        assertFails(UNSUPPORTED_ENCODING, NAME, () -> read(riff(chunk("fmt ", fmt(3, 1, 8000, 16)), data)));
        assertFails(UNSUPPORTED_ENCODING, NAME, () -> read(riff(chunk("fmt ", fmt(7, 1, 8000, 16)), data)));
        byte[] ext = WavFixtures.fmtExtensible(1, 1, 8000, 16, 16);
        ext[24 + 10] = 0x42; // not the KSDATAFORMAT GUID suffix
        assertFails(UNSUPPORTED_ENCODING, NAME, () -> read(riff(chunk("fmt ", ext), data)));
        byte[] shortExt = Arrays.copyOf(WavFixtures.fmtExtensible(1, 1, 8000, 16, 16), 30);
        assertFails(INVALID_HEADER, NAME, () -> read(riff(chunk("fmt ", shortExt), data)));
    }

    @Test
    void nonFiniteFloatsArePassedThroughOrRejectedByOption() throws Exception {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            byte[] wav = WavFixtures.ieeeFloat(new double[][] {{0.0, 0.5, bad}}, 8000, 32, false);
            assertEquals(Double.doubleToLongBits(bad), Double.doubleToLongBits(read(wav).channel(0)[2]));
            AudioDecoder strict = new AudioDecoder(DecodeOptions.builder().nonFinite(NonFinitePolicy.REJECT).build());
            AudioFormatException e = assertFails(NON_FINITE_SAMPLES, NAME, () -> strict.read(wav, NAME));
            assertTrue(e.getMessage().contains("sample 2 of channel 0"), e.getMessage());
        }
    }

    @Test
    void sizeLimits() {
        AudioDecoder tiny = new AudioDecoder(DecodeOptions.builder().maxSamples(10).maxInputBytes(100).build());
        assertFails(TOO_LARGE, NAME, () -> tiny.read(smallWav(), NAME));
        assertFails(TOO_LARGE, NAME, () -> tiny.read(new ByteArrayInputStream(new byte[1000]), NAME));
    }

    // ------------------------------------------------------------------ AIFF

    private static byte[] smallAiff() {
        return AiffFixtures.aiff(PcmFixture.random(16, false, 1, 10, 2), 8000);
    }

    @Test
    void aiffTruncatedAtEveryOffset() {
        byte[] aiff = smallAiff();
        for (int cut = 1; cut < aiff.length; cut++) {
            Set<AudioFormatException.Reason> allowed = cut < 12 ? EnumSet.of(UNRECOGNISED_CONTAINER, TRUNCATED)
                    : EnumSet.of(TRUNCATED, SIZE_EXCEEDS_INPUT);
            assertReasonIn(allowed, Arrays.copyOf(aiff, cut), "cut at " + cut);
        }
    }

    @Test
    void aiffHeaderValuesThatCannotBe() {
        byte[] ssnd = AiffFixtures.chunk("SSND", ssnd(new byte[8], 0, 0));
        assertFails(ZERO_CHANNELS, NAME, () -> read(form("AIFF", AiffFixtures.chunk("COMM", comm(0, 4, 16, 8000, null)), ssnd)));
        byte[] zeroRate = comm(1, 4, 16, 8000, null);
        Arrays.fill(zeroRate, 8, 18, (byte) 0);
        assertFails(ZERO_SAMPLE_RATE, NAME, () -> read(form("AIFF", AiffFixtures.chunk("COMM", zeroRate), ssnd)));
        byte[] nanRate = comm(1, 4, 16, 8000, null);
        nanRate[8] = 0x7F;
        nanRate[9] = (byte) 0xFF;
        assertFails(ZERO_SAMPLE_RATE, NAME, () -> read(form("AIFF", AiffFixtures.chunk("COMM", nanRate), ssnd)));
        assertFails(EMPTY_DATA, NAME, () -> read(form("AIFF", AiffFixtures.chunk("COMM", comm(1, 0, 16, 8000, null)), ssnd)));
        assertFails(INVALID_HEADER, NAME, () -> read(form("AIFF", AiffFixtures.chunk("COMM", new byte[10]), ssnd)));
        byte[] badOffset = AiffFixtures.chunk("SSND", new Bytes().be(100, 4).be(0, 4).raw(new byte[8]).toArray());
        assertFails(INVALID_HEADER, NAME, () -> read(form("AIFF", AiffFixtures.chunk("COMM", comm(1, 4, 16, 8000, null)), badOffset)));
        byte[] hugeSsnd = form("AIFF", AiffFixtures.chunk("COMM", comm(1, 4, 16, 8000, null)), ssnd);
        Bytes.putBe32(hugeSsnd, hugeSsnd.length - 16 - 4, 0x7FFFFFFFL);
        assertFails(TRUNCATED, NAME, () -> read(hugeSsnd));
    }

    @Test
    void aiffUnsupportedCompressionIsNamed() {
        byte[] file = form("AIFC", AiffFixtures.chunk("COMM", comm(1, 4, 16, 8000, "ima4")),
                AiffFixtures.chunk("SSND", ssnd(new byte[8], 0, 0)));
        AudioFormatException e = assertFails(UNSUPPORTED_ENCODING, NAME, () -> read(file));
        assertTrue(e.getMessage().contains("'ima4' (IMA 4:1 ADPCM)"), e.getMessage());
        byte[] gsm = form("AIFC", AiffFixtures.chunk("COMM", comm(1, 4, 8, 8000, "GSM ")),
                AiffFixtures.chunk("SSND", ssnd(new byte[8], 0, 0)));
        assertTrue(assertFails(UNSUPPORTED_ENCODING, NAME, () -> read(gsm)).getMessage().contains("GSM 6.10"));
    }

    // ------------------------------------------------------------------ FLAC

    @Test
    void flacTruncatedAtManyOffsets() throws Exception {
        byte[] flac = FixtureFilesTest.resource("six16.flac");
        for (int cut = 1; cut < flac.length; cut += cut < 300 ? 1 : 13) {
            Set<AudioFormatException.Reason> allowed = cut < 4 ? EnumSet.of(UNRECOGNISED_CONTAINER)
                    : cut < 42 ? EnumSet.of(TRUNCATED, SIZE_EXCEEDS_INPUT)
                    : EnumSet.of(TRUNCATED, SIZE_EXCEEDS_INPUT);
            assertReasonIn(allowed, Arrays.copyOf(flac, cut), "cut at " + cut);
        }
    }

    @Test
    void flacStreamInfoValuesThatCannotBe() throws Exception {
        byte[] flac = FixtureFilesTest.resource("mono8_11k.flac");
        byte[] zeroRate = flac.clone();
        zeroRate[18] = 0;
        zeroRate[19] = 0;
        zeroRate[20] &= 0x0F;
        assertFails(ZERO_SAMPLE_RATE, NAME, () -> read(zeroRate));
        byte[] threeBits = flac.clone();
        threeBits[20] = (byte) (threeBits[20] & 0xFE); // bps-1 high bit
        threeBits[21] = (byte) ((threeBits[21] & 0x0F) | 0x20); // bps-1 = 2
        assertFails(UNSUPPORTED_ENCODING, NAME, () -> read(threeBits));
        byte[] notFirst = flac.clone();
        notFirst[4] = (byte) ((notFirst[4] & 0x80) | 4); // first block claims to be a VORBIS_COMMENT
        assertFails(INVALID_HEADER, NAME, () -> read(notFirst));
        byte[] hugeBlock = flac.clone();
        hugeBlock[5] = 0x7F; // STREAMINFO length beyond the file
        assertFails(SIZE_EXCEEDS_INPUT, NAME, () -> read(hugeBlock));
    }

    @Test
    void flacLyingTotalSamplesIsTruncatedNotAllocated() throws Exception {
        byte[] flac = FixtureFilesTest.resource("mono8_11k.flac");
        // total samples: the low 36 bits of bytes 21..25 (8 + 13..17)
        flac[21] |= 0x0F;
        for (int i = 22; i < 26; i++) {
            flac[i] = (byte) 0xFF;
        }
        AudioFormatException e = assertFails(TRUNCATED, NAME, () -> read(flac));
        assertTrue(e.getMessage().contains("68719476735"), e.getMessage());
    }

    @Test
    void flacCorruptFramesFailTheirChecks() throws Exception {
        byte[] flac = FixtureFilesTest.resource("mono8_11k.flac");
        int frame = firstFrame(flac);
        byte[] header = flac.clone();
        header[frame + 4] ^= 0x01; // the coded frame number: only CRC-8 notices
        assertFails(CHECKSUM_MISMATCH, NAME, () -> read(header));
        byte[] body = flac.clone();
        body[frame + 200] ^= 0x04;
        AudioFormatException e = assertThrowsTyped(body);
        assertTrue(EnumSet.of(CHECKSUM_MISMATCH, CORRUPT_STREAM, TRUNCATED).contains(e.reason()), e.getMessage());
        byte[] reserved = flac.clone();
        reserved[frame + 3] |= 0x01;
        assertFails(CORRUPT_STREAM, NAME, () -> read(reserved));
        byte[] lostSync = flac.clone();
        lostSync[frame] = 0x00;
        assertFails(CORRUPT_STREAM, NAME, () -> read(lostSync));
        AudioDecoder limited = new AudioDecoder(DecodeOptions.builder().maxSamples(1000).build());
        assertFails(TOO_LARGE, NAME, () -> limited.read(flac, NAME));
    }

    private static AudioFormatException assertThrowsTyped(byte[] b) {
        return org.junit.jupiter.api.Assertions.assertThrows(AudioFormatException.class, () -> read(b));
    }

    /** The offset of the first frame: after the metadata blocks. */
    static int firstFrame(byte[] flac) {
        int p = 4;
        boolean last = false;
        while (!last) {
            last = (flac[p] & 0x80) != 0;
            int len = (flac[p + 1] & 0xFF) << 16 | (flac[p + 2] & 0xFF) << 8 | (flac[p + 3] & 0xFF);
            p += 4 + len;
        }
        return p;
    }
}
