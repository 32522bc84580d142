package dev.ser.examples;

import dev.ser.features.Feature;
import dev.ser.features.FeatureConfig;
import dev.ser.features.FeatureExtractor;
import dev.ser.features.FeatureVector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ser extract}: the pooled feature vector of each audio file, as a table, CSV or JSON. */
@Command(name = "extract",
        description = {
            "Extract the classic pooled feature vector (mean over frames) of audio files.",
            "Features are the numbers librosa 0.11.0 computes: MFCC(40), CHROMA(12), MEL(128),",
            "CONTRAST(7), TONNETZ(6), concatenated in that order (193 values with all five)."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class ExtractCommand implements Callable<Integer> {
    enum Format { TABLE, CSV, JSON }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files (WAV, AIFF, FLAC; any rate).")
    List<Path> files;

    @Option(names = {"-f", "--features"}, split = ",", paramLabel = "NAME",
            description = "Features to compute (mfcc, chroma, mel, contrast, tonnetz). Default: all five.")
    List<String> features;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "TABLE",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--sample-rate", paramLabel = "HZ", defaultValue = "0",
            description = "Resample every file to this rate first; 0 keeps each file's rate (the classic recipe). Default: ${DEFAULT-VALUE}.")
    int sampleRate;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "Write to this file instead of standard output.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        FeatureConfig.Builder config = FeatureConfig.builder().targetSampleRate(sampleRate);
        if (features != null) {
            EnumSet<Feature> selected = EnumSet.noneOf(Feature.class);
            for (String name : features) {
                try {
                    selected.add(Feature.parse(name.trim()));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
            }
            config.features(selected);
        }
        FeatureExtractor extractor = FeatureExtractor.create(config.build());
        List<Path> done = new ArrayList<>();
        List<FeatureVector> vectors = new ArrayList<>();
        int failures = 0;
        for (Path file : files) {
            try {
                vectors.add(extractor.extract(file).pooled());
                done.add(file);
            } catch (IOException | RuntimeException e) {
                failures++;
                spec.commandLine().getErr().println("ser extract: " + file + ": " + e.getMessage());
            }
        }
        try (PrintWriter out = output == null ? spec.commandLine().getOut()
                : new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            write(out, done, vectors);
        }
        return failures == 0 ? 0 : SerCli.EXIT_INPUT_FAILED;
    }

    private void write(PrintWriter out, List<Path> paths, List<FeatureVector> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        List<String> columns = vectors.get(0).layout().columnNames();
        switch (format) {
            case CSV -> {
                out.println("file," + String.join(",", columns));
                for (int i = 0; i < vectors.size(); i++) {
                    StringBuilder row = new StringBuilder(csvQuote(paths.get(i).toString()));
                    for (int c = 0; c < columns.size(); c++) {
                        row.append(',').append(num(vectors.get(i).get(c)));
                    }
                    out.println(row);
                }
            }
            case JSON -> {
                out.println("[");
                for (int i = 0; i < vectors.size(); i++) {
                    StringBuilder o = new StringBuilder("  {\"file\": ").append(JsonText.string(paths.get(i).toString()))
                            .append(", \"features\": {");
                    for (int c = 0; c < columns.size(); c++) {
                        o.append(c == 0 ? "" : ", ").append(JsonText.string(columns.get(c))).append(": ")
                                .append(JsonText.number(vectors.get(i).get(c)));
                    }
                    out.println(o.append("}}").append(i + 1 < vectors.size() ? "," : ""));
                }
                out.println("]");
            }
            default -> {
                for (int i = 0; i < vectors.size(); i++) {
                    out.printf(Locale.ROOT, "%s (%d values)%n", paths.get(i), vectors.get(i).size());
                    for (int c = 0; c < columns.size(); c++) {
                        out.printf(Locale.ROOT, "  %-12s %14.6f%n", columns.get(c), vectors.get(i).get(c));
                    }
                }
            }
        }
    }

    /** Numbers as Java prints them (NaN and Infinity included) for the table and CSV. */
    private static String num(double v) {
        return Double.toString(v);
    }

    private static String csvQuote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
