package dev.ser.datasets.corpus;

import dev.ser.datasets.Emotion;
import dev.ser.datasets.ScanResult;
import dev.ser.datasets.Sex;
import dev.ser.datasets.Utterance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.ser.datasets.Fixtures.wav;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmoDbAdapterTest {
    @TempDir
    Path root;

    @Test
    void mapsGermanLettersSpeakersAndSex() throws IOException {
        String[] letters = {"W", "L", "E", "A", "F", "T", "N"};
        Emotion[] expected = {Emotion.ANGRY, Emotion.BOREDOM, Emotion.DISGUST, Emotion.FEAR, Emotion.HAPPY,
            Emotion.SAD, Emotion.NEUTRAL};
        for (int i = 0; i < letters.length; i++) {
            wav(root, "wav/03a0" + (i + 1) + letters[i] + "a.wav", i);
        }
        List<Utterance> us = new EmoDbAdapter().scan(root).utterances();
        assertEquals(List.of(expected), us.stream().map(Utterance::emotion).toList());
        Utterance first = us.get(0);
        assertEquals("03", first.speaker());
        assertEquals("a01", first.text());
        assertEquals("W", first.corpusLabel());
        assertEquals("a", first.attributes().get("version"));
    }

    @Test
    void speakerSexFollowsTheCorpusDocumentation() throws IOException {
        List<String> male = List.of("03", "10", "11", "12", "15");
        List<String> female = List.of("08", "09", "13", "14", "16");
        int seed = 0;
        for (String s : male) {
            wav(root, "wav/" + s + "b10Nb.wav", seed++);
        }
        for (String s : female) {
            wav(root, "wav/" + s + "b10Nb.wav", seed++);
        }
        Map<String, Sex> sex = new EmoDbAdapter().scan(root).utterances().stream()
                .collect(Collectors.toMap(Utterance::speaker, Utterance::sex));
        male.forEach(s -> assertEquals(Sex.MALE, sex.get(s), s));
        female.forEach(s -> assertEquals(Sex.FEMALE, sex.get(s), s));
    }

    @Test
    void reportsUnknownSpeakerTextLetterAndShape() throws IOException {
        wav(root, "wav/03a01Wa.wav", 0);
        wav(root, "wav/04a01Wa.wav", 1);   // no speaker 04
        wav(root, "wav/03a08Wa.wav", 2);   // a-texts end at a07
        wav(root, "wav/03b11Wa.wav", 3);   // b-texts end at b10
        wav(root, "wav/03a01Xa.wav", 4);   // no letter X
        wav(root, "wav/03a01wa.wav", 5);   // letters are upper case
        wav(root, "wav/03c01Wa.wav", 6);   // no c-texts
        ScanResult r = new EmoDbAdapter().scan(root);
        assertEquals(1, r.utterances().size());
        Map<String, String> why = r.skipped().stream()
                .collect(Collectors.toMap(s -> s.path().getFileName().toString(), s -> s.reason()));
        assertTrue(why.get("04a01Wa.wav").contains("speaker"));
        assertTrue(why.get("03a08Wa.wav").contains("text code"));
        assertTrue(why.get("03b11Wa.wav").contains("text code"));
        assertTrue(why.get("03a01Xa.wav").contains("emotion letter"));
        assertTrue(why.get("03a01wa.wav").contains("emotion letter"));
        assertTrue(why.get("03c01Wa.wav").contains("does not match"));
    }
}
