package dev.ser.examples;

import dev.ser.examples.plot.PlotStyle;
import dev.ser.examples.plot.Plots;
import dev.ser.features.FeatureConfig;
import dev.ser.models.FeatureTable;
import dev.ser.models.eval.CrossValidationResult;
import dev.ser.models.eval.CrossValidator;
import dev.ser.models.eval.Fold;
import dev.ser.models.eval.SplitKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ser evaluate}: cross-validated accuracy, UAR and confusion matrix of a model on corpora,
 * with the split stated in the report (speaker-independent by default).
 */
@Command(name = "evaluate",
        description = {
            "Cross-validate a model on the classic 193-value features of one or more corpora.",
            "The default split holds out whole speakers (what a user's new voice looks like);",
            "'random' shares speakers between training and test folds, as the classic recipes did,",
            "and overstates accuracy on new speakers."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Mixin
    SplitOptions splits;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", defaultValue = "mlp",
            description = "mlp (default), svm or forest, with the classic scikit-learn recipes' settings.")
    ModelChoice model;

    @Option(names = "--confusion-png", paramLabel = "FILE", description = "Also draw the pooled confusion matrix as a PNG.")
    Path confusionPng;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FeatureConfig config = FeatureConfig.CLASSIC;
        CorpusTables.Loaded loaded = corpus.load(config, spec.commandLine().getErr());
        FeatureTable table = loaded.table();
        List<Fold> foldList = splits.folds(table, corpus.seed, spec.commandLine());
        SplitKind kind = splits.kind();
        long speakers = java.util.Arrays.stream(table.groups().orElseThrow()).distinct().count();
        long start = System.nanoTime();
        CrossValidationResult cv = CrossValidator.run(model.trainer(config, corpus.seed), table, foldList, kind,
                Math.min(corpus.threadCount(), foldList.size()));
        out.printf(Locale.ROOT, "%s on %d utterances, %d speakers, labels %s; %s (%.1f s)%n",
                model.name().toLowerCase(Locale.ROOT), table.rows(), speakers, table.labelNames(),
                splits.describe(),
                (System.nanoTime() - start) / 1e9);
        out.println(cv.toTable());
        out.println("Pooled confusion matrix (rows true, columns predicted):");
        out.println(cv.pooledConfusion());
        if (confusionPng != null) {
            Plots.writePng(Plots.confusionMatrix(cv.pooledConfusion(), PlotStyle.DEFAULT.withSize(800, 700)), confusionPng);
            out.println("wrote " + confusionPng);
        }
        return loaded.skipped().isEmpty() ? 0 : SerCli.EXIT_INPUT_FAILED;
    }
}
