package dev.ser.datasets.corpus;

import dev.ser.datasets.Emotion;
import dev.ser.datasets.ScanResult;
import dev.ser.datasets.Sex;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaveeAdapterTest {
    @TempDir
    Path root;

    @Test
    void readsFlatAndPerSpeakerLayouts() throws IOException {
        String[] codes = {"a", "d", "f", "h", "n", "sa", "su"};
        Emotion[] expected = {Emotion.ANGRY, Emotion.DISGUST, Emotion.FEAR, Emotion.HAPPY, Emotion.NEUTRAL,
            Emotion.SAD, Emotion.SURPRISE};
        for (int i = 0; i < codes.length; i++) {
            wav(root, "ALL/DC_" + codes[i] + "01.wav", i);
            wav(root, "AudioData/KL/" + codes[i] + "15.wav", 100 + i);
        }
        ScanResult r = new SaveeAdapter().scan(root);
        assertEquals(0, r.skipped().size(), r.skipped().toString());
        Map<String, Utterance> byRel = r.utterances().stream().collect(Collectors.toMap(
                u -> root.relativize(u.path()).toString().replace('\\', '/'), Function.identity()));
        for (int i = 0; i < codes.length; i++) {
            Utterance flat = byRel.get("ALL/DC_" + codes[i] + "01.wav");
            assertEquals(expected[i], flat.emotion());
            assertEquals("DC", flat.speaker());
            assertEquals("01", flat.text());
            Utterance nested = byRel.get("AudioData/KL/" + codes[i] + "15.wav");
            assertEquals(expected[i], nested.emotion());
            assertEquals("KL", nested.speaker());
            assertEquals(codes[i], nested.corpusLabel());
        }
        assertTrue(r.utterances().stream().allMatch(u -> u.sex() == Sex.MALE));
    }

    @Test
    void reportsUnknownSpeakersAndCodes() throws IOException {
        wav(root, "ALL/XY_a01.wav", 1);
        wav(root, "ALL/DC_x01.wav", 2);
        wav(root, "ALL/DC_a1.wav", 3);
        wav(root, "AudioData/ZZ/a01.wav", 4);
        ScanResult r = new SaveeAdapter().scan(root);
        assertEquals(0, r.utterances().size());
        Map<String, String> why = r.skipped().stream()
                .collect(Collectors.toMap(s -> s.path().getFileName().toString(), s -> s.reason()));
        assertTrue(why.get("XY_a01.wav").contains("speaker"));
        assertTrue(why.get("DC_x01.wav").contains("emotion code"));
        assertTrue(why.get("DC_a1.wav").contains("does not match"));
        assertTrue(why.get("a01.wav").contains("speaker"));
    }
}
