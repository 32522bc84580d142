package dev.ser.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.audio.WavSampleFormat;
import dev.ser.core.audio.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusExtractCommandTest {
    @TempDir
    Path dir;
    private Path corpus;
    private final CliHarness cli = new CliHarness();

    @BeforeEach
    void writeCorpus() throws IOException {
        corpus = Files.createDirectories(dir.resolve("corpus").resolve("speaker1"));
        for (int i = 0; i < 3; i++) {
            WavWriter.write(corpus.resolve("clip" + i + "_happy.wav"), TrainEvaluateCommandTest.voice(200 + 20 * i, i),
                    WavSampleFormat.PCM_16);
        }
        corpus = corpus.getParent();
    }

    @Test
    void extractsEveryFileExportsCsvAndServesTheSecondRunFromTheCache() throws IOException {
        Path cache = dir.resolve("cache");
        Path csv = dir.resolve("features.csv");
        String[] args = {"extract-corpus", "--no-progress", "-t", "2", "--cache", cache.toString(), "-o", csv.toString(),
            "custom=" + corpus};
        assertEquals(0, cli.run(args), cli.err());
        assertTrue(cli.out().contains("extracted 3 of 3 files, skipped 0, 2 threads"), cli.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), "header and three rows");
        assertTrue(lines.get(0).startsWith("path,corpus,speaker,"), lines.get(0));
        assertTrue(lines.get(0).endsWith(",tonnetz_5"), lines.get(0));

        assertEquals(0, cli.run(args), cli.err());
        assertTrue(Files.list(cache).findAny().isPresent(), "cache entries written");
    }

    @Test
    void unreadableFilesAreReportedAndSkippedWithExitCodeOne() throws IOException {
        Files.writeString(corpus.resolve("speaker1").resolve("broken_sad.wav"), "RIFF nonsense");
        assertEquals(SerCli.EXIT_INPUT_FAILED, cli.run("extract-corpus", "--no-progress", "custom=" + corpus));
        assertTrue(cli.out().contains("extracted 3 of 4 files, skipped 1"), cli.out());
        assertTrue(cli.out().contains("skipped ") && cli.out().contains("broken_sad.wav"), cli.out());
    }

    @Test
    void unknownCorpusTypesAreRefused() {
        assertTrue(cli.run("extract-corpus", "nosuchcorpus=" + corpus) != 0);
        assertTrue(cli.err().contains("unknown corpus"), cli.err());
    }
}
