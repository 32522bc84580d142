package dev.ser.datasets.corpus;

import dev.ser.datasets.CorpusFormatException;
import dev.ser.datasets.Emotion;
import dev.ser.datasets.ScanResult;
import dev.ser.datasets.Sex;
import dev.ser.datasets.SkippedFile;
import dev.ser.datasets.Utterance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.ser.datasets.Fixtures.wav;
import static dev.ser.datasets.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RavdessAdapterTest {
    @TempDir
    Path root;

    @Test
    void parsesSpeechSongAndAudioVideoNamesWithAllCodes() throws IOException {
        wav(root, "Actor_07/03-01-03-02-01-02-07.wav", 1);          // audio-only speech, happy strong
        wav(root, "Actor_08/03-02-05-01-02-01-08.FLAC", 2);         // audio-only song, angry, upper-case ext
        wav(root, "Actor_24/01-01-08-02-02-02-24.wav", 3);          // audio of an audio-video file, surprised
        ScanResult r = new RavdessAdapter().scan(root);
        assertEquals(List.of(), r.skipped());
        assertEquals(3, r.utterances().size());

        Utterance u = r.utterances().get(0);
        assertEquals("ravdess", u.corpus());
        assertEquals("07", u.speaker());
        assertEquals(Sex.MALE, u.sex());
        assertEquals(Emotion.HAPPY, u.emotion());
        assertEquals("03", u.corpusLabel());
        assertEquals("02", u.intensity());
        assertEquals("01", u.statement());
        assertEquals("02", u.repetition());
        assertNull(u.text());
        assertEquals(Map.of("modality", "audio-only", "vocal_channel", "speech"), u.attributes());

        Utterance song = r.utterances().get(1);
        assertEquals(Sex.FEMALE, song.sex());
        assertEquals(Emotion.ANGRY, song.emotion());
        assertEquals("song", song.attributes().get("vocal_channel"));

        Utterance av = r.utterances().get(2);
        assertEquals(Emotion.SURPRISE, av.emotion());
        assertEquals("audio-video", av.attributes().get("modality"));
        assertEquals(Sex.FEMALE, av.sex());
    }

    @Test
    void mapsAllEightEmotionCodes() throws IOException {
        Emotion[] expected = {Emotion.NEUTRAL, Emotion.CALM, Emotion.HAPPY, Emotion.SAD, Emotion.ANGRY,
            Emotion.FEAR, Emotion.DISGUST, Emotion.SURPRISE};
        for (int e = 1; e <= 8; e++) {
            wav(root, String.format("Actor_01/03-01-%02d-01-01-01-01.wav", e), e);
        }
        List<Emotion> got = new RavdessAdapter().scan(root).utterances().stream().map(Utterance::emotion).toList();
        assertEquals(List.of(expected), got);
    }

    @Test
    void reportsEveryBadNameWithAReasonAndKeepsTheGoodOnes() throws IOException {
        wav(root, "Actor_01/03-01-01-01-01-01-01.wav", 1);
        Map<String, String> bad = Map.of(
                "Actor_01/03-01-09-01-01-01-01.wav", "emotion",
                "Actor_01/03-01-01-02-01-01-01.wav", "neutral",
                "Actor_25/03-01-02-01-01-01-25.wav", "actor",
                "Actor_01/02-01-02-01-01-01-01.wav", "modality",
                "Actor_01/03-03-02-01-01-01-01.wav", "vocal channel",
                "Actor_01/03-01-02-03-01-01-01.wav", "intensity",
                "Actor_02/03-01-02-01-01-01-01.wav", "folder",
                "Actor_01/03-01-02-01-01.wav", "does not match",
                "Actor_01/notes_about_actor.wav", "does not match");
        for (String name : bad.keySet()) {
            wav(root, name, name.hashCode());
        }
        write(root, "Actor_01/empty-03-01-01-01-01-01-01.wav", new byte[0]);
        write(root, "Actor_01/README.txt", "not audio".getBytes());
        write(root, "Actor_01/03-01-01-01-01-01-01.mp4", new byte[] {1});

        ScanResult r = new RavdessAdapter().scan(root);
        assertEquals(1, r.utterances().size());
        Map<String, String> reasons = r.skipped().stream().collect(Collectors.toMap(
                s -> root.relativize(s.path()).toString().replace('\\', '/'), SkippedFile::reason));
        assertEquals(bad.size() + 1, reasons.size(), reasons.toString());
        bad.forEach((name, word) -> assertTrue(reasons.get(name).contains(word), name + " -> " + reasons.get(name)));
        assertTrue(reasons.get("Actor_01/empty-03-01-01-01-01-01-01.wav").contains("empty"));
    }

    @Test
    void strictModeThrowsNamingTheFile() throws IOException {
        wav(root, "Actor_01/03-01-01-01-01-01-01.wav", 1);
        Path bad = wav(root, "Actor_01/03-01-11-01-01-01-01.wav", 2);
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> new RavdessAdapter().scan(root, true));
        assertEquals(bad, e.path());
        assertTrue(e.getMessage().contains("03-01-11-01-01-01-01.wav"));
    }

    @Test
    void unreadableFileIsReported() throws IOException {
        Path p = wav(root, "Actor_01/03-01-01-01-01-01-01.wav", 1);
        if (!p.toFile().setReadable(false) || Files.isReadable(p)) {
            return; // running as root or on a file system without permissions: nothing to test
        }
        try {
            ScanResult r = new RavdessAdapter().scan(root);
            assertEquals(0, r.utterances().size());
            assertTrue(r.skipped().get(0).reason().contains("not readable"));
        } finally {
            p.toFile().setReadable(true);
        }
    }

    @Test
    void brokenLinksAreReportedAndLinkedFilesFollowed() throws IOException {
        Path elsewhere = wav(root.resolve("../" + root.getFileName() + "-store"), "take.wav", 1);
        Path linkDir = Files.createDirectories(root.resolve("Actor_01"));
        try {
            Files.createSymbolicLink(linkDir.resolve("03-01-01-01-01-01-01.wav"), elsewhere);
            Files.createSymbolicLink(linkDir.resolve("03-01-01-01-01-02-01.wav"), root.resolve("missing.wav"));
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symbolic links on this platform
        }
        try {
            ScanResult r = new RavdessAdapter().scan(root);
            assertEquals(1, r.utterances().size());
            assertEquals(1, r.skipped().size());
            assertTrue(r.skipped().get(0).reason().contains("broken symbolic link"));
            assertThrows(CorpusFormatException.class, () -> new RavdessAdapter().scan(root, true));
        } finally {
            Files.delete(elsewhere);
            Files.delete(elsewhere.getParent());
        }
    }

    @Test
    void scanOrderIsSortedAndReproducible() throws IOException {
        wav(root, "Actor_02/03-01-01-01-01-01-02.wav", 1);
        wav(root, "Actor_01/03-01-01-01-01-02-01.wav", 2);
        wav(root, "Actor_01/03-01-01-01-01-01-01.wav", 3);
        List<Path> paths = new RavdessAdapter().scan(root).utterances().stream().map(Utterance::path).toList();
        assertEquals(List.of(root.resolve("Actor_01/03-01-01-01-01-01-01.wav"),
                root.resolve("Actor_01/03-01-01-01-01-02-01.wav"), root.resolve("Actor_02/03-01-01-01-01-01-02.wav")), paths);
    }

    @Test
    void missingRootIsAnError() {
        assertThrows(java.nio.file.NoSuchFileException.class, () -> new RavdessAdapter().scan(root.resolve("nope")));
    }
}
