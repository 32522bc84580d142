package dev.ser.core.audio;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random mutations of valid files of every format: decoding must return audio or throw an
 * {@link AudioFormatException}, never another exception or error, and never hang.
 */
class FuzzTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private static final List<byte[]> SEEDS = seeds();

    /** A FLAC stream from the test encoder: escape codes, wide Rice parameters, odd depths. */
    private static byte[] synthetic(int bps, int channels, long seed) throws Exception {
        long[][] x = FlacRoundTripTest.signal(channels, 700, bps, new Random(seed));
        return new FlacTestEncoder(seed, bps, 16000).encode(x, true);
    }

    private static List<byte[]> seeds() {
        try {
            return List.of(
                    WavFixtures.pcm(PcmFixture.random(16, false, 2, 40, 1), 16000),
                    WavFixtures.pcm(PcmFixture.random(8, true, 1, 40, 2), 8000),
                    WavFixtures.ieeeFloat(new double[][] {{0.1, 0.2, -0.3, Double.NaN}}, 8000, 64, true),
                    WavFixtures.riff(WavFixtures.chunk("LIST", new byte[5]),
                            WavFixtures.chunk("fmt ", WavFixtures.fmtExtensible(1, 3, 44100, 24, 24)),
                            WavFixtures.chunk("data", new byte[90])),
                    AiffFixtures.aiff(PcmFixture.random(24, false, 2, 30, 3), 22050),
                    FixtureFilesTest.resource("stereo16_22k_sowt.aifc"),
                    FixtureFilesTest.resource("mono8_11k.flac"),
                    FixtureFilesTest.resource("six16.flac"),
                    FixtureFilesTest.resource("stereo32_99990.flac"),
                    FixtureFilesTest.resource("mono16_16k_bs100.flac"),
                    synthetic(20, 2, 3), synthetic(5, 1, 4));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 1500, seed = "20261121")
    void mutatedInputsDecodeOrFailTyped(@ForAll @IntRange(min = 0, max = 11) int seedIndex,
                                        @ForAll @IntRange(min = 1, max = 4) int mutations,
                                        @ForAll long randomSeed) {
        byte[] input = mutate(SEEDS.get(seedIndex), mutations, new Random(randomSeed));
        assertTimeoutPreemptively(LIMIT, () -> decodeTyped(input));
    }

    @Property(tries = 300, seed = "7")
    void randomBytesBehindAValidMagicFailTyped(@ForAll("magic") String magic, @ForAll long randomSeed) {
        Random rnd = new Random(randomSeed);
        byte[] tail = new byte[rnd.nextInt(200)];
        rnd.nextBytes(tail);
        byte[] input = new Bytes().ascii(magic).raw(tail).toArray();
        assertTimeoutPreemptively(LIMIT, () -> decodeTyped(input));
    }

    @Provide
    Arbitrary<String> magic() {
        return Arbitraries.of("fLaC", "fLaC\0\0\0\"", "RIFF\0\0\0\0WAVE",
                "RIFF\0\0\0\0WAVEfmt ", "FORM\0\0\0\0AIFF",
                "FORM\0\0\0\0AIFCCOMM", "RF64\377\377\377\377WAVEds64");
    }

    private static void decodeTyped(byte[] input) {
        try {
            DecodedAudio audio = AudioFiles.read(input, "fuzz");
            if (audio.frames() <= 0 || audio.sampleRate() <= 0) {
                throw new AssertionError("decoded an empty or rateless signal: " + audio);
            }
        } catch (AudioFormatException expected) {
            if (!expected.getMessage().startsWith("fuzz: ")) {
                throw new AssertionError("message does not name the source: " + expected.getMessage());
            }
        }
    }

    /** Applies random bit flips, byte overwrites, truncations, insertions and size-field overwrites. */
    static byte[] mutate(byte[] original, int count, Random rnd) {
        byte[] b = original.clone();
        for (int k = 0; k < count && b.length > 0; k++) {
            int pos = rnd.nextInt(b.length);
            switch (rnd.nextInt(6)) {
                case 0 -> b[pos] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[pos] = (byte) rnd.nextInt(256);
                case 2 -> b = java.util.Arrays.copyOf(b, pos);
                case 3 -> {
                    byte[] extra = new byte[1 + rnd.nextInt(16)];
                    rnd.nextBytes(extra);
                    b = new Bytes().raw(java.util.Arrays.copyOf(b, pos)).raw(extra)
                            .raw(java.util.Arrays.copyOfRange(b, pos, b.length)).toArray();
                }
                case 4 -> overwriteSize(b, rnd);
                default -> {
                    // flip a bit in the first 64 bytes, where the headers are
                    int p = rnd.nextInt(Math.min(64, b.length));
                    b[p] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
        }
        return b;
    }

    /** Writes an extreme 32-bit value at a header position, in either byte order. */
    private static void overwriteSize(byte[] b, Random rnd) {
        if (b.length < 8) {
            return;
        }
        long[] extremes = {0, 1, 0x7FFFFFFFL, 0xFFFFFFFFL, 0x80000000L, b.length, b.length - 7L, b.length + 1L,
            rnd.nextInt() & 0xFFFFFFFFL};
        long v = extremes[rnd.nextInt(extremes.length)];
        int pos = rnd.nextInt(Math.min(b.length, 80) - 3);
        if (rnd.nextBoolean()) {
            Bytes.putLe32(b, pos, v);
        } else {
            Bytes.putBe32(b, pos, v);
        }
    }
}
