package dev.ser.examples;

import dev.ser.features.FeatureConfig;
import dev.ser.models.Classifier;
import dev.ser.models.ScaledModel;
import dev.ser.models.io.ModelFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ser train}: a model file from one or more corpora, ready for {@code ser predict --model}. */
@Command(name = "train",
        description = {
            "Train a model on the classic 193-value features of one or more corpora and save it.",
            "Example: ser train ravdess=../shared/data/ravdess emodb=../shared/data/emodb"
                    + " -e neutral,happy,sad,angry -o my.ser",
            "Estimate its accuracy on unseen speakers first with 'ser evaluate'."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class TrainCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", defaultValue = "mlp",
            description = "mlp (default), svm or forest, with the classic scikit-learn recipes' settings.")
    ModelChoice model;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The model file to write.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FeatureConfig config = FeatureConfig.CLASSIC;
        CorpusTables.Loaded loaded = corpus.load(config, spec.commandLine().getErr());
        long start = System.nanoTime();
        Classifier trained = model.trainer(config, corpus.seed).fit(loaded.table());
        ModelFiles.save((ScaledModel<?>) trained, output);
        out.printf(Locale.ROOT, "trained %s on %d utterances (%s) in %.1f s; wrote %s%n", model.name().toLowerCase(Locale.ROOT),
                loaded.table().rows(), String.join(", ", loaded.table().labelNames()),
                (System.nanoTime() - start) / 1e9, output);
        return loaded.skipped().isEmpty() ? 0 : SerCli.EXIT_INPUT_FAILED;
    }
}
