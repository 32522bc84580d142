package dev.ser.examples;

import dev.ser.features.FeatureConfig;
import dev.ser.models.FeatureTable;
import dev.ser.models.ScaledTrainer;
import dev.ser.models.eval.Fold;
import dev.ser.models.mlp.MlpConfig;
import dev.ser.models.mlp.MlpTrainer;
import dev.ser.models.recognize.EmotionRecognizer;
import dev.ser.models.svm.Gamma;
import dev.ser.models.svm.SvmConfig;
import dev.ser.models.svm.SvmGrid;
import dev.ser.models.svm.SvmTrainer;
import dev.ser.models.tuning.GridSearch;
import dev.ser.models.tuning.GridSearchResult;
import dev.ser.models.tuning.MlpGrid;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ser grid-search}: cross-validates every combination of a small hyper-parameter grid and
 * reports each one's mean and spread, best first by UAR (the classic project's grid_search.py,
 * with speaker-independent folds by default).
 */
@Command(name = "grid-search",
        description = {
            "Cross-validate every combination of hyper-parameters of an MLP or an SVM on corpora and",
            "report each configuration's accuracy, UAR and macro-F1 (mean +- sd over folds); the best",
            "by UAR is marked. Folds hold out whole speakers unless --split random.",
            "Example: ser grid-search emodb=../shared/data/emodb -m svm --c 1,10,100 --gamma scale,0.01 -s loso"},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class GridSearchCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Mixin
    SplitOptions splits;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", defaultValue = "mlp",
            description = "mlp (default) or svm.")
    ModelChoice model;

    @Option(names = "--hidden", split = ",", paramLabel = "LAYERS", defaultValue = "300,256x128",
            description = "MLP hidden layer sizes to try, layers joined by 'x'. Default: ${DEFAULT-VALUE}.")
    List<String> hidden;

    @Option(names = "--alpha", split = ",", paramLabel = "A", defaultValue = "0.001,0.01,0.1",
            description = "MLP L2 penalties to try. Default: ${DEFAULT-VALUE}.")
    double[] alpha;

    @Option(names = "--c", split = ",", paramLabel = "C", defaultValue = "1,10,100",
            description = "SVM C values to try. Default: ${DEFAULT-VALUE}.")
    double[] c;

    @Option(names = "--gamma", split = ",", paramLabel = "G", defaultValue = "scale",
            description = "SVM gamma values to try: scale, auto or a number. Default: ${DEFAULT-VALUE}.")
    List<String> gamma;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (model == ModelChoice.FOREST) {
            throw new CommandLine.ParameterException(spec.commandLine(), "grid-search supports mlp and svm");
        }
        FeatureConfig config = FeatureConfig.CLASSIC;
        CorpusTables.Loaded loaded = corpus.load(config, spec.commandLine().getErr());
        FeatureTable table = loaded.table();
        List<Fold> folds = splits.folds(table, corpus.seed, spec.commandLine());
        var features = EmotionRecognizer.featureConfigJson(config);
        int parallelism = corpus.threadCount();
        long start = System.nanoTime();
        GridSearchResult<?> result = model == ModelChoice.MLP
                ? GridSearch.run(mlpGrid(), cfg -> new ScaledTrainer<>(new MlpTrainer(cfg), features, true), table,
                        folds, splits.kind(), parallelism)
                : GridSearch.run(svmGrid(), cfg -> new ScaledTrainer<>(new SvmTrainer(cfg), features, true), table,
                        folds, splits.kind(), parallelism);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s grid on %d utterances, labels %s; %d folds, %s (%.1f s)%n",
                model.name().toLowerCase(Locale.ROOT), table.rows(), table.labelNames(), folds.size(),
                splits.describe(), (System.nanoTime() - start) / 1e9);
        out.print(result.toTable());
        out.println("best: " + result.best().config());
        return loaded.skipped().isEmpty() ? 0 : SerCli.EXIT_INPUT_FAILED;
    }

    private List<MlpConfig> mlpGrid() {
        int[][] layers = hidden.stream().map(this::layers).toArray(int[][]::new);
        return MlpGrid.around(ModelChoice.recipeMlp(corpus.seed).build()).hiddenLayerSizes(layers).alpha(alpha).build();
    }

    private int[] layers(String text) {
        try {
            return java.util.Arrays.stream(text.trim().split("x")).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "bad --hidden value '" + text
                    + "': sizes joined by x, e.g. 256x128");
        }
    }

    private List<SvmConfig> svmGrid() {
        Gamma[] gammas = gamma.stream().map(this::gammaOf).toArray(Gamma[]::new);
        SvmConfig base = SvmConfig.builder().c(10).probability(false).seed(corpus.seed).build();
        return SvmGrid.around(base).c(c).gamma(gammas).build();
    }

    private Gamma gammaOf(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "scale" -> Gamma.SCALE;
            case "auto" -> Gamma.AUTO;
            default -> {
                try {
                    yield Gamma.of(Double.parseDouble(text.trim()));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "bad --gamma value '" + text
                            + "': scale, auto or a positive number");
                }
            }
        };
    }
}
