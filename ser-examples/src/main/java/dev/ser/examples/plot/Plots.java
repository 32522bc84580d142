package dev.ser.examples.plot;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.dsp.DecibelConfig;
import dev.ser.core.dsp.Decibels;
import dev.ser.core.dsp.MelConfig;
import dev.ser.core.dsp.MelScale;
import dev.ser.core.dsp.Matrix;
import dev.ser.core.dsp.Stft;
import dev.ser.core.dsp.StftConfig;
import dev.ser.features.Feature;
import dev.ser.features.FeatureConfig;
import dev.ser.features.FeatureExtractor;
import dev.ser.models.eval.ConfusionMatrix;
import dev.ser.models.mlp.MlpModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Plots of audio, features and model results as images: waveform, spectrograms, MFCC, chroma,
 * confusion matrix and training curves, drawn with Java2D into {@link BufferedImage}s (RGB) and
 * written as PNG by {@link #writePng}.
 *
 * <p>Everything runs headless: loading this class sets {@code java.awt.headless=true} unless the
 * application chose otherwise, and no window system is touched either way. The same input and
 * style always give the same pixels and the same PNG bytes. Images (spectrograms, matrices) are
 * written into the raster a row at a time, so a plot takes milliseconds.
 *
 * <p>Methods that take a feature matrix expect librosa's orientation (rows = bins or coefficients,
 * columns = frames) and the sample rate and hop length that produced it, to label the time axis in
 * seconds. A {@code title} of {@code null} gives the default title.
 */
public final class Plots {
    /** The pitch classes of a 12-bin chromagram, from C as librosa orders them. */
    public static final List<String> PITCH_CLASSES =
            List.of("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B");
    /** Frequencies (Hz) offered as ticks on a mel axis; crowded ones are left out. */
    private static final double[] MEL_TICKS_HZ = {0, 250, 500, 1000, 2000, 3000, 4000, 6000, 8000, 12000, 16000, 24000};
    private static final double TOP_DB = 80.0;
    private static final int WAVE_COLOR = 0x2E5E8C;
    private static final Color LOSS_COLOR = new Color(0x2E5E8C);
    private static final Color VALIDATION_COLOR = new Color(0xD9731A);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Plots() {
    }

    // ---------------------------------------------------------------- waveform

    /** {@link #waveform(AudioSignal, String, PlotStyle)} titled "Waveform". */
    public static BufferedImage waveform(AudioSignal signal, PlotStyle style) {
        return waveform(signal, null, style);
    }

    /**
     * Amplitude against time in seconds: for each pixel column the range (minimum to maximum) of
     * the samples it covers, so that no peak is lost however long the signal. The amplitude axis
     * is symmetric and just wider than the largest absolute sample.
     */
    public static BufferedImage waveform(AudioSignal signal, String title, PlotStyle style) {
        double[] y = signal.samplesView();
        double peak = 0;
        for (double v : y) {
            if (Math.abs(v) > peak) {
                peak = Math.abs(v);
            }
        }
        double limit = peak > 0 && Double.isFinite(peak) ? peak * 1.08 : 1.0;
        double seconds = Math.max(1, y.length) / (double) signal.sampleRate();
        Figure f = new Figure(style, titleOr(title, "Waveform"), Axis.linear("Time (s)", 0, seconds),
                Axis.linear("Amplitude", -limit, limit), null, null, false);
        f.drawGrid();
        int zero = (int) Math.round(f.yPixel(0));
        f.g.setColor(Figure.FRAME);
        f.g.drawLine(f.plot.x, zero, f.plot.x + f.plot.width - 1, zero);
        if (y.length >= f.plot.width) {
            paintEnvelope(f, y, limit);
        } else {
            traceSamples(f, y, signal.sampleRate());
        }
        return f.finish();
    }

    /** One vertical span per pixel column, from the lowest to the highest sample it covers. */
    private static void paintEnvelope(Figure f, double[] y, double limit) {
        if (y.length == 0) {
            return;
        }
        Rectangle p = f.plot;
        int[] pixels = ((DataBufferInt) f.image.getRaster().getDataBuffer()).getData();
        int stride = f.image.getWidth();
        for (int px = 0; px < p.width; px++) {
            int from = (int) ((long) px * y.length / p.width);
            int to = Math.max(from + 1, (int) ((long) (px + 1) * y.length / p.width));
            // include the previous column's last sample so that sparse samples join up
            double lo = y[Math.max(0, from - 1)];
            double hi = lo;
            for (int i = from; i < to; i++) {
                lo = Math.min(lo, y[i]);
                hi = Math.max(hi, y[i]);
            }
            int top = clampRow(p, f.yPixel(Math.min(hi, limit)));
            int bottom = clampRow(p, f.yPixel(Math.max(lo, -limit)));
            for (int py = top; py <= bottom; py++) {
                pixels[py * stride + p.x + px] = WAVE_COLOR;
            }
        }
    }

    /** Fewer samples than pixel columns: a smooth line through the samples reads better than steps. */
    private static void traceSamples(Figure f, double[] y, int sampleRate) {
        if (y.length == 0) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(f.xPixel(0), f.yPixel(y[0]));
        for (int i = 1; i < y.length; i++) {
            path.lineTo(f.xPixel((double) i / sampleRate), f.yPixel(y[i]));
        }
        f.g.setClip(f.plot);
        f.smoothCurves(true);
        f.g.setColor(new Color(WAVE_COLOR));
        f.g.setStroke(new BasicStroke(1.5f));
        f.g.draw(path);
        f.smoothCurves(false);
        f.g.setStroke(new BasicStroke(1f));
        f.g.setClip(null);
    }

    private static int clampRow(Rectangle p, double py) {
        return Math.min(p.y + p.height - 1, Math.max(p.y, (int) Math.floor(py)));
    }

    // ---------------------------------------------------------------- spectrograms

    /** Linear-frequency spectrogram with librosa's STFT defaults (n_fft 2048, hop 512, Hann). */
    public static BufferedImage spectrogram(AudioSignal signal, PlotStyle style) {
        return spectrogram(signal, StftConfig.DEFAULT, null, style);
    }

    /** Linear-frequency spectrogram of {@code signal} computed with {@code stft}. */
    public static BufferedImage spectrogram(AudioSignal signal, StftConfig stft, String title, PlotStyle style) {
        Matrix magnitude = Stft.magnitude(signal.samplesView(), stft);
        return spectrogram(magnitude, signal.sampleRate(), stft.hopLength(), title, style);
    }

    /**
     * A magnitude spectrogram ({@code 1 + n_fft/2} bins by frames) in dB relative to its maximum
     * ({@code amplitude_to_db(S, ref=np.max)}, 80 dB range) on a linear frequency axis in Hz.
     */
    public static BufferedImage spectrogram(Matrix magnitude, int sampleRate, int hopLength, String title,
                                            PlotStyle style) {
        return spectrogramFigure(magnitude, sampleRate, hopLength, title, style).image;
    }

    /** The finished figure behind {@link #spectrogram(Matrix, int, int, String, PlotStyle)} (layout for tests). */
    static Figure spectrogramFigure(Matrix magnitude, int sampleRate, int hopLength, String title, PlotStyle style) {
        requireFrames(magnitude, "spectrogram");
        if (magnitude.rows() < 2) {
            throw new IllegalArgumentException("a spectrogram needs at least 2 frequency bins, got " + magnitude.rows());
        }
        Matrix db = Decibels.amplitudeToDb(magnitude, DecibelConfig.AMPLITUDE_DEFAULT.toBuilder().refMax().build());
        double binHz = sampleRate / (2.0 * (magnitude.rows() - 1));
        Axis freq = Axis.linear("Frequency (Hz)", -binHz / 2, (magnitude.rows() - 0.5) * binHz);
        return image(db, freq, timeAxis(magnitude, sampleRate, hopLength), "Level (dB re max)",
                titleOr(title, "Spectrogram"), style);
    }

    /** Mel spectrogram with the classic feature settings (128 bands, n_fft 2048, hop 512). */
    public static BufferedImage melSpectrogram(AudioSignal signal, PlotStyle style) {
        FeatureConfig config = FeatureConfig.builder().features(Feature.MEL).build();
        Matrix mel = FeatureExtractor.create(config).extract(signal).frames(Feature.MEL);
        return melSpectrogram(mel, signal.sampleRate(), config.stft().hopLength(), melConfig(config), null, style);
    }

    /**
     * A mel power spectrogram (bands by frames, as {@code librosa.feature.melspectrogram}) in dB
     * relative to its maximum ({@code power_to_db(S, ref=np.max)}, 80 dB range). The vertical axis
     * is the mel scale of {@code mel} (its {@code fMin}, {@code fMax} and {@code htk}), labelled in Hz.
     */
    public static BufferedImage melSpectrogram(Matrix melPower, int sampleRate, int hopLength, MelConfig mel,
                                               String title, PlotStyle style) {
        return melFigure(melPower, sampleRate, hopLength, mel, title, style).image;
    }

    static Figure melFigure(Matrix melPower, int sampleRate, int hopLength, MelConfig mel, String title,
                            PlotStyle style) {
        requireFrames(melPower, "mel spectrogram");
        if (melPower.rows() != mel.nMels()) {
            throw new IllegalArgumentException("the mel spectrogram has " + melPower.rows() + " bands but the mel"
                    + " configuration " + mel.nMels());
        }
        Matrix db = Decibels.powerToDb(melPower, DecibelConfig.POWER_DEFAULT.toBuilder().refMax().build());
        double low = MelScale.hzToMel(mel.fMin(), mel.htk());
        double high = MelScale.hzToMel(mel.fMaxAt(sampleRate), mel.htk());
        List<Axis.Tick> ticks = new ArrayList<>();
        for (double hz : MEL_TICKS_HZ) {
            ticks.add(new Axis.Tick(MelScale.hzToMel(hz, mel.htk()), Ticks.format(hz, 0)));
        }
        Axis axis = Axis.fixed("Frequency (Hz, mel scale)", low, high, ticks);
        return image(db, axis, timeAxis(melPower, sampleRate, hopLength), "Power (dB re max)",
                titleOr(title, "Mel spectrogram"), style);
    }

    // ---------------------------------------------------------------- MFCC and chroma

    /** MFCC with the classic feature settings (40 coefficients from 128 mel bands). */
    public static BufferedImage mfcc(AudioSignal signal, PlotStyle style) {
        FeatureConfig config = FeatureConfig.builder().features(Feature.MFCC).build();
        Matrix m = FeatureExtractor.create(config).extract(signal).frames(Feature.MFCC);
        return mfcc(m, signal.sampleRate(), config.stft().hopLength(), null, style);
    }

    /**
     * MFCC (coefficients by frames) as an image, coefficient 0 at the bottom. The colour range is
     * that of coefficients 1 and up: coefficient 0 (overall loudness) is an order of magnitude
     * larger and would otherwise leave the rest in one colour; its values outside the range show
     * in the end colours, and the colour-bar label then says "c0 clipped".
     */
    public static BufferedImage mfcc(Matrix mfcc, int sampleRate, int hopLength, String title, PlotStyle style) {
        requireFrames(mfcc, "MFCC");
        double[] range = mfcc.rows() > 1 ? finiteRange(mfcc, mfcc.cols()) : finiteRange(mfcc, 0);
        double[] all = finiteRange(mfcc, 0);
        // say so on the colour bar when coefficient 0 lies outside the colours
        String unit = all[0] < range[0] || all[1] > range[1] ? "Value (DCT of dB mel; c0 clipped)" : "Value (DCT of dB mel)";
        Axis coefficients = Axis.integers("MFCC coefficient", -0.5, mfcc.rows() - 0.5);
        return image(mfcc, coefficients, timeAxis(mfcc, sampleRate, hopLength), range[0], range[1], unit,
                titleOr(title, "MFCC"), style).image;
    }

    /** Chromagram with the classic feature settings ({@code chroma_stft} of the magnitude STFT). */
    public static BufferedImage chroma(AudioSignal signal, PlotStyle style) {
        FeatureConfig config = FeatureConfig.builder().features(Feature.CHROMA).build();
        Matrix m = FeatureExtractor.create(config).extract(signal).frames(Feature.CHROMA);
        return chroma(m, signal.sampleRate(), config.stft().hopLength(), null, style);
    }

    /**
     * A chromagram (pitch classes by frames, each frame's maximum 1) with the colour range fixed
     * to [0, 1]; 12 rows are labelled C to B, other sizes by bin number.
     */
    public static BufferedImage chroma(Matrix chroma, int sampleRate, int hopLength, String title, PlotStyle style) {
        requireFrames(chroma, "chromagram");
        Axis pitch;
        if (chroma.rows() == PITCH_CLASSES.size()) {
            List<Axis.Tick> ticks = new ArrayList<>();
            for (int i = 0; i < PITCH_CLASSES.size(); i++) {
                ticks.add(new Axis.Tick(i, PITCH_CLASSES.get(i)));
            }
            pitch = Axis.fixed("Pitch class", -0.5, chroma.rows() - 0.5, ticks);
        } else {
            pitch = Axis.integers("Chroma bin", -0.5, chroma.rows() - 0.5);
        }
        return image(chroma, pitch, timeAxis(chroma, sampleRate, hopLength), 0, 1,
                "Relative energy (frame max = 1)", titleOr(title, "Chromagram"), style).image;
    }

    // ---------------------------------------------------------------- shared image path

    private static Figure image(Matrix values, Axis yAxis, Axis time, String unit, String title, PlotStyle style) {
        double[] range = finiteRange(values, 0);
        return image(values, yAxis, time, range[0], range[1], unit, title, style);
    }

    private static Figure image(Matrix values, Axis yAxis, Axis time, double lo, double hi, String unit,
                                String title, PlotStyle style) {
        Axis bar = Axis.linear(unit, lo, hi > lo ? hi : lo + 1);
        Figure f = new Figure(style, title, time, yAxis, null, bar, false);
        Heatmap.paint(f.image, f.plot, values, bar.lo(), bar.hi(), style.colorMap());
        f.finish();
        return f;
    }

    private static Axis timeAxis(Matrix frames, int sampleRate, int hopLength) {
        if (sampleRate <= 0 || hopLength <= 0) {
            throw new IllegalArgumentException("sample rate and hop length must be positive, got " + sampleRate
                    + " Hz and " + hopLength);
        }
        return Axis.linear("Time (s)", 0, frames.cols() * (double) hopLength / sampleRate);
    }

    /** Minimum and maximum of the finite values from index {@code from} on (0 and 1 if there are none). */
    private static double[] finiteRange(Matrix m, int from) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] d = m.data();
        for (int i = from; i < d.length; i++) {
            if (Double.isFinite(d[i])) {
                lo = Math.min(lo, d[i]);
                hi = Math.max(hi, d[i]);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }

    private static void requireFrames(Matrix m, String what) {
        Objects.requireNonNull(m, what);
        if (m.rows() == 0 || m.cols() == 0) {
            throw new IllegalArgumentException("the " + what + " is empty (" + m.rows() + "x" + m.cols() + ")");
        }
    }

    /** The mel filter-bank settings behind a feature configuration's MEL and MFCC. */
    static MelConfig melConfig(FeatureConfig c) {
        return MelConfig.builder().nMels(c.nMels()).fMin(c.fmin()).fMax(c.fmax() == 0 ? null : c.fmax())
                .htk(c.htk()).build();
    }

    // ---------------------------------------------------------------- confusion matrix

    /** {@link #confusionMatrix(ConfusionMatrix, String, PlotStyle)} titled "Confusion matrix". */
    public static BufferedImage confusionMatrix(ConfusionMatrix matrix, PlotStyle style) {
        return confusionMatrix(matrix, null, style);
    }

    /**
     * The confusion matrix: true classes down, predicted classes across, each cell showing its
     * count (and its share of the row when there is room) and coloured by that share, so that
     * classes of different sizes compare. The title ends with the accuracy, UAR and total count.
     */
    public static BufferedImage confusionMatrix(ConfusionMatrix matrix, String title, PlotStyle style) {
        return confusionFigure(matrix, title, style).image;
    }

    static Figure confusionFigure(ConfusionMatrix matrix, String title, PlotStyle style) {
        List<String> labels = matrix.labels();
        int k = labels.size();
        if (k == 0) {
            throw new IllegalArgumentException("the confusion matrix has no classes");
        }
        String full = String.format(Locale.ROOT, "%s \u2014 accuracy %.1f %%, UAR %.1f %% (n = %d)",
                titleOr(title, "Confusion matrix"), 100 * matrix.accuracy(), 100 * matrix.uar(), matrix.total());
        Figure f = new Figure(style, full, Axis.categories("Predicted class", labels, false),
                Axis.categories("True class", labels, true), null, Axis.linear("Fraction of true class", 0, 1), true);
        FontMetrics fm = f.g.getFontMetrics(style.tickFont());
        FontMetrics small = f.g.getFontMetrics(style.tickFont().deriveFont(style.tickFontSize() * 0.85f));
        int[] table = style.colorMap().table();
        for (int t = 0; t < k; t++) {
            long support = matrix.support(t);
            for (int p = 0; p < k; p++) {
                long count = matrix.count(t, p);
                double share = support == 0 ? 0 : (double) count / support;
                int x0 = (int) Math.round(f.xPixel(p - 0.5));
                int x1 = (int) Math.round(f.xPixel(p + 0.5));
                int y0 = (int) Math.round(f.yPixel(t - 0.5));
                int y1 = (int) Math.round(f.yPixel(t + 0.5));
                Rectangle cell = new Rectangle(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
                int rgb = table[ColorMap.index(share)];
                f.g.setColor(new Color(rgb));
                f.g.fillRect(cell.x, cell.y, cell.width, cell.height);
                cellText(f, cell, rgb, Long.toString(count), String.format(Locale.ROOT, "%.0f %%", 100 * share), fm, small);
            }
        }
        f.finish();
        return f;
    }

    /** The count, with the row share below it when the cell is tall enough; light text on dark cells. */
    private static void cellText(Figure f, Rectangle cell, int rgb, String count, String share, FontMetrics fm,
                                 FontMetrics small) {
        if (fm.stringWidth(count) > cell.width - 2 || fm.getAscent() > cell.height - 2) {
            return;
        }
        f.g.setColor(Srgb.lightness(rgb) < 60 ? Color.WHITE : Figure.TEXT);
        boolean both = fm.getAscent() + small.getAscent() + 6 <= cell.height && small.stringWidth(share) <= cell.width - 2;
        f.g.setFont(fm.getFont());
        if (!both) {
            f.text(count, cell.getCenterX(), cell.getCenterY(), 0.5, 0.5);
            return;
        }
        double lineGap = 2;
        double block = fm.getAscent() + fm.getDescent() + lineGap + small.getAscent() + small.getDescent();
        double top = cell.getCenterY() - block / 2;
        f.text(count, cell.getCenterX(), top, 0.5, 0);
        f.g.setFont(small.getFont());
        f.text(share, cell.getCenterX(), top + fm.getAscent() + fm.getDescent() + lineGap, 0.5, 0);
    }

    // ---------------------------------------------------------------- training curves

    /** The loss curve and (with early stopping) validation scores of a trained MLP. */
    public static BufferedImage lossCurve(MlpModel.History history, PlotStyle style) {
        return lossCurve(history.lossCurve(), history.validationScores(), null, style);
    }

    /** {@link #lossCurve(double[], double[], String, PlotStyle)} titled "Training". */
    public static BufferedImage lossCurve(double[] loss, double[] validation, PlotStyle style) {
        return lossCurve(loss, validation, null, style);
    }

    /**
     * Training loss per epoch (left axis) and, when {@code validation} is non-null and non-empty,
     * the validation score per epoch (right axis), epochs numbered from 1. Non-finite values leave
     * gaps in the curves.
     *
     * @param loss       mean training loss of each epoch, at least one value
     * @param validation validation score of each epoch (e.g. accuracy in [0, 1]), or null
     */
    public static BufferedImage lossCurve(double[] loss, double[] validation, String title, PlotStyle style) {
        if (loss.length == 0) {
            throw new IllegalArgumentException("the loss curve is empty: no epochs to plot");
        }
        boolean withValidation = validation != null && validation.length > 0;
        int epochs = Math.max(loss.length, withValidation ? validation.length : 0);
        Axis x = epochs == 1 ? Axis.integers("Epoch", 0.5, 1.5) : Axis.integers("Epoch", 1, epochs);
        Axis y = padded("Training loss", loss);
        Axis right = withValidation ? padded("Validation score", validation) : null;
        Figure f = new Figure(style, titleOr(title, "Training"), x, y, right, null, false);
        f.drawGrid();
        f.g.setClip(f.plot.x - 4, f.plot.y - 4, f.plot.width + 8, f.plot.height + 8);
        f.smoothCurves(true);
        curve(f, loss, LOSS_COLOR, false);
        if (withValidation) {
            curve(f, validation, VALIDATION_COLOR, true);
        }
        f.smoothCurves(false);
        f.g.setClip(null);
        legend(f, loss, withValidation ? validation : null);
        return f.finish();
    }

    private static Axis padded(String label, double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(lo <= hi)) {
            return Axis.linear(label, 0, 1);
        }
        double margin = hi > lo ? 0.05 * (hi - lo) : Math.max(0.05 * Math.abs(hi), 0.5);
        return Axis.linear(label, lo - margin, hi + margin);
    }

    private static void curve(Figure f, double[] values, Color color, boolean rightAxis) {
        Path2D.Double path = new Path2D.Double();
        boolean drawing = false;
        boolean markers = values.length <= 60;
        double radius = Math.max(2.5, f.style.tickFontSize() / 4.0);
        f.g.setColor(color);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                drawing = false;
                continue;
            }
            double px = f.xPixel(i + 1);
            double py = rightAxis ? f.rightPixel(values[i]) : f.yPixel(values[i]);
            if (drawing) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                drawing = true;
            }
            if (markers) {
                f.g.fill(new Ellipse2D.Double(px - radius, py - radius, 2 * radius, 2 * radius));
            }
        }
        f.g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        f.g.draw(path);
        f.g.setStroke(new BasicStroke(1f));
    }

    /**
     * A legend box in the place, among eight around the edge of the plot, that hides the fewest
     * points of the curves (sampled along each segment, so sparse curves count too).
     */
    private static void legend(Figure f, double[] loss, double[] validation) {
        f.g.setFont(f.style.tickFont());
        FontMetrics fm = f.g.getFontMetrics();
        String[] names = validation != null ? new String[] {"training loss", "validation score"}
                : new String[] {"training loss"};
        Color[] colors = {LOSS_COLOR, VALIDATION_COLOR};
        int swatch = fm.getHeight() * 2;
        int w = 0;
        for (String n : names) {
            w = Math.max(w, fm.stringWidth(n));
        }
        int boxW = swatch + w + 18;
        int boxH = names.length * fm.getHeight() + 8;
        Rectangle box = legendPlace(f, boxW, boxH, loss, validation);
        f.g.setColor(Color.WHITE);
        f.g.fillRect(box.x, box.y, boxW, boxH);
        f.g.setColor(Figure.GRID.darker());
        f.g.drawRect(box.x, box.y, boxW, boxH);
        for (int i = 0; i < names.length; i++) {
            int cy = box.y + 4 + i * fm.getHeight() + fm.getHeight() / 2;
            f.g.setColor(colors[i]);
            f.g.setStroke(new BasicStroke(2f));
            f.g.drawLine(box.x + 6, cy, box.x + 6 + swatch, cy);
            f.g.setStroke(new BasicStroke(1f));
            f.g.setColor(Figure.TEXT);
            f.text(names[i], box.x + 12 + swatch, cy, 0, 0.5);
        }
    }

    private static Rectangle legendPlace(Figure f, int boxW, int boxH, double[] loss, double[] validation) {
        Rectangle p = f.plot;
        int m = 8;
        int[] xs = {p.x + p.width - boxW - m, p.x + m, p.x + (p.width - boxW) / 2};
        int[] ys = {p.y + m, p.y + p.height - boxH - m, p.y + (p.height - boxH) / 2};
        Rectangle best = null;
        int fewest = Integer.MAX_VALUE;
        for (int[] place : new int[][] {{0, 0}, {0, 2}, {0, 1}, {1, 0}, {1, 2}, {1, 1}, {2, 0}, {2, 1}}) {
            Rectangle r = new Rectangle(xs[place[0]], ys[place[1]], boxW, boxH);
            int hidden = hiddenPoints(f, r, loss, false) + (validation == null ? 0 : hiddenPoints(f, r, validation, true));
            if (hidden < fewest) {
                fewest = hidden;
                best = r;
            }
        }
        return best;
    }

    private static int hiddenPoints(Figure f, Rectangle r, double[] values, boolean rightAxis) {
        int hidden = 0;
        for (int i = 1; i < values.length; i++) {
            if (!Double.isFinite(values[i - 1]) || !Double.isFinite(values[i])) {
                continue;
            }
            for (int s = 0; s <= 8; s++) {
                double t = s / 8.0;
                double v = values[i - 1] + t * (values[i] - values[i - 1]);
                double px = f.xPixel(i + t);
                double py = rightAxis ? f.rightPixel(v) : f.yPixel(v);
                if (r.contains(px, py)) {
                    hidden++;
                }
            }
        }
        return hidden;
    }

    // ---------------------------------------------------------------- output

    /** Writes {@code image} as a PNG file (maximum compression), creating missing parent directories. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            writePng(image, out);
        } catch (IOException e) {
            throw new IOException(file + ": cannot write the PNG: " + e.getMessage(), e);
        }
    }

    /** The PNG encoding of {@code image}; identical images give identical bytes. */
    public static byte[] pngBytes(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writePng(image, out);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed in memory", e);
        }
        return out.toByteArray();
    }

    private static void writePng(BufferedImage image, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0f); // smallest file; encoding is still fast at these sizes
            }
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static String titleOr(String title, String fallback) {
        return title == null ? fallback : title;
    }
}
