package dev.ser.datasets.split;

import dev.ser.datasets.ContentHash;
import dev.ser.datasets.Fixtures;
import dev.ser.datasets.ScanResult;
import dev.ser.datasets.Utterance;
import dev.ser.datasets.corpus.RavdessAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateFinderTest {
    @TempDir
    Path root;

    private static final String A = "Actor_07/03-01-03-01-02-01-07.wav";
    private static final String B = "Actor_07/03-01-03-01-02-02-07.wav";

    /** Actor 07's two byte-identical takes (as in the original RAVDESS), plus distinct files of equal size. */
    private ScanResult ravdessWithTheKnownDuplicate() throws IOException {
        byte[] same = Fixtures.wavBytes(48000, 77);
        Fixtures.write(root, A, same);
        Fixtures.write(root, B, same);
        Fixtures.wav(root, "Actor_07/03-01-04-01-02-01-07.wav", 1);
        Fixtures.wav(root, "Actor_07/03-01-04-01-02-02-07.wav", 2);
        Fixtures.wav(root, "Actor_08/03-01-03-01-02-01-08.wav", 3);
        Fixtures.wav(root, "Actor_08/03-01-04-01-02-01-08.wav", 4);
        return new RavdessAdapter().scan(root);
    }

    private Utterance get(List<Utterance> us, String rel) {
        return us.stream().filter(u -> u.path().equals(root.resolve(rel))).findFirst().orElseThrow();
    }

    @Test
    void findsRavdessActor07DuplicateAcrossASpeakerDependentSplit() throws IOException {
        List<Utterance> us = ravdessWithTheKnownDuplicate().utterances();
        Utterance a = get(us, A);
        Utterance b = get(us, B);
        List<Utterance> train = us.stream().filter(u -> u != b).toList();
        Split leaky = new Split(SplitKind.SPEAKER_DEPENDENT, "hand-made", -1, train, List.of(b));
        List<DuplicateGroup> dups = new DuplicateFinder().acrossBoundary(leaky);
        assertEquals(1, dups.size());
        DuplicateGroup g = dups.get(0);
        assertEquals(List.of(a.path()), g.train());
        assertEquals(List.of(b.path()), g.test());
        assertEquals(ContentHash.sha256(a.path()), g.sha256());
    }

    @Test
    void speakerIndependentSplitsKeepTheDuplicateOnOneSide() throws IOException {
        List<Utterance> us = ravdessWithTheKnownDuplicate().utterances();
        DuplicateFinder finder = new DuplicateFinder();
        for (Split f : Splits.leaveOneSpeakerOut(us).folds()) {
            assertEquals(List.of(), finder.acrossBoundary(f), f.toString());
        }
        assertEquals(List.of(List.of(root.resolve(A), root.resolve(B))), finder.within(us));
    }

    @Test
    void sameSizeDifferentContentIsNotADuplicate() throws IOException {
        List<Utterance> us = ravdessWithTheKnownDuplicate().utterances();
        Utterance c = get(us, "Actor_07/03-01-04-01-02-01-07.wav");
        Utterance d = get(us, "Actor_07/03-01-04-01-02-02-07.wav");
        assertEquals(Files.size(c.path()), Files.size(d.path()));
        assertEquals(List.of(), new DuplicateFinder().acrossBoundary(List.of(c), List.of(d)));
        // a stratified random split over many seeds reports the pair whenever it straddles the boundary
        DuplicateFinder finder = new DuplicateFinder();
        int leaks = 0;
        for (long seed = 0; seed < 20; seed++) {
            Split s = Splits.stratifiedRandom(us, 0.5, seed);
            boolean straddles = s.train().stream().anyMatch(u -> u.path().endsWith(B) || u.path().endsWith(A))
                    && s.test().stream().anyMatch(u -> u.path().endsWith(B) || u.path().endsWith(A));
            int found = finder.acrossBoundary(s).size();
            assertEquals(straddles ? 1 : 0, found, "seed " + seed);
            leaks += found;
        }
        assertTrue(leaks > 0, "some seed should split the identical pair");
    }
}
