package dev.ser.datasets.corpus;

import dev.ser.datasets.Emotion;
import dev.ser.datasets.Fixtures;
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
import static dev.ser.datasets.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TessAdapterTest {
    @TempDir
    Path root;

    /** The real distribution's layout, with its quirks. */
    private void writeQuirkyTree() throws IOException {
        Path base = root.resolve("TESS Toronto emotional speech set data");
        wav(base, "OAF_angry/OAF_back_angry.wav", 1);
        wav(base, "OAF_Fear/OAF_back_fear.wav", 2);
        wav(base, "OAF_neutral/OA_bite_neutral.wav", 3);                 // the OA_ prefix quirk
        wav(base, "OAF_Pleasant_surprise/OAF_back_ps.wav", 4);           // folder spelling 1
        wav(base, "YAF_pleasant_surprised/YAF_back_ps.wav", 5);          // folder spelling 2
        write(base, "YAF_sad/YAF_bath_sad.wav", Fixtures.aiffBytes(6));   // AIFF data in a .wav file
        write(base, "YAF_angry/YAF_germ_angry.wav", Fixtures.wavBytes(96000, 7)); // a 96 kHz file
        wav(base, "YAF_disgust/YAF_back_disgust.wav", 8);
        wav(base, "YAF_happy/YAF_back_happy.wav", 9);
    }

    @Test
    void readsTheRealLayoutWithItsQuirks() throws IOException {
        writeQuirkyTree();
        ScanResult r = new TessAdapter().scan(root);
        assertEquals(0, r.skipped().size(), r.skipped().toString());
        Map<String, Utterance> byName = r.utterances().stream()
                .collect(Collectors.toMap(u -> u.path().getFileName().toString(), Function.identity()));
        assertEquals(9, byName.size());
        Utterance oa = byName.get("OA_bite_neutral.wav");
        assertEquals("OAF", oa.speaker());
        assertEquals(Emotion.NEUTRAL, oa.emotion());
        assertEquals("bite", oa.text());
        assertTrue(oa.attributes().containsKey("name_quirk"));
        assertEquals(Emotion.SURPRISE, byName.get("OAF_back_ps.wav").emotion());
        assertEquals("ps", byName.get("YAF_back_ps.wav").corpusLabel());
        assertEquals(Emotion.FEAR, byName.get("OAF_back_fear.wav").emotion());
        assertEquals(Emotion.SAD, byName.get("YAF_bath_sad.wav").emotion());
        assertEquals("YAF", byName.get("YAF_germ_angry.wav").speaker());
        assertTrue(r.utterances().stream().allMatch(u -> u.sex() == Sex.FEMALE));
        assertEquals(2, r.dataset().speakers().size());
        assertEquals(7, r.dataset().emotions().size());
    }

    @Test
    void reportsUnknownTokensFolderConflictsAndBadNames() throws IOException {
        wav(root, "OAF_angry/OAF_back_angry.wav", 1);
        wav(root, "OAF_angry/OAF_back_furious.wav", 2);
        wav(root, "OAF_sad/OAF_back_happy.wav", 3);
        wav(root, "YAF_sad/OAF_back_sad.wav", 4);
        wav(root, "misc/MAF_back_sad.wav", 5);
        wav(root, "misc/OAF_back.wav", 6);
        ScanResult r = new TessAdapter().scan(root);
        assertEquals(1, r.utterances().size());
        Map<String, String> reasons = r.skipped().stream()
                .collect(Collectors.toMap(s -> s.path().getFileName().toString(), s -> s.reason()));
        assertTrue(reasons.get("OAF_back_furious.wav").contains("unknown TESS emotion token"));
        assertTrue(reasons.get("OAF_back_happy.wav").contains("folder"));
        assertTrue(reasons.get("OAF_back_sad.wav").contains("folder"));
        assertTrue(reasons.get("MAF_back_sad.wav").contains("does not match"));
        assertTrue(reasons.get("OAF_back.wav").contains("does not match"));
    }
}
