package dev.ser.core.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Round trips through {@link FlacTestEncoder}, whose random coding choices reach the decoder paths the
 * reference encoder rarely takes. Decoding must reproduce the integers exactly and pass the MD5 check.
 */
class FlacRoundTripTest {

    /** A signal within {@code bps} bits: random walk, tones, full-scale noise and constant runs. */
    static long[][] signal(int channels, int frames, int bps, Random rnd) {
        long max = (1L << (bps - 1)) - 1;
        long min = -(1L << (bps - 1));
        long[][] x = new long[channels][frames];
        for (int c = 0; c < channels; c++) {
            int style = rnd.nextInt(4);
            long v = 0;
            for (int i = 0; i < frames; i++) {
                switch (style) {
                    case 0 -> v += (long) (rnd.nextGaussian() * Math.max(1, max / 64.0));
                    case 1 -> v = (long) (Math.sin(i * 0.05 * (c + 1)) * max * 0.9);
                    case 2 -> v = min + (long) (rnd.nextDouble() * (max - min + 1.0));
                    default -> v = (i / 300) % 2 == 0 ? max / 3 : min / 5;
                }
                x[c][i] = Math.max(min, Math.min(max, v));
            }
        }
        if (channels == 2 && rnd.nextBoolean()) {
            for (int i = 0; i < frames; i++) {
                x[1][i] = Math.max(min, Math.min(max, x[0][i] + rnd.nextInt(9) - 4)); // correlated stereo
            }
        }
        return x;
    }

    @Property(tries = 120, seed = "9639")
    void randomlyCodedStreamsDecodeExactly(@ForAll @IntRange(min = 4, max = 32) int bps,
                                           @ForAll @IntRange(min = 1, max = 8) int channels,
                                           @ForAll @IntRange(min = 1, max = 9000) int frames,
                                           @ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        int[] rates = {8000, 16000, 22050, 44100, 48000, 12000, 11025, 99990, 250000, 1};
        int rate = rates[rnd.nextInt(rates.length)];
        long[][] x = signal(channels, frames, bps, rnd);
        byte[] flac = new FlacTestEncoder(seed, bps, rate).encode(x, true);
        DecodedAudio audio = AudioFiles.read(flac, "synthetic.flac"); // MD5 verified
        assertEquals(rate, audio.sampleRate());
        assertEquals(bps, audio.format().bitsPerSample());
        assertEquals(channels, audio.channelCount());
        assertEquals(frames, audio.frames());
        double scale = Math.scalb(1.0, bps - 1);
        for (int c = 0; c < channels; c++) {
            double[] s = audio.channelView(c);
            for (int i = 0; i < frames; i++) {
                if (s[i] * scale != x[c][i]) {
                    throw new AssertionError("channel " + c + " frame " + i + ": " + s[i] * scale + " != " + x[c][i]);
                }
            }
        }
    }

    @Test
    void everyStereoModeAndSubframeKindAtTheExtremesOf32Bits() throws Exception {
        // Full-scale 32-bit stereo: the side channel needs 33 bits in every decorrelation mode.
        for (long seed = 0; seed < 24; seed++) {
            Random rnd = new Random(seed);
            long[][] x = new long[2][700];
            for (int i = 0; i < 700; i++) {
                x[0][i] = i % 2 == 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
                x[1][i] = rnd.nextInt();
            }
            byte[] flac = new FlacTestEncoder(seed, 32, 48000).encode(x, true);
            DecodedAudio audio = AudioFiles.read(flac, "extreme.flac");
            for (int i = 0; i < 700; i++) {
                assertEquals(x[0][i], (long) (audio.channelView(0)[i] * 0x1p31));
                assertEquals(x[1][i], (long) (audio.channelView(1)[i] * 0x1p31));
            }
        }
    }

    @Test
    void theTestEncodersCrcsAgreeWithTheDecodersTables() {
        byte[] data = new byte[300];
        new Random(1).nextBytes(data);
        assertEquals(FlacTestEncoder.crc8(data), FlacChecksums.crc8(data, 0, data.length));
        assertEquals(FlacTestEncoder.crc16(data), FlacChecksums.crc16(data, 0, data.length));
        // the check value of CRC-16/UMTS (poly 0x8005, init 0, no reflection) over "123456789" is 0xFEE8
        byte[] check = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(0xFEE8, FlacChecksums.crc16(check, 0, check.length));
        assertEquals(0xF4, FlacChecksums.crc8(check, 0, check.length)); // CRC-8/SMBUS check value
    }
}
