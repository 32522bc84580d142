package dev.ser.datasets.split;

import dev.ser.datasets.Emotion;
import dev.ser.datasets.Partition;
import dev.ser.datasets.RandomCorpus;
import dev.ser.datasets.Utterance;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitsTest {
    /** 10 speakers x 8 emotions x 5 takes: a balanced corpus where stratification is exactly achievable. */
    private static List<Utterance> balanced() {
        List<Utterance> us = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            for (Emotion e : List.of(Emotion.NEUTRAL, Emotion.CALM, Emotion.HAPPY, Emotion.SAD, Emotion.ANGRY,
                    Emotion.FEAR, Emotion.DISGUST, Emotion.SURPRISE)) {
                for (int t = 0; t < 5; t++) {
                    String sp = String.format("%02d", s);
                    us.add(Utterance.builder(Path.of(sp, e.label() + t + ".wav"), "x").speaker(sp).emotion(e, e.label()).build());
                }
            }
        }
        return us;
    }

    private static Map<Emotion, Integer> counts(List<Utterance> us) {
        Map<Emotion, Integer> m = new EnumMap<>(Emotion.class);
        us.forEach(u -> m.merge(u.emotion(), 1, Integer::sum));
        return m;
    }

    @Test
    void stratifiedRandomIsSpeakerDependentAndStratified() {
        List<Utterance> data = balanced();
        Split s = Splits.stratifiedRandom(data, 0.2, 5);
        assertEquals(SplitKind.SPEAKER_DEPENDENT, s.kind());
        assertTrue(s.toString().startsWith("SPEAKER_DEPENDENT"));
        assertEquals(80, s.test().size());
        counts(s.test()).values().forEach(c -> assertEquals(10, c));
        assertFalse(s.isSpeakerIndependent());
        assertEquals(s, Splits.stratifiedRandom(data, 0.2, 5));
        assertNotEquals(s.test(), Splits.stratifiedRandom(data, 0.2, 6).test());
    }

    @Test
    void speakerHoldoutHitsTheTargetAndKeepsProportionsOnABalancedCorpus() {
        Split s = Splits.speakerHoldout(balanced(), 0.2, 11);
        assertEquals(SplitKind.SPEAKER_INDEPENDENT_HOLDOUT, s.kind());
        assertTrue(s.isSpeakerIndependent());
        assertEquals(2, s.testSpeakers().size());
        assertEquals(80, s.test().size());
        counts(s.test()).values().forEach(c -> assertEquals(10, c));
    }

    @Test
    void speakerHoldoutPrefersAStratifiedChoice() {
        // Speakers A, B: only happy; C, D: only sad; E, F: both. Holding out 1/3 of the data should pick E or F
        // (balanced) rather than one happy-only speaker plus nothing else.
        List<Utterance> us = new ArrayList<>();
        String[] sp = {"A", "B", "C", "D", "E", "F"};
        for (String s : sp) {
            for (int i = 0; i < 10; i++) {
                Emotion e = switch (s) {
                    case "A", "B" -> Emotion.HAPPY;
                    case "C", "D" -> Emotion.SAD;
                    default -> i % 2 == 0 ? Emotion.HAPPY : Emotion.SAD;
                };
                us.add(Utterance.builder(Path.of(s + i + ".wav"), "x").speaker(s).emotion(e, e.label()).build());
            }
        }
        for (long seed = 0; seed < 20; seed++) {
            Split split = Splits.speakerHoldout(us, 1.0 / 6, seed);
            assertEquals(Map.of(Emotion.HAPPY, 5, Emotion.SAD, 5), counts(split.test()), "seed " + seed);
        }
    }

    @Test
    void twoSpeakersLikeTessGiveOnePerSide() {
        List<Utterance> us = RandomCorpus.generate(3, 1, 2, 20, 7);
        Split s = Splits.speakerHoldout(us, 0.3, 1);
        assertEquals(1, s.testSpeakers().size());
        assertEquals(1, s.trainSpeakers().size());
        assertTrue(s.isSpeakerIndependent());
    }

    @Test
    void oneSpeakerCannotBeSplitIndependently() {
        List<Utterance> us = RandomCorpus.generate(3, 1, 1, 20, 7);
        SplitException e = assertThrows(SplitException.class, () -> Splits.speakerHoldout(us, 0.3, 1));
        assertTrue(e.getMessage().contains("two speakers"));
        assertThrows(SplitException.class, () -> Splits.leaveOneSpeakerOut(us));
        assertThrows(SplitException.class, () -> Splits.speakerKFold(us, 2, 1));
        assertThrows(SplitException.class, () -> Splits.stratifiedRandom(us, 1.0, 1));
    }

    @Test
    void kFoldBalancesFoldsOnABalancedCorpus() {
        CrossValidation cv = Splits.speakerKFold(balanced(), 5, 3);
        assertEquals(5, cv.size());
        for (Split f : cv.folds()) {
            assertEquals(SplitKind.SPEAKER_GROUPED_KFOLD, f.kind());
            assertEquals(2, f.testSpeakers().size());
            assertEquals(80, f.test().size());
            assertTrue(f.isSpeakerIndependent());
        }
    }

    @Test
    void leaveOneSpeakerOutHasOneFoldPerSpeaker() {
        List<Utterance> data = balanced();
        CrossValidation cv = Splits.leaveOneSpeakerOut(data);
        assertEquals(10, cv.size());
        Set<String> seen = new HashSet<>();
        for (Split f : cv.folds()) {
            assertEquals(SplitKind.LEAVE_ONE_SPEAKER_OUT, f.kind());
            assertEquals(1, f.testSpeakers().size());
            assertTrue(seen.addAll(f.testSpeakers()));
            assertEquals(data.size(), f.train().size() + f.test().size());
        }
    }

    @Test
    void predefinedUsesPartitionsAndRefusesMissingOnes() {
        Utterance a = Utterance.builder(Path.of("train/a_happy.wav"), "custom").speaker("unknown")
                .emotion(Emotion.HAPPY, "happy").partition(Partition.TRAIN).build();
        Utterance b = Utterance.builder(Path.of("test/b_sad.wav"), "custom").speaker("unknown")
                .emotion(Emotion.SAD, "sad").partition(Partition.TEST).build();
        Split s = Splits.predefined(List.of(a, b));
        assertEquals(SplitKind.PREDEFINED, s.kind());
        assertEquals(List.of(a), s.train());
        assertEquals(List.of(b), s.test());
        assertFalse(s.isSpeakerIndependent()); // the same "unknown" speaker on both sides, and it says so
        SplitException e = assertThrows(SplitException.class,
                () -> Splits.predefined(List.of(a, b, a.withPartition(null))));
        assertTrue(e.getMessage().contains("1 utterances"));
    }
}
