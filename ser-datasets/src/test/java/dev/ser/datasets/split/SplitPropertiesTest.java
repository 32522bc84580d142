package dev.ser.datasets.split;

import dev.ser.datasets.RandomCorpus;
import dev.ser.datasets.Utterance;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitPropertiesTest {

    /** Every utterance exactly once across the two sides, and in input order on each. */
    private static void assertPartition(List<Utterance> data, Split s) {
        assertEquals(data.size(), s.train().size() + s.test().size());
        Map<Utterance, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            index.put(data.get(i), i);
        }
        for (List<Utterance> side : List.of(s.train(), s.test())) {
            int last = -1;
            for (Utterance u : side) {
                int i = index.get(u);
                assertTrue(i > last, "order kept");
                last = i;
            }
        }
        Set<Utterance> both = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        both.addAll(s.train());
        both.addAll(s.test());
        assertEquals(data.size(), both.size());
    }

    private static void assertNoSharedSpeaker(Split s) {
        Set<String> train = s.train().stream().map(Utterance::speakerKey).collect(Collectors.toSet());
        for (Utterance u : s.test()) {
            assertTrue(!train.contains(u.speakerKey()), "speaker " + u.speakerKey() + " on both sides of " + s);
        }
    }

    @Property(tries = 200)
    void holdoutNeverSharesASpeaker(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int corpora,
                                    @ForAll @IntRange(min = 2, max = 12) int speakers,
                                    @ForAll @DoubleRange(min = 0.05, max = 0.95) double fraction) {
        List<Utterance> data = RandomCorpus.generate(seed, corpora, speakers, 15, 5);
        Split s = Splits.speakerHoldout(data, fraction, seed);
        assertEquals(SplitKind.SPEAKER_INDEPENDENT_HOLDOUT, s.kind());
        assertNoSharedSpeaker(s);
        assertPartition(data, s);
        assertTrue(!s.train().isEmpty() && !s.test().isEmpty());
        assertEquals(s, Splits.speakerHoldout(data, fraction, seed), "deterministic under a seed");
    }

    @Property(tries = 200)
    void kFoldTestSidesPartitionTheSpeakers(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int corpora,
                                            @ForAll @IntRange(min = 2, max = 12) int speakers,
                                            @ForAll @IntRange(min = 2, max = 10) int k) {
        List<Utterance> data = RandomCorpus.generate(seed, corpora, speakers, 15, 5);
        int nSpeakers = corpora * speakers;
        if (k > nSpeakers) {
            k = nSpeakers;
        }
        CrossValidation cv = Splits.speakerKFold(data, k, seed);
        assertEquals(k, cv.size());
        Set<String> testSpeakers = new HashSet<>();
        List<Utterance> allTest = new ArrayList<>();
        for (Split f : cv.folds()) {
            assertEquals(SplitKind.SPEAKER_GROUPED_KFOLD, f.kind());
            assertNoSharedSpeaker(f);
            assertPartition(data, f);
            assertTrue(!f.test().isEmpty(), "no empty fold");
            for (String sp : f.testSpeakers()) {
                assertTrue(testSpeakers.add(sp), "speaker " + sp + " tested twice");
            }
            allTest.addAll(f.test());
        }
        assertEquals(data.size(), allTest.size());
        assertEquals(nSpeakers, testSpeakers.size());
        assertEquals(cv, Splits.speakerKFold(data, k, seed));
    }

    @Property(tries = 100)
    void leaveOneSpeakerOutNeverSharesASpeaker(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int corpora,
                                               @ForAll @IntRange(min = 2, max = 8) int speakers) {
        List<Utterance> data = RandomCorpus.generate(seed, corpora, speakers, 10, 5);
        CrossValidation cv = Splits.leaveOneSpeakerOut(data);
        assertEquals(corpora * speakers, cv.size());
        for (Split f : cv.folds()) {
            assertNoSharedSpeaker(f);
            assertPartition(data, f);
            assertEquals(1, f.testSpeakers().size());
        }
    }

    @Property(tries = 200)
    void stratifiedRandomKeepsEachClassProportion(@ForAll long seed,
                                                  @ForAll @IntRange(min = 1, max = 8) int speakers,
                                                  @ForAll @DoubleRange(min = 0.1, max = 0.9) double fraction) {
        List<Utterance> data = RandomCorpus.generate(seed, 1, speakers, 30, 6);
        Split s = Splits.stratifiedRandom(data, fraction, seed);
        assertEquals(SplitKind.SPEAKER_DEPENDENT, s.kind());
        assertPartition(data, s);
        Map<Object, Long> all = count(data);
        Map<Object, Long> test = count(s.test());
        for (Map.Entry<Object, Long> e : all.entrySet()) {
            long n = e.getValue();
            long t = test.getOrDefault(e.getKey(), 0L);
            long expected = Math.round(n * fraction);
            if (n >= 2) {
                expected = Math.max(1, Math.min(n - 1, expected));
            }
            assertEquals(expected, t, "class " + e.getKey() + " of " + n);
        }
        assertEquals(s, Splits.stratifiedRandom(data, fraction, seed));
    }

    private static Map<Object, Long> count(List<Utterance> us) {
        return us.stream().collect(Collectors.groupingBy(Utterance::emotion, TreeMap::new, Collectors.counting()));
    }

    @Property(tries = 50)
    void sameSpeakerIdInTwoCorporaIsTwoSpeakers(@ForAll long seed) {
        List<Utterance> data = RandomCorpus.generate(seed, 2, 2, 5, 3);
        Map<String, List<Utterance>> bySpeakerKey = data.stream().collect(Collectors.groupingBy(Utterance::speakerKey));
        assertEquals(4, bySpeakerKey.size());
        assertEquals(4, Splits.leaveOneSpeakerOut(data).size());
        assertTrue(data.stream().map(Utterance::speaker).distinct().count() <= 2);
        Function<Utterance, String> key = Utterance::speakerKey;
        assertTrue(data.stream().map(key).allMatch(k -> k.startsWith("c0/") || k.startsWith("c1/")));
    }

    @Property(tries = 100)
    void holdoutSizeIsWithinOneSpeakerOfTheTarget(@ForAll long seed, @ForAll @IntRange(min = 2, max = 30) int speakers,
                                                  @ForAll @IntRange(min = 1, max = 12) int perSpeaker,
                                                  @ForAll @DoubleRange(min = 0.05, max = 0.95) double fraction) {
        List<Utterance> data = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(seed);
        for (int s = 0; s < speakers; s++) {
            for (int i = 0; i < perSpeaker; i++) {
                dev.ser.datasets.Emotion e = dev.ser.datasets.Emotion.values()[rnd.nextInt(4)];
                data.add(Utterance.builder(java.nio.file.Path.of(s + "_" + i + ".wav"), "x").speaker("s" + s)
                        .emotion(e, e.label()).build());
            }
        }
        Split split = Splits.speakerHoldout(data, fraction, seed);
        double target = data.size() * fraction;
        int testSpeakers = split.testSpeakers().size();
        assertTrue(testSpeakers >= 1 && testSpeakers <= speakers - 1);
        // whole speakers of equal size: the test side is the smallest speaker count reaching the target,
        // unless that would leave no training speaker
        int expected = Math.min(speakers - 1, Math.max(1, (int) Math.ceil(target / perSpeaker - 1e-9)));
        assertEquals(expected, testSpeakers, "target " + target);
    }

    @net.jqwik.api.Example
    void aTargetWithRoundingErrorIsNotOvershot() {
        // 25 speakers of one utterance at fraction 0.28: 25 * 0.28 = 7.000000000000001 must mean 7 speakers
        holdoutSizeIsWithinOneSpeakerOfTheTarget(1L, 25, 1, 0.28);
    }
}
