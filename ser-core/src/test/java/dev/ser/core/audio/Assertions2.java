package dev.ser.core.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Shared assertions of the audio tests. */
final class Assertions2 {
    private Assertions2() {
    }

    /** Asserts that decoding yields exactly the fixture's expected samples. */
    static void assertSamples(PcmFixture f, DecodedAudio audio) {
        assertEquals(f.channels(), audio.channelCount(), "channels");
        assertEquals(f.frames(), audio.frames(), "frames");
        for (int c = 0; c < f.channels(); c++) {
            double[] s = audio.channelView(c);
            for (int i = 0; i < f.frames(); i++) {
                if (s[i] != f.expected(c, i)) {
                    throw new AssertionError("channel " + c + " frame " + i + ": expected " + f.expected(c, i)
                            + " (code " + f.codes()[c][i] + "), got " + s[i]);
                }
            }
        }
    }

    /** Asserts a typed failure with the given reason and a message naming the source. */
    static AudioFormatException assertFails(AudioFormatException.Reason reason, String source, Executable action) {
        AudioFormatException e = assertThrows(AudioFormatException.class, action);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(source, e.source());
        if (!e.getMessage().startsWith(source + ": ")) {
            throw new AssertionError("message does not start with the source: " + e.getMessage());
        }
        return e;
    }
}
