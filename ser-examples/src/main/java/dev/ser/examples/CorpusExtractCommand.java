package dev.ser.examples;

import dev.ser.datasets.Dataset;
import dev.ser.datasets.ScanResult;
import dev.ser.datasets.SkippedFile;
import dev.ser.datasets.Utterance;
import dev.ser.datasets.corpus.Corpora;
import dev.ser.datasets.extract.CorpusExtractor;
import dev.ser.datasets.extract.ExtractionOptions;
import dev.ser.datasets.extract.ExtractionResult;
import dev.ser.datasets.extract.ExtractorFeatureFunction;
import dev.ser.datasets.extract.FeatureCache;
import dev.ser.datasets.extract.FeatureTableIO;
import dev.ser.features.FeatureConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ser extract-corpus}: the classic 193-value vectors of every file of one or more corpora,
 * in parallel and cached, with per-corpus counts, skipped files, wall time and throughput.
 */
@Command(name = "extract-corpus",
        description = {
            "Extract the pooled feature vectors of whole corpora in parallel, with a persistent cache.",
            "Corpora are given as TYPE=DIR (types: ravdess, tess, emodb, savee, cremad, custom).",
            "Example: ser extract-corpus ravdess=../shared/data/ravdess tess=../shared/data/tess"
                    + " emodb=../shared/data/emodb --cache target/feature-cache --output features.csv"},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class CorpusExtractCommand implements Callable<Integer> {

    @CommandLine.Parameters(arity = "1..*", paramLabel = "TYPE=DIR", description = "Corpus type and root folder.")
    Map<String, Path> corpora;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Worker threads; default: all cores (${DEFAULT-VALUE} means all).", defaultValue = "0")
    int threads;

    @Option(names = "--cache", paramLabel = "DIR", description = "Feature cache folder (created if absent). Default: no cache.")
    Path cache;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the feature table: .csv for CSV with a header, anything else as .npy + metadata CSV.")
    Path output;

    @Option(names = "--strict", description = "Stop at the first unreadable file instead of reporting and skipping it.")
    boolean strict;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar on standard error. Default: ${DEFAULT-VALUE}.")
    boolean progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Utterance> all = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (Map.Entry<String, Path> e : corpora.entrySet()) {
            ScanResult scan = Corpora.adapter(e.getKey()).scan(e.getValue());
            all.addAll(scan.utterances());
            skipped.addAll(scan.skipped());
        }
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        ExtractionOptions.Builder options = ExtractionOptions.builder().threads(workers).strict(strict);
        if (cache != null) {
            options.cache(new FeatureCache(cache));
        }
        ProgressBar bar = progress ? new ProgressBar(err) : null;
        if (bar != null) {
            options.progress(bar::update);
        }
        long start = System.nanoTime();
        ExtractionResult result = new CorpusExtractor(ExtractorFeatureFunction.of(FeatureConfig.CLASSIC),
                options.build()).extract(all);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (bar != null) {
            bar.finish();
        }
        skipped.addAll(result.failures());
        report(out, Dataset.of(result.table().rows()), all.size(), skipped, seconds, workers);
        if (output != null) {
            if (output.toString().endsWith(".csv")) {
                FeatureTableIO.writeCsv(result.table(), output);
            } else {
                FeatureTableIO.writeNpy(result.table(), output);
            }
            out.println("wrote " + output);
        }
        return skipped.isEmpty() ? 0 : SerCli.EXIT_INPUT_FAILED;
    }

    private static void report(PrintWriter out, Dataset extracted, int found, List<SkippedFile> skipped,
                               double seconds, int workers) {
        Map<String, Integer> perCorpus = new TreeMap<>();
        for (Utterance u : extracted.utterances()) {
            perCorpus.merge(u.corpus(), 1, Integer::sum);
        }
        out.printf(Locale.ROOT, "%-10s %8s%n", "corpus", "files");
        perCorpus.forEach((corpus, n) -> out.printf(Locale.ROOT, "%-10s %8d%n", corpus, n));
        out.printf(Locale.ROOT, "extracted %d of %d files, skipped %d, %d threads, wall %.2f s, %.1f files/s%n",
                extracted.size(), found, skipped.size(), workers, seconds, extracted.size() / seconds);
        for (SkippedFile s : skipped) {
            out.println("skipped " + s.path() + ": " + s.reason());
        }
    }

    /** A one-line progress bar redrawn in place on a terminal's standard error. */
    static final class ProgressBar {
        private final PrintWriter err;
        private final long start = System.nanoTime();
        private int lastPercent = -1;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        void update(int done, int total, Path current) {
            int percent = total == 0 ? 100 : (int) (100L * done / total);
            if (percent == lastPercent && done != total) {
                return;
            }
            lastPercent = percent;
            int width = 40;
            int filled = percent * width / 100;
            double elapsed = (System.nanoTime() - start) / 1e9;
            double rate = done / Math.max(elapsed, 1e-9);
            double eta = rate > 0 ? (total - done) / rate : 0;
            err.printf(Locale.ROOT, "\r[%s%s] %3d%% %d/%d  %.1f files/s  eta %.0f s ", "#".repeat(filled),
                    " ".repeat(width - filled), percent, done, total, rate, eta);
            err.flush();
        }

        void finish() {
            err.println();
            err.flush();
        }
    }
}
