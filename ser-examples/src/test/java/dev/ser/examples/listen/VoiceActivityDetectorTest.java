package dev.ser.examples.listen;

import static dev.ser.examples.listen.Signals.SR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class VoiceActivityDetectorTest {
    private static final VadConfig NO_PRE_ROLL = VadConfig.builder().preRollSeconds(0).build();
    /** One 20 ms frame, in seconds: the tolerance on boundaries is two of them. */
    private static final double FRAME = 0.02;

    static List<Segment> segment(VadConfig config, double[] y, int block) {
        List<Segment> out = new ArrayList<>();
        Signals.feed(new VoiceActivityDetector(config, SR, out::add), y, block);
        return out;
    }

    private static void assertNear(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 2 * FRAME + 1e-9, what + ": expected " + expected + " s, got " + actual);
    }

    @Test
    void findsEachBurstWithItsBoundaries() {
        double[] y = Signals.bursts(6, 0.001, 0.3, 1, new double[] {1.0, 2.0}, new double[] {3.0, 3.7},
                new double[] {4.5, 5.5});
        List<Segment> segs = segment(NO_PRE_ROLL, y, 800);
        assertEquals(3, segs.size(), segs::toString);
        double[][] expected = {{1.0, 2.0}, {3.0, 3.7}, {4.5, 5.5}};
        for (int i = 0; i < 3; i++) {
            assertNear(expected[i][0], segs.get(i).startSeconds(), "start of burst " + i);
            assertNear(expected[i][1], segs.get(i).endSeconds(), "end of burst " + i);
            Segment s = segs.get(i);
            assertArrayEquals(Arrays.copyOfRange(y, (int) s.startSample(), (int) s.endSample()), s.samples(),
                    "a segment holds exactly the stream's samples");
        }
    }

    @Test
    void preRollKeepsTheOnset() {
        double[] y = Signals.bursts(3, 0.001, 0.3, 2, new double[] {1.0, 2.0});
        List<Segment> segs = segment(VadConfig.defaults(), y, 1024);
        assertEquals(1, segs.size());
        assertNear(0.8, segs.get(0).startSeconds(), "start includes 0.2 s pre-roll");
        assertNear(2.0, segs.get(0).endSeconds(), "end");
    }

    @Test
    void preRollNeverReachesBeforeTheStreamOrIntoThePreviousUtterance() {
        double[] y = Signals.bursts(2.2, 0.001, 0.3, 3, new double[] {0.05, 0.6}, new double[] {1.0, 1.6});
        VadConfig c = VadConfig.builder().preRollSeconds(0.5).endFrames(10).build();
        List<Segment> segs = segment(c, y, 333);
        assertEquals(2, segs.size(), segs::toString);
        assertEquals(0, segs.get(0).startSample());
        assertTrue(segs.get(1).startSample() >= segs.get(0).endSample(), segs::toString);
    }

    @Test
    void noiseFloorFollowsTheBackground() {
        for (double sigma : new double[] {0.002, 0.02, 0.1}) {
            double[] y = Signals.noise(2, sigma, 4);
            VoiceActivityDetector vad = new VoiceActivityDetector(VadConfig.defaults(), SR, s -> { });
            Signals.feed(vad, y, 512);
            double expectedDb = 20 * Math.log10(sigma);
            assertEquals(expectedDb, vad.noiseFloorDb(), 1.0, "floor for noise sigma " + sigma);
        }
    }

    @Test
    void noiseFloorStopsAtItsMinimum() {
        VoiceActivityDetector vad = new VoiceActivityDetector(VadConfig.defaults(), SR, s -> { });
        Signals.feed(vad, Signals.noise(2, 0.0001, 4), 512);
        assertEquals(-60, vad.noiseFloorDb(), 1e-9, "-80 dB noise, floor held at the -60 dB minimum");
    }

    @Test
    void burstsAreFoundRelativeToTheNoiseNotAnAbsoluteLevel() {
        // The same burst-over-noise contrast, 40 dB apart: both give the same utterances (the floor's
        // minimum is lowered out of the way so only the adaptive floor decides).
        VadConfig c = NO_PRE_ROLL.toBuilder().minFloorDb(-120).build();
        for (double level : new double[] {0.003, 0.3}) {
            double[] y = Signals.bursts(4, level * 0.03, level, 5, new double[] {1.0, 1.8}, new double[] {2.6, 3.4});
            List<Segment> segs = segment(c, y, 640);
            assertEquals(2, segs.size(), "level " + level + ": " + segs);
            assertNear(1.0, segs.get(0).startSeconds(), "start");
            assertNear(3.4, segs.get(1).endSeconds(), "end");
        }
    }

    @Test
    void aSlowlyRisingBackgroundIsNotSpeech() {
        // Noise rising 30 dB over 6 s: the floor keeps up, nothing is detected, then a burst still is.
        double[] y = Signals.noise(8, 1, 6);
        for (int i = 0; i < y.length; i++) {
            double t = Math.min(6, (double) i / SR);
            y[i] *= 0.001 * Math.pow(10, 30 * t / 6 / 20);
        }
        Signals.addTone(y, 6.8, 7.6, 0.3);
        List<Segment> segs = segment(NO_PRE_ROLL, y, 512);
        assertEquals(1, segs.size(), segs::toString);
        assertNear(6.8, segs.get(0).startSeconds(), "start");
    }

    @Test
    void minimumLengthDropsClicks() {
        double[] y = Signals.bursts(5, 0.001, 0.5, 7, new double[] {1.0, 1.1}, new double[] {2.0, 2.15},
                new double[] {3.0, 3.6});
        List<Segment> segs = segment(NO_PRE_ROLL, y, 700);
        assertEquals(1, segs.size(), "only the 0.6 s burst survives the 0.3 s minimum: " + segs);
        assertNear(3.0, segs.get(0).startSeconds(), "start");
        VadConfig keepAll = NO_PRE_ROLL.toBuilder().minUtteranceSeconds(0).build();
        assertEquals(3, segment(keepAll, y, 700).size(), "with no minimum the clicks are utterances");
    }

    @Test
    void maximumLengthSplitsLongSpeech() {
        double[] y = Signals.bursts(7, 0.001, 0.3, 8, new double[] {1.0, 6.0});
        VadConfig c = NO_PRE_ROLL.toBuilder().maxUtteranceSeconds(2).build();
        List<Segment> segs = segment(c, y, 1000);
        assertEquals(3, segs.size(), segs::toString);
        assertNear(1.0, segs.get(0).startSeconds(), "start");
        assertNear(6.0, segs.get(2).endSeconds(), "end");
        for (int i = 0; i < segs.size(); i++) {
            assertTrue(segs.get(i).samples().length <= 2 * SR, "piece " + i + " at most 2 s");
            if (i > 0) {
                assertEquals(segs.get(i - 1).endSample(), segs.get(i).startSample(), "pieces are contiguous");
            }
        }
    }

    @Test
    void digitalSilenceGivesNothing() {
        assertEquals(List.of(), segment(VadConfig.defaults(), new double[5 * SR], 4096));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> VadConfig.builder().frameSeconds(0).build());
        assertThrows(IllegalArgumentException.class, () -> VadConfig.builder().startFrames(0).build());
        assertThrows(IllegalArgumentException.class, () -> VadConfig.builder().thresholdDb(-1).build());
        assertThrows(IllegalArgumentException.class, () -> VadConfig.builder().maxUtteranceSeconds(0.1).build());
    }

    /** Random layouts of bursts and gaps: every burst is found once, at its place, whatever the block size. */
    @Property(tries = 40)
    void findsEveryBurstOfARandomLayout(@ForAll @Size(min = 1, max = 4) List<@DoubleRange(min = 0.4, max = 1.5) Double> lengths,
                                        @ForAll @Size(value = 5) List<@DoubleRange(min = 0.5, max = 1.5) Double> gaps,
                                        @ForAll @DoubleRange(min = 0.05, max = 0.5) double amplitude,
                                        @ForAll @IntRange(min = 1, max = 5000) int block) {
        List<double[]> bursts = new ArrayList<>();
        double t = gaps.get(0);
        for (int i = 0; i < lengths.size(); i++) {
            bursts.add(new double[] {t, t + lengths.get(i)});
            t += lengths.get(i) + gaps.get(i + 1);
        }
        double[] y = Signals.bursts(t, amplitude * 0.01, amplitude, 9, bursts.toArray(double[][]::new));
        List<Segment> segs = segment(NO_PRE_ROLL, y, block);
        assertEquals(bursts.size(), segs.size(), () -> "bursts " + bursts.stream().map(Arrays::toString).toList() + " segments " + segs);
        for (int i = 0; i < segs.size(); i++) {
            assertNear(bursts.get(i)[0], segs.get(i).startSeconds(), "start " + i);
            assertNear(bursts.get(i)[1], segs.get(i).endSeconds(), "end " + i);
        }
        List<Segment> oneBlock = segment(NO_PRE_ROLL, y, y.length);
        assertEquals(oneBlock.size(), segs.size());
        for (int i = 0; i < segs.size(); i++) {
            assertEquals(oneBlock.get(i).startSample(), segs.get(i).startSample(), "block size must not matter");
            assertArrayEquals(oneBlock.get(i).samples(), segs.get(i).samples());
        }
    }
}
