package dev.ser.examples.plot;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.dsp.StftConfig;
import dev.ser.features.Feature;
import dev.ser.features.FeatureConfig;
import dev.ser.features.FeatureExtractor;
import dev.ser.features.FeatureResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ser plot KIND FILE...}: PNG plots of audio files (waveform, spectrograms, MFCC, chroma)
 * or of CSV tables (confusion matrix, training curves), one image per file and kind, named
 * {@code STEM-KIND.png} in the output directory.
 */
@Command(name = "plot",
        description = {
            "Draw PNG plots of audio files or of result tables.",
            "Audio (WAV, AIFF, FLAC): KIND: waveform, spectrogram, mel, mfcc, chroma, all.",
            "CSV: KIND is confusion (a header of class labels, a row of counts per true",
            "class) or loss (header epoch,loss,validation; a row per epoch).",
            "Each image is written as DIR/STEM-KIND.png, e.g. clip-mel.png."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
public final class PlotCommand implements Callable<Integer> {
    /** What can be plotted. */
    enum Kind {
        WAVEFORM, SPECTROGRAM, MEL, MFCC, CHROMA, ALL, CONFUSION, LOSS;

        static final Set<Kind> AUDIO = EnumSet.of(WAVEFORM, SPECTROGRAM, MEL, MFCC, CHROMA);

        String fileSuffix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    @Parameters(index = "0", paramLabel = "KIND",
            description = "waveform, spectrogram, mel, mfcc, chroma, all, confusion or loss.")
    String kind;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "Audio files, or CSV files for confusion and loss.")
    List<Path> files;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = ".",
            description = "Directory for the images (created if missing). Default: the current directory.")
    Path outputDir;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1000",
            description = "Image width in pixels (" + PlotStyle.MIN_WIDTH + " to " + PlotStyle.MAX_SIZE
                    + "). Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "450",
            description = "Image height in pixels (" + PlotStyle.MIN_HEIGHT + " to " + PlotStyle.MAX_SIZE
                    + "). Default: ${DEFAULT-VALUE}.")
    int height;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Kind selected = parseKind();
        PlotStyle style;
        try {
            style = PlotStyle.builder().size(width, height).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        int failures = 0;
        for (Path file : files) {
            try {
                if (!Files.isRegularFile(file)) {
                    throw new IOException(Files.exists(file) ? "not a regular file" : "no such file");
                }
                for (Path written : plot(selected, file, style)) {
                    spec.commandLine().getOut().println(written);
                }
            } catch (IOException | RuntimeException e) {
                failures++;
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                // most of our messages already start with the file name
                spec.commandLine().getErr().println("ser plot: "
                        + (message.startsWith(file.toString()) ? message : file + ": " + message));
                if (verbose()) {
                    e.printStackTrace(spec.commandLine().getErr());
                }
            }
        }
        spec.commandLine().getOut().flush();
        return failures == 0 ? 0 : 1;
    }

    /** The inherited {@code --verbose} option of {@code ser}. */
    private boolean verbose() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption("--verbose");
    }

    private Kind parseKind() {
        try {
            return Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown plot kind '" + kind
                    + "'; expected waveform, spectrogram, mel, mfcc, chroma, all, confusion or loss");
        }
    }

    private List<Path> plot(Kind selected, Path file, PlotStyle style) throws IOException {
        String name = file.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        List<Path> written = new ArrayList<>();
        if (selected == Kind.CONFUSION) {
            written.add(write(Plots.confusionMatrix(CsvTables.confusion(file), "Confusion matrix: " + name, style),
                    stem, selected));
            return written;
        }
        if (selected == Kind.LOSS) {
            double[][] curves = CsvTables.curves(file);
            written.add(write(Plots.lossCurve(curves[0], curves[1], "Training: " + name, style), stem, selected));
            return written;
        }
        Set<Kind> kinds = selected == Kind.ALL ? Kind.AUDIO : EnumSet.of(selected);
        AudioSignal signal = FeatureExtractor.loadAudio(file, 0);
        Set<Feature> needed = features(kinds);
        FeatureConfig config = needed.isEmpty() ? FeatureConfig.CLASSIC : FeatureConfig.builder().features(needed).build();
        FeatureResult features = needed.isEmpty() ? null : FeatureExtractor.create(config).extract(signal);
        int hop = config.stft().hopLength();
        int sr = signal.sampleRate();
        for (Kind k : kinds) {
            BufferedImage image = switch (k) {
                case WAVEFORM -> Plots.waveform(signal, "Waveform: " + name, style);
                case SPECTROGRAM -> Plots.spectrogram(signal, StftConfig.DEFAULT, "Spectrogram: " + name, style);
                case MEL -> Plots.melSpectrogram(features.frames(Feature.MEL), sr, hop, Plots.melConfig(config),
                        "Mel spectrogram: " + name, style);
                case MFCC -> Plots.mfcc(features.frames(Feature.MFCC), sr, hop, "MFCC: " + name, style);
                case CHROMA -> Plots.chroma(features.frames(Feature.CHROMA), sr, hop, "Chromagram: " + name, style);
                default -> throw new IllegalStateException("not an audio plot: " + k);
            };
            written.add(write(image, stem, k));
        }
        return written;
    }

    /** The features the requested audio plots need (waveform and spectrogram need none). */
    private static Set<Feature> features(Set<Kind> kinds) {
        EnumSet<Feature> needed = EnumSet.noneOf(Feature.class);
        if (kinds.contains(Kind.MEL)) {
            needed.add(Feature.MEL);
        }
        if (kinds.contains(Kind.MFCC)) {
            needed.add(Feature.MFCC);
        }
        if (kinds.contains(Kind.CHROMA)) {
            needed.add(Feature.CHROMA);
        }
        return needed;
    }

    private Path write(BufferedImage image, String stem, Kind k) throws IOException {
        Path out = outputDir.resolve(stem + "-" + k.fileSuffix() + ".png");
        Plots.writePng(image, out);
        return out;
    }
}
