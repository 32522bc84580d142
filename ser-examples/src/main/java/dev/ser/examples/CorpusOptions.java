package dev.ser.examples;

import dev.ser.datasets.Emotion;
import dev.ser.datasets.extract.ProgressListener;
import dev.ser.features.FeatureConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The corpus arguments shared by {@code ser train} and {@code ser evaluate}. */
final class CorpusOptions {
    @Parameters(arity = "1..*", paramLabel = "TYPE=DIR",
            description = "Corpora as type=folder (types: ravdess, tess, emodb, savee, cremad, custom).")
    Map<String, Path> corpora;

    @Option(names = {"-e", "--emotions"}, split = ",", paramLabel = "EMOTION",
            description = "Emotions to keep (neutral, calm, happy, sad, angry, fear, disgust, surprise, boredom)."
                    + " Default: every emotion found.")
    List<String> emotions;

    @Option(names = "--cache", paramLabel = "DIR", description = "Feature cache folder. Default: no cache.")
    Path cache;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "0",
            description = "Threads for feature extraction and training; 0 (default) uses all cores.")
    int threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    Set<Emotion> emotionSet() {
        if (emotions == null) {
            return null;
        }
        EnumSet<Emotion> set = EnumSet.noneOf(Emotion.class);
        for (String name : emotions) {
            set.add(Emotion.parse(name.trim()));
        }
        return set;
    }

    int threadCount() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Scans, selects and extracts, drawing a progress bar on {@code err}; reports skipped files. */
    CorpusTables.Loaded load(FeatureConfig config, PrintWriter err) throws IOException {
        CorpusExtractCommand.ProgressBar bar = new CorpusExtractCommand.ProgressBar(err);
        ProgressListener progress = bar::update;
        CorpusTables.Loaded loaded = CorpusTables.load(corpora, emotionSet(), config, cache, threads, progress);
        bar.finish();
        loaded.skipped().forEach(s -> err.println("skipped " + s.path() + ": " + s.reason()));
        return loaded;
    }
}
