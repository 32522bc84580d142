package dev.ser.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.testkit.LibrosaReference;
import dev.ser.testkit.NpyArray;
import dev.ser.testkit.Parity;
import dev.ser.testkit.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The full classic 193-value vector of real recordings against librosa's
 * ({@code seed_vectors_float32}): every value within {@code 1e-4 * max(1, |ref|)}.
 *
 * <p>The references cover 30 corpus files; the RAVDESS ones bundled under
 * {@code docs/samples/ravdess} (their licence allows it) are checked here on every build. The
 * others cannot be redistributed: {@code SeedVectorCheck} in ser-examples checks all 30 against
 * a local copy of the corpora.
 */
class SeedVectorParityTest {
    private static final LibrosaReference REF = LibrosaReference.load();
    private static final double BAR = 1e-4;

    static Stream<Path> bundledClips() throws IOException {
        Path dir = TestData.root().getParent().resolve("docs").resolve("samples").resolve("ravdess");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> clips = files.filter(p -> p.toString().endsWith(".flac")).sorted().toList();
            return clips.stream();
        }
    }

    @Test
    void everyBundledClipHasAReferenceRow() throws IOException {
        List<Path> clips = bundledClips().toList();
        assertTrue(clips.size() >= 5, "expected the bundled RAVDESS clips, found " + clips);
        for (Path clip : clips) {
            assertTrue(referenceRow(clip) >= 0, clip + " is not among the seed files");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledClips")
    void classicVectorMatchesLibrosa(Path clip) throws IOException {
        int row = referenceRow(clip);
        NpyArray table = REF.output(REF.get("seed_vectors_float32"));
        int width = table.dim(1);
        double[] expected = Arrays.copyOfRange(table.values(), row * width, (row + 1) * width);

        FeatureVector actual = FeatureExtractor.classic().extract(clip).pooled();
        assertEquals(193, actual.size());
        Parity.assertCloseMixed("seed_vectors_float32[" + clip.getFileName() + "]", expected, actual.values(), BAR);
    }

    private static int referenceRow(Path clip) {
        List<String> seeds = REF.seedFiles();
        String name = clip.getFileName().toString();
        for (int i = 0; i < seeds.size(); i++) {
            if (seeds.get(i).endsWith("/" + name)) {
                return i;
            }
        }
        return -1;
    }
}
