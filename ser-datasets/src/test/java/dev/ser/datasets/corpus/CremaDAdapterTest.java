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
import static dev.ser.datasets.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CremaDAdapterTest {
    @TempDir
    Path root;

    private void writeAudio() throws IOException {
        wav(root, "AudioWAV/1001_DFA_ANG_XX.wav", 1);
        wav(root, "AudioWAV/1002_IEO_HAP_HI.wav", 2);
        wav(root, "AudioWAV/1091_WSI_NEU_XX.wav", 3);
        wav(root, "AudioWAV/1003_TIE_SAD_LO.wav", 4);
        wav(root, "AudioWAV/1003_TIE_FEA_MD.wav", 5);
        wav(root, "AudioWAV/1003_TIE_DIS_MD.wav", 6);
    }

    @Test
    void withoutDemographicsSexIsUnknown() throws IOException {
        writeAudio();
        ScanResult r = new CremaDAdapter().scan(root);
        assertEquals(6, r.utterances().size());
        assertTrue(r.utterances().stream().allMatch(u -> u.sex() == Sex.UNKNOWN));
        Utterance u = r.utterances().stream().filter(x -> x.speaker().equals("1001")).findFirst().orElseThrow();
        assertEquals(Emotion.ANGRY, u.emotion());
        assertEquals("DFA", u.text());
        assertEquals("XX", u.intensity());
        assertEquals("ANG", u.corpusLabel());
        assertEquals(Map.of("1001", Emotion.ANGRY, "1002", Emotion.HAPPY, "1091", Emotion.NEUTRAL),
                r.utterances().stream().filter(x -> !x.speaker().equals("1003"))
                        .collect(Collectors.toMap(Utterance::speaker, Utterance::emotion)));
    }

    @Test
    void demographicsBesideTheAudioGiveSex() throws IOException {
        writeAudio();
        write(root, "AudioWAV/VideoDemographics.csv", ("ActorID,Age,Sex,Race,Ethnicity\n"
                + "1001,51,Male,Caucasian,Not Hispanic\n1002,21,Female,Caucasian,Not Hispanic\n"
                + "1003,21,Female,Caucasian,Not Hispanic\n").getBytes());
        Map<String, Sex> sex = new CremaDAdapter().scan(root).utterances().stream()
                .collect(Collectors.toMap(Utterance::speaker, Utterance::sex, (a, b) -> a));
        assertEquals(Sex.MALE, sex.get("1001"));
        assertEquals(Sex.FEMALE, sex.get("1002"));
        assertEquals(Sex.FEMALE, sex.get("1003"));
        assertEquals(Sex.UNKNOWN, sex.get("1091")); // not in the table
    }

    @Test
    void malformedDemographicsAreReportedAndIgnored() throws IOException {
        writeAudio();
        Path csv = write(root, "VideoDemographics.csv", "Name,Gender\nx,y\n".getBytes());
        ScanResult r = new CremaDAdapter().scan(root);
        assertEquals(6, r.utterances().size());
        assertEquals(List.of(csv), r.skipped().stream().map(s -> s.path()).toList());
        assertTrue(r.skipped().get(0).reason().contains("demographics"));
        assertThrows(dev.ser.datasets.CorpusFormatException.class, () -> new CremaDAdapter().scan(root, true));
    }

    @Test
    void reportsBadCodes() throws IOException {
        wav(root, "1001_DFA_ANG_XX.wav", 1);
        wav(root, "1000_DFA_ANG_XX.wav", 2);
        wav(root, "1001_ABC_ANG_XX.wav", 3);
        wav(root, "1001_DFA_CAL_XX.wav", 4);
        wav(root, "1001_DFA_ANG_ZZ.wav", 5);
        wav(root, "1001_DFA_ANG.wav", 6);
        ScanResult r = new CremaDAdapter().scan(root);
        assertEquals(1, r.utterances().size());
        Map<String, String> why = r.skipped().stream()
                .collect(Collectors.toMap(s -> s.path().getFileName().toString(), s -> s.reason()));
        assertTrue(why.get("1000_DFA_ANG_XX.wav").contains("actor"));
        assertTrue(why.get("1001_ABC_ANG_XX.wav").contains("sentence"));
        assertTrue(why.get("1001_DFA_CAL_XX.wav").contains("emotion"));
        assertTrue(why.get("1001_DFA_ANG_ZZ.wav").contains("intensity"));
        assertTrue(why.get("1001_DFA_ANG.wav").contains("does not match"));
    }
}
