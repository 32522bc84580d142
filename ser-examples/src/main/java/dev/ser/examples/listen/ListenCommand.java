package dev.ser.examples.listen;

import dev.ser.examples.DefaultModel;
import dev.ser.examples.JsonText;
import dev.ser.examples.SerCli;
import dev.ser.models.recognize.EmotionRecognizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ser listen}: live emotion recognition from the microphone (or a file played as if it were one). */
@Command(name = "listen",
        description = {
            "Recognise emotions live from the microphone, utterance by utterance (energy voice activity",
            "detection) or in sliding windows. Prints each result as it comes; Ctrl-C stops."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
public final class ListenCommand implements Callable<Integer> {
    enum Format { TABLE, JSON }

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "A model file written by 'ser train' or ModelFiles.save. Default: the bundled model.")
    Path model;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "Read this audio file (WAV, AIFF, FLAC) instead of the microphone.")
    Path input;

    @Option(names = "--real-time",
            description = "With --input: play the file at its real pace instead of as fast as possible.")
    boolean realTime;

    @Option(names = "--window", paramLabel = "SECONDS",
            description = "Sliding-window mode: classify the last SECONDS of audio every --hop seconds.")
    Double window;

    @Option(names = "--hop", paramLabel = "SECONDS",
            description = "Time between sliding windows. Default: half the window.")
    Double hop;

    @Option(names = "--threshold-db", paramLabel = "DB", defaultValue = "10",
            description = "Voice detection: dB above the adaptive noise floor that counts as speech. Default: ${DEFAULT-VALUE}.")
    double thresholdDb;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "TABLE",
            description = "Output format: table or json (one JSON object per line). Default: table.")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (hop != null && window == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hop needs --window");
        }
        Segmentation segmentation;
        try {
            segmentation = window != null
                    ? new Segmentation.Sliding(window, hop != null ? hop : window / 2)
                    : new Segmentation.Vad(VadConfig.builder().thresholdDb(thresholdDb).build());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        EmotionRecognizer recognizer = DefaultModel.orFile(model);
        AudioSource source;
        try {
            source = input != null ? FileSource.open(input, realTime) : MicrophoneSource.open();
        } catch (NoCaptureDeviceException e) {
            spec.commandLine().getErr().println("ser listen: " + e.getMessage()
                    + "; use --input FILE to recognise a recording instead");
            return SerCli.EXIT_INPUT_FAILED;
        } catch (IOException e) {
            spec.commandLine().getErr().println("ser listen: " + input + ": " + e.getMessage());
            return SerCli.EXIT_INPUT_FAILED;
        }
        return listen(source, recognizer, segmentation);
    }

    private int listen(AudioSource source, EmotionRecognizer recognizer, Segmentation segmentation)
            throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Printer printer = new Printer(out, err, format);
        try (LiveRecognizer live = new LiveRecognizer(source, recognizer, segmentation, printer)) {
            // Ctrl-C: stop capture, let pending utterances be printed, then let the JVM exit.
            Thread hook = new Thread(() -> {
                live.stop();
                try {
                    live.awaitTermination(3, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "ser-listen-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            if (format == Format.TABLE && input == null) {
                err.println("Listening... press Ctrl-C to stop.");
                err.flush();
            }
            try {
                live.run();
            } finally {
                removeHook(hook);
            }
        }
        return printer.errors == 0 ? 0 : SerCli.EXIT_INPUT_FAILED;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is running, nothing to remove.
        }
    }

    /** Prints each result as it arrives. */
    private static final class Printer implements LiveListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private final Format format;
        private int errors;

        Printer(PrintWriter out, PrintWriter err, Format format) {
            this.out = out;
            this.err = err;
            this.format = format;
        }

        @Override
        public void onResult(LiveResult r) {
            out.println(format == Format.JSON ? json(r) : table(r));
            out.flush();
        }

        @Override
        public void onError(Exception e) {
            errors++;
            err.println("ser listen: " + e.getMessage());
            err.flush();
        }

        private static String table(LiveResult r) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%7.2f-%7.2f s  %-9s %5.1f%%",
                    r.startSeconds(), r.endSeconds(), r.label(), 100 * r.prediction().confidence()));
            List<String> ranking = r.prediction().ranking();
            for (int i = 1; i < Math.min(3, ranking.size()); i++) {
                b.append(String.format(Locale.ROOT, "  %s %.1f%%", ranking.get(i),
                        100 * r.probabilities().get(ranking.get(i))));
            }
            return b.toString();
        }

        private static String json(LiveResult r) {
            return String.format(Locale.ROOT, "{\"index\": %d, \"start\": %.3f, \"end\": %.3f, \"label\": %s, "
                    + "\"probabilities\": %s}", r.index(), r.startSeconds(), r.endSeconds(),
                    JsonText.string(r.label()), JsonText.probabilities(r.probabilities()));
        }
    }
}
