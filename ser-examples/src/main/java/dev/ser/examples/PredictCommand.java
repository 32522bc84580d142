package dev.ser.examples;

import dev.ser.models.recognize.EmotionRecognizer;
import dev.ser.models.recognize.Prediction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ser predict}: the emotion in each audio file, with every label's probability. */
@Command(name = "predict",
        description = {
            "Recognise the emotion in audio files with the bundled default model or a model file.",
            "Prints the most probable emotion and the probability of each one."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class PredictCommand implements Callable<Integer> {
    enum Format { TABLE, JSON }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files (WAV, AIFF, FLAC; any rate).")
    List<Path> files;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "A model file written by 'ser train' or ModelFiles.save. Default: the bundled model.")
    Path model;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "TABLE",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        EmotionRecognizer recognizer = DefaultModel.orFile(model);
        PrintWriter out = spec.commandLine().getOut();
        List<String> json = new ArrayList<>();
        int failures = 0;
        for (Path file : files) {
            try {
                Prediction p = recognizer.recognize(file);
                if (format == Format.JSON) {
                    json.add(toJson(file, p));
                } else {
                    print(out, file, p);
                }
            } catch (IOException | RuntimeException e) {
                failures++;
                spec.commandLine().getErr().println("ser predict: " + file + ": " + e.getMessage());
            }
        }
        if (format == Format.JSON) {
            out.println("[\n" + String.join(",\n", json) + "\n]");
        }
        out.flush();
        return failures == 0 ? 0 : SerCli.EXIT_INPUT_FAILED;
    }

    private static void print(PrintWriter out, Path file, Prediction p) {
        out.printf(Locale.ROOT, "%s: %s (%.1f%%)%n", file, p.label(), 100 * p.confidence());
        for (String label : p.ranking()) {
            double prob = p.probabilities().get(label);
            out.printf(Locale.ROOT, "  %-10s %6.1f%%  %s%n", label, 100 * prob, "#".repeat((int) Math.round(prob * 40)));
        }
    }

    private static String toJson(Path file, Prediction p) {
        return "  {\"file\": " + JsonText.string(file.toString()) + ", \"label\": " + JsonText.string(p.label())
                + ", \"probabilities\": " + JsonText.probabilities(p.probabilities()) + "}";
    }
}
