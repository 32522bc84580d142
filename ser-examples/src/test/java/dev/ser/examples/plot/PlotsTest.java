package dev.ser.examples.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.dsp.MelConfig;
import dev.ser.core.dsp.MelScale;
import dev.ser.core.dsp.Matrix;
import dev.ser.core.dsp.Stft;
import dev.ser.core.dsp.StftConfig;
import dev.ser.models.eval.ConfusionMatrix;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
    private static final int SR = 16000;
    private static final PlotStyle SMALL = PlotStyle.builder().size(640, 320).build();

    @TempDir
    Path dir;

    static AudioSignal tone(double hz, double seconds) {
        double[] y = new double[(int) (seconds * SR)];
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.5 * Math.sin(2 * Math.PI * hz * i / SR);
        }
        return AudioSignal.wrap(y, SR);
    }

    /** A tone whose loudness swells and fades, so that images have structure over time. */
    static AudioSignal speechLike() {
        double[] y = new double[SR];
        for (int i = 0; i < y.length; i++) {
            double t = (double) i / SR;
            double envelope = Math.sin(Math.PI * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t));
            y[i] = envelope * (0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.1 * Math.sin(2 * Math.PI * 660 * t)
                    + 0.05 * Math.sin(2 * Math.PI * 1800 * t));
        }
        return AudioSignal.wrap(y, SR);
    }

    @Test
    void renderingIsHeadless() {
        Plots.waveform(tone(440, 0.1), SMALL);
        assertTrue(GraphicsEnvironment.isHeadless(), "loading Plots must select headless AWT");
    }

    @Test
    void everyAudioPlotHasTheRequestedSizeAndRealContent() {
        AudioSignal signal = speechLike();
        List<Function<PlotStyle, BufferedImage>> plots = List.of(
                s -> Plots.waveform(signal, s), s -> Plots.spectrogram(signal, s), s -> Plots.melSpectrogram(signal, s),
                s -> Plots.mfcc(signal, s), s -> Plots.chroma(signal, s));
        for (int[] size : new int[][] {{640, 320}, {PlotStyle.MIN_WIDTH, PlotStyle.MIN_HEIGHT}, {1200, 700}}) {
            PlotStyle style = PlotStyle.builder().size(size[0], size[1]).build();
            for (Function<PlotStyle, BufferedImage> plot : plots) {
                BufferedImage image = plot.apply(style);
                assertEquals(size[0], image.getWidth());
                assertEquals(size[1], image.getHeight());
                assertTrue(Images.distinctColours(image) > 20, "too few colours: " + Images.distinctColours(image));
                assertTrue(Images.lightnessVariance(image) > 50, "nearly uniform image");
            }
        }
    }

    @Test
    void spectrogramOfAToneIsBrightestAtTheTonesFrequency() {
        for (double hz : new double[] {440, 1000, 3150, 6500}) {
            StftConfig stft = StftConfig.DEFAULT;
            Matrix magnitude = Stft.magnitude(tone(hz, 1).samplesView(), stft);
            Figure f = Plots.spectrogramFigure(magnitude, SR, stft.hopLength(), null, PlotStyle.DEFAULT);
            int row = Images.brightestRow(f.image, f.plot);
            double found = f.yValueAt(row);
            double tolerance = SR / 2.0 / f.plot.height + SR / (double) stft.nFft();
            assertEquals(hz, found, tolerance, "bright row of a " + hz + " Hz tone");
        }
    }

    @Test
    void melSpectrogramOfAToneIsBrightestAtTheTonesMelPosition() {
        MelConfig mel = MelConfig.DEFAULT;
        for (double hz : new double[] {300, 1000, 4000}) {
            Matrix power = dev.ser.core.dsp.MelSpectrogram.compute(tone(hz, 1).samplesView(), SR);
            Figure f = Plots.melFigure(power, SR, StftConfig.DEFAULT.hopLength(), mel, null, PlotStyle.DEFAULT);
            int row = Images.brightestRow(f.image, f.plot);
            double foundHz = MelScale.melToHz(f.yValueAt(row));
            // one mel band either side: the band spacing at hz, in Hz
            double bandMel = (MelScale.hzToMel(SR / 2.0) - MelScale.hzToMel(0)) / (mel.nMels() + 1);
            double bandHz = MelScale.melToHz(MelScale.hzToMel(hz) + bandMel) - hz;
            assertEquals(hz, foundHz, 2 * bandHz + 1, "bright mel row of a " + hz + " Hz tone");
        }
    }

    @Test
    void theColourBarRunsFromDarkToBrightWithManyColours() {
        Figure f = Plots.spectrogramFigure(Stft.magnitude(speechLike().samplesView(), StftConfig.DEFAULT), SR, 512,
                null, SMALL);
        Rectangle bar = f.colorBar;
        assertNotNull(bar);
        assertTrue(bar.x > f.plot.x + f.plot.width && bar.x + bar.width < SMALL.width(), "bar right of the plot");
        int x = bar.x + bar.width / 2;
        double previous = Double.NEGATIVE_INFINITY;
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = bar.y + bar.height - 1; y >= bar.y; y--) {
            int rgb = f.image.getRGB(x, y) & 0xFFFFFF;
            double l = Srgb.lightness(rgb);
            assertTrue(l >= previous - 1e-9, "lightness falls at row " + y);
            previous = l;
            colours.add(rgb);
        }
        assertTrue(colours.size() > 100, "only " + colours.size() + " colours in the bar");
        double bottom = Srgb.lightness(f.image.getRGB(x, bar.y + bar.height - 1) & 0xFFFFFF);
        double top = Srgb.lightness(f.image.getRGB(x, bar.y) & 0xFFFFFF);
        assertTrue(top - bottom > 60, "bar spans " + bottom + " to " + top + " L*");
    }

    @Test
    void sameInputGivesIdenticalPngBytes() throws IOException {
        AudioSignal signal = speechLike();
        byte[] first = Plots.pngBytes(Plots.melSpectrogram(signal, SMALL));
        byte[] second = Plots.pngBytes(Plots.melSpectrogram(signal, SMALL));
        assertArrayEquals(first, second);
        Path file = dir.resolve("sub/dir/mel.png");
        Plots.writePng(Plots.melSpectrogram(signal, SMALL), file);
        assertArrayEquals(first, Files.readAllBytes(file));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(first));
        assertEquals(SMALL.width(), back.getWidth());
        assertEquals(SMALL.height(), back.getHeight());
        assertArrayEquals(Plots.pngBytes(Plots.waveform(signal, SMALL)), Plots.pngBytes(Plots.waveform(signal, SMALL)));
    }

    @Test
    void chromaRowsAreLabelledAndColouredOnAFixedScale() {
        // a chroma matrix with one lit pitch class per half: its two rows must be the brightest colour
        Matrix chroma = new Matrix(12, 40);
        for (int c = 0; c < 40; c++) {
            chroma.set(c < 20 ? 0 : 9, c, 1.0);
        }
        BufferedImage image = Plots.chroma(chroma, SR, 512, null, SMALL);
        int top = ColorMap.PERCEPTUAL.rgb(1);
        int bottom = ColorMap.PERCEPTUAL.rgb(0);
        int topPixels = Images.count(image, top);
        int bottomPixels = Images.count(image, bottom);
        // in the plot 1 of 12 rows is lit at each time; the colour bar adds a few rows of each
        assertTrue(bottomPixels > 8 * topPixels, topPixels + " lit vs " + bottomPixels + " dark pixels");
        assertTrue(topPixels > 100);
    }

    @Test
    void confusionCellsAreColouredByTheirShareOfTheRow() {
        ConfusionMatrix cm = new ConfusionMatrix(List.of("angry", "happy", "sad"),
                new long[][] {{10, 0, 0}, {0, 5, 5}, {0, 0, 1}});
        Figure f = Plots.confusionFigure(cm, null, PlotStyle.builder().size(600, 500).build());
        assertEquals(600, f.image.getWidth());
        assertEquals(500, f.image.getHeight());
        assertEquals(f.plot.width, f.plot.height, "square cells");
        assertEquals(ColorMap.PERCEPTUAL.rgb(1), cellColour(f, 0, 0));
        assertEquals(ColorMap.PERCEPTUAL.rgb(0), cellColour(f, 0, 1));
        assertEquals(ColorMap.PERCEPTUAL.rgb(0.5), cellColour(f, 1, 2));
        assertEquals(ColorMap.PERCEPTUAL.rgb(1), cellColour(f, 2, 2), "a class of 1 is as bright as a class of 10");
        assertNotNull(f.colorBar);
    }

    /** The colour near the top-left corner of a cell, away from its centred text. */
    private static int cellColour(Figure f, int truth, int predicted) {
        int x = (int) Math.round(f.xPixel(predicted - 0.5)) + 3;
        int y = (int) Math.round(Math.min(f.yPixel(truth - 0.5), f.yPixel(truth + 0.5))) + 3;
        return f.image.getRGB(x, y) & 0xFFFFFF;
    }

    @Test
    void lossCurveDrawsValidationOnlyWhenGiven() {
        double[] loss = {2.0, 1.2, 0.9, 0.7, 0.6, 0.55, 0.52};
        double[] val = {0.3, 0.45, 0.5, 0.6, 0.62, 0.65, 0.66};
        BufferedImage both = Plots.lossCurve(loss, val, SMALL);
        BufferedImage lossOnly = Plots.lossCurve(loss, null, SMALL);
        assertEquals(SMALL.width(), both.getWidth());
        assertEquals(SMALL.height(), both.getHeight());
        int orange = 0xD9731A;
        int blue = 0x2E5E8C;
        assertTrue(Images.count(both, orange) > 50, "validation curve drawn");
        assertTrue(Images.count(both, blue) > 50, "loss curve drawn");
        assertEquals(0, Images.count(lossOnly, orange), "no validation curve without scores");
        assertTrue(Images.count(Plots.lossCurve(new double[] {1.0}, new double[0], SMALL), blue) > 0,
                "a single epoch still shows its point");
        assertThrows(IllegalArgumentException.class, () -> Plots.lossCurve(new double[0], null, SMALL));
    }

    @Test
    void waveformsOfAnyLengthShowTheirSamples() {
        // fewer samples than pixel columns (a line through them) and many more (a min-max envelope)
        for (int n : new int[] {2, 50, 639, 640, 5000, 200_000}) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = 0.8 * Math.sin(2 * Math.PI * 3 * i / n);
            }
            BufferedImage image = Plots.waveform(AudioSignal.wrap(y, SR), SMALL);
            assertTrue(Images.count(image, 0x2E5E8C) > 20, "waveform colour missing for " + n + " samples");
        }
        // silence: a flat line at zero, no division by a zero peak
        assertEquals(SMALL.width(), Plots.waveform(AudioSignal.wrap(new double[1000], SR), SMALL).getWidth());
    }

    @Test
    void emptyInputsAreRefusedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.mfcc(new Matrix(40, 0), SR, 512, null, SMALL));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Plots.confusionMatrix(new ConfusionMatrix(List.of(), new long[0][0]), SMALL));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.melSpectrogram(new Matrix(64, 10), SR, 512, MelConfig.DEFAULT, null, SMALL));
    }

    @Test
    void styleValidatesSizesAndFonts() {
        assertEquals(1000, PlotStyle.DEFAULT.width());
        assertEquals(450, PlotStyle.builder().build().height());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlotStyle.builder().width(100).build());
        assertTrue(e.getMessage().contains("width"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlotStyle.builder().tickFontSize(200).build());
        // fonts too large for the image: a clear error rather than a garbled plot
        PlotStyle crowded = PlotStyle.builder().size(PlotStyle.MIN_WIDTH, PlotStyle.MIN_HEIGHT).labelFontSize(60)
                .tickFontSize(40).build();
        e = assertThrows(IllegalArgumentException.class, () -> Plots.waveform(tone(100, 0.1), crowded));
        assertTrue(e.getMessage().contains("no room"), e.getMessage());
    }
}
