package dev.ser.datasets.corpus;

import dev.ser.datasets.Emotion;
import dev.ser.datasets.Partition;
import dev.ser.datasets.ScanResult;
import dev.ser.datasets.Utterance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.ser.datasets.Fixtures.wav;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomAdapterTest {
    @TempDir
    Path root;

    @Test
    void readsEmotionAfterTheLastUnderscoreAndTrainTestFolders() throws IOException {
        wav(root, "train/20190616_125714_happy.wav", 1);
        wav(root, "train/alice/take1_Sad.flac", 2);
        wav(root, "Test/20190616_130000_ps.AIFF", 3);
        wav(root, "loose_neutral.aif", 4);
        ScanResult r = new CustomAdapter().scan(root);
        assertEquals(0, r.skipped().size(), r.skipped().toString());
        Map<String, Utterance> by = r.utterances().stream()
                .collect(Collectors.toMap(u -> u.path().getFileName().toString(), Function.identity()));
        Utterance happy = by.get("20190616_125714_happy.wav");
        assertEquals(Emotion.HAPPY, happy.emotion());
        assertEquals(Partition.TRAIN, happy.partition());
        assertEquals(CustomAdapter.UNKNOWN_SPEAKER, happy.speaker());
        assertEquals("custom", happy.corpus());
        Utterance sad = by.get("take1_Sad.flac");
        assertEquals(Emotion.SAD, sad.emotion());
        assertEquals("alice", sad.speaker());
        assertEquals(Partition.TRAIN, sad.partition());
        assertEquals(Emotion.SURPRISE, by.get("20190616_130000_ps.AIFF").emotion());
        assertEquals(Partition.TEST, by.get("20190616_130000_ps.AIFF").partition());
        assertNull(by.get("loose_neutral.aif").partition());
    }

    @Test
    void reportsNamesWithoutAKnownEmotion() throws IOException {
        wav(root, "20190616_125714_happy.wav", 1);
        wav(root, "20190616_125714_elated.wav", 2);
        wav(root, "happy.wav", 3);
        wav(root, "trailing_.wav", 4);
        ScanResult r = new CustomAdapter("mine").scan(root);
        assertEquals(1, r.utterances().size());
        assertEquals("mine", r.utterances().get(0).corpus());
        assertEquals(3, r.skipped().size());
        assertTrue(r.skipped().stream().anyMatch(s -> s.reason().contains("unknown emotion 'elated'")));
        assertThrows(dev.ser.datasets.CorpusFormatException.class, () -> new CustomAdapter().scan(root, true));
    }

    @Test
    void registryKnowsEveryAdapter() {
        for (String name : Corpora.names()) {
            assertEquals(name, Corpora.adapter(name).name());
        }
        assertEquals("emodb", Corpora.adapter("EMO-DB").name());
        assertEquals("cremad", Corpora.adapter("CREMA-D").name());
        assertThrows(IllegalArgumentException.class, () -> Corpora.adapter("iemocap"));
    }
}
