package dev.ser.datasets;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {
    private static Utterance u(String corpus, String speaker, Emotion e, int i) {
        return Utterance.builder(Path.of(corpus, speaker + "_" + i + ".wav"), corpus).speaker(speaker)
                .emotion(e, e.label()).build();
    }

    private static Dataset unbalanced(String corpus) {
        List<Utterance> us = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            us.add(u(corpus, "s" + (i % 3), Emotion.HAPPY, i));
        }
        for (int i = 0; i < 10; i++) {
            us.add(u(corpus, "s" + (i % 3), Emotion.SAD, 100 + i));
        }
        for (int i = 0; i < 20; i++) {
            us.add(u(corpus, "s" + (i % 3), Emotion.NEUTRAL, 200 + i));
        }
        us.add(u(corpus, "s0", Emotion.ANGRY, 300));
        return Dataset.of(us);
    }

    @Test
    void selectsEmotions() {
        Dataset d = unbalanced("a").selectEmotions(EnumSet.of(Emotion.SAD, Emotion.NEUTRAL, Emotion.HAPPY));
        assertEquals(Map.of(Emotion.HAPPY, 30, Emotion.SAD, 10, Emotion.NEUTRAL, 20), d.countsByEmotion());
    }

    @Test
    void mergeKeepsCorporaAndSpeakersApart() {
        Dataset m = Dataset.merge(unbalanced("a"), unbalanced("b"));
        assertEquals(122, m.size());
        assertEquals(Set.of("a", "b"), m.corpora());
        assertEquals(Set.of("a/s0", "a/s1", "a/s2", "b/s0", "b/s1", "b/s2"), m.speakers());
        assertEquals(1, m.selectCorpora(Set.of("b")).corpora().size());
    }

    @Test
    void balancingDownsamplesToTheRarestClassDeterministically() {
        Dataset d = unbalanced("a").selectEmotions(EnumSet.of(Emotion.SAD, Emotion.NEUTRAL, Emotion.HAPPY));
        Dataset b1 = d.balanceByDownsampling(42);
        Dataset b2 = d.balanceByDownsampling(42);
        Dataset b3 = d.balanceByDownsampling(43);
        assertEquals(Map.of(Emotion.HAPPY, 10, Emotion.SAD, 10, Emotion.NEUTRAL, 10), b1.countsByEmotion());
        assertEquals(b1.utterances(), b2.utterances());
        assertNotEquals(b1.utterances(), b3.utterances());
        // kept utterances stay in their original relative order
        List<Utterance> original = d.utterances();
        int last = -1;
        for (Utterance u : b1.utterances()) {
            int idx = original.indexOf(u);
            assertTrue(idx > last);
            last = idx;
        }
        assertTrue(original.containsAll(b1.utterances()));
    }

    @Test
    void emotionNamesAndAliases() {
        assertEquals(Emotion.SURPRISE, Emotion.parse("ps"));
        assertEquals(Emotion.FEAR, Emotion.parse("Fearful"));
        assertEquals(Emotion.BOREDOM, Emotion.parse("boredom"));
        assertTrue(Emotion.fromName("elated").isEmpty());
        for (Emotion e : Emotion.values()) {
            assertEquals(e, Emotion.parse(e.label()));
        }
    }
}
