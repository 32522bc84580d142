package dev.ser.examples.listen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SlidingWindowSegmenterTest {
    @Test
    void threeSecondsInOneSecondWindowsEveryHalfSecond() {
        List<Segment> out = new ArrayList<>();
        Signals.feed(new SlidingWindowSegmenter(1.0, 0.5, 16000, out::add), Signals.noise(3, 0.1, 1), 800);
        assertEquals(5, out.size());
        for (int k = 0; k < 5; k++) {
            assertEquals(0.5 * k, out.get(k).startSeconds(), 1e-12);
            assertEquals(0.5 * k + 1, out.get(k).endSeconds(), 1e-12);
        }
    }

    /** floor((N - W) / H) + 1 windows, each exactly the stream's samples, whatever the block size. */
    @Property(tries = 200)
    void windowsAreTheStreamsLastSamples(@ForAll @IntRange(min = 0, max = 3000) int length,
                                         @ForAll @IntRange(min = 1, max = 700) int window,
                                         @ForAll @IntRange(min = 1, max = 900) int hop,
                                         @ForAll @IntRange(min = 1, max = 2000) int block) {
        double[] y = new double[length];
        for (int i = 0; i < length; i++) {
            y[i] = i;
        }
        List<Segment> out = new ArrayList<>();
        // Rate 1000 Hz so window and hop in samples are exact.
        Signals.feed(new SlidingWindowSegmenter(window / 1000.0, hop / 1000.0, 1000, out::add), y, block);
        int expected = length >= window ? (length - window) / hop + 1 : 0;
        assertEquals(expected, out.size());
        for (int k = 0; k < out.size(); k++) {
            Segment s = out.get(k);
            assertEquals((long) k * hop, s.startSample());
            assertArrayEquals(Arrays.copyOfRange(y, k * hop, k * hop + window), s.samples());
        }
    }
}
