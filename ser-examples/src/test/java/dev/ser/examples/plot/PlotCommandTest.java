package dev.ser.examples.plot;

import dev.ser.examples.CliHarness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.audio.WavSampleFormat;
import dev.ser.core.audio.WavWriter;
import dev.ser.examples.SerCli;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
    @TempDir
    Path dir;
    private Path clip;
    private Path out;
    private final CliHarness cli = new CliHarness();

    @BeforeEach
    void writeClip() throws IOException {
        clip = dir.resolve("tone.wav");
        WavWriter.write(clip, PlotsTest.speechLike(), WavSampleFormat.PCM_16);
        out = dir.resolve("images");
    }

    private static BufferedImage read(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), png + " was not written");
        return ImageIO.read(png.toFile());
    }

    @Test
    void allWritesFiveImagesOfTheRequestedSize() throws IOException {
        assertEquals(0, cli.run("plot", "all", clip.toString(), "-o", out.toString(), "--width", "500", "--height", "260"),
                cli.err());
        for (String kind : new String[] {"waveform", "spectrogram", "mel", "mfcc", "chroma"}) {
            Path png = out.resolve("tone-" + kind + ".png");
            BufferedImage image = read(png);
            assertEquals(500, image.getWidth());
            assertEquals(260, image.getHeight());
            assertTrue(Images.distinctColours(image) > 20, kind);
            assertTrue(cli.out().contains(png.toString()), "written files are listed");
        }
        try (var files = Files.list(out)) {
            assertEquals(5, files.count());
        }
    }

    @Test
    void oneKindWritesOneImagePerFileWithTheDefaultSize() throws IOException {
        Path second = dir.resolve("second.wav");
        Files.copy(clip, second);
        assertEquals(0, cli.run("plot", "MEL", clip.toString(), second.toString(), "-o", out.toString()));
        assertEquals(PlotStyle.DEFAULT.width(), read(out.resolve("tone-mel.png")).getWidth());
        assertEquals(PlotStyle.DEFAULT.height(), read(out.resolve("second-mel.png")).getHeight());
    }

    @Test
    void unknownKindIsAUsageError() {
        assertEquals(SerCli.EXIT_USAGE, cli.run("plot", "histogram", clip.toString(), "-o", out.toString()));
        assertTrue(cli.err().contains("unknown plot kind 'histogram'"), cli.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badSizeIsAUsageError() {
        assertEquals(SerCli.EXIT_USAGE, cli.run("plot", "waveform", clip.toString(), "--width", "10"));
        assertTrue(cli.err().contains("width"), cli.err());
    }

    @Test
    void missingFilesAreReportedAndTheOthersStillPlotted() throws IOException {
        Path missing = dir.resolve("nowhere.flac");
        assertEquals(SerCli.EXIT_INPUT_FAILED, cli.run("plot", "waveform", missing.toString(), clip.toString(),
                "-o", out.toString()));
        assertTrue(cli.err().contains("nowhere.flac: no such file"), cli.err());
        assertFalse(cli.err().contains("\tat "), "no stack trace");
        read(out.resolve("tone-waveform.png"));
    }

    @Test
    void undecodableAudioIsAnInputFailure() throws IOException {
        Path bad = dir.resolve("bad.wav");
        Files.writeString(bad, "not audio");
        assertEquals(SerCli.EXIT_INPUT_FAILED, cli.run("plot", "mfcc", bad.toString(), "-o", out.toString()));
        assertTrue(cli.err().contains("bad.wav"), cli.err());
        assertFalse(cli.err().contains("\tat "), "no stack trace without --verbose");
        assertEquals(SerCli.EXIT_INPUT_FAILED, cli.run("plot", "-v", "mfcc", bad.toString(), "-o", out.toString()));
        assertTrue(cli.err().contains("\tat "), "stack trace with --verbose");
    }

    @Test
    void confusionCsvBecomesAConfusionMatrixPlot() throws IOException {
        Path csv = dir.resolve("cv.csv");
        Files.writeString(csv, "true\\predicted,angry,happy,sad\nangry,8,1,1\nhappy,2,7,1\nsad,0,1,9\n");
        assertEquals(0, cli.run("plot", "confusion", csv.toString(), "-o", out.toString(), "--width", "600",
                "--height", "500"), cli.err());
        BufferedImage image = read(out.resolve("cv-confusion.png"));
        assertEquals(600, image.getWidth());
        assertTrue(Images.distinctColours(image) > 20);

        Path unlabelled = dir.resolve("plain.csv");
        Files.writeString(unlabelled, "a,b\n3,1\n0,4\n");
        assertEquals(0, cli.run("plot", "confusion", unlabelled.toString(), "-o", out.toString()), cli.err());
        read(out.resolve("plain-confusion.png"));
    }

    @Test
    void malformedConfusionCsvNamesTheFileAndLine() throws IOException {
        Path csv = dir.resolve("broken.csv");
        Files.writeString(csv, "angry,happy\n3,1\n0,x\n");
        assertEquals(SerCli.EXIT_INPUT_FAILED, cli.run("plot", "confusion", csv.toString(), "-o", out.toString()));
        assertTrue(cli.err().contains("broken.csv:3: 'x' is not a count"), cli.err());

        Files.writeString(csv, "angry,happy,sad\n3,1,0\n0,2,1\n");
        assertEquals(SerCli.EXIT_INPUT_FAILED, cli.run("plot", "confusion", csv.toString(), "-o", out.toString()));
        assertTrue(cli.err().contains("broken.csv:1: the header names 3 classes but 2 rows"), cli.err());

        Files.writeString(csv, "angry,happy,sad\n3,1\n0,2\n1,1\n");
        assertEquals(SerCli.EXIT_INPUT_FAILED, cli.run("plot", "confusion", csv.toString(), "-o", out.toString()));
        assertTrue(cli.err().contains("broken.csv:2: 2 cells, expected 3"), cli.err());
    }

    @Test
    void lossCsvBecomesATrainingPlot() throws IOException {
        Path csv = dir.resolve("history.csv");
        Files.writeString(csv, "epoch,loss,validation\n1,1.5,0.4\n2,1.0,0.5\n3,0.8,0.55\n");
        assertEquals(0, cli.run("plot", "loss", csv.toString(), "-o", out.toString()), cli.err());
        BufferedImage image = read(out.resolve("history-loss.png"));
        assertTrue(Images.count(image, 0xD9731A) > 20, "validation curve drawn");
    }
}
