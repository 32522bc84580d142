package dev.ser.examples.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.examples.CorpusTables;
import dev.ser.examples.ModelChoice;
import dev.ser.features.FeatureConfig;
import dev.ser.models.Classifier;
import dev.ser.models.FeatureTable;
import dev.ser.models.ScaledTrainer;
import dev.ser.models.Trainer;
import dev.ser.models.TrainingListener;
import dev.ser.models.eval.ConfusionMatrix;
import dev.ser.models.eval.CrossValidationResult;
import dev.ser.models.eval.CrossValidator;
import dev.ser.models.eval.Fold;
import dev.ser.models.eval.Folds;
import dev.ser.models.eval.Metric;
import dev.ser.models.eval.MetricSummary;
import dev.ser.models.eval.SplitKind;
import dev.ser.models.mlp.MlpConfig;
import dev.ser.models.mlp.MlpTrainer;
import dev.ser.models.tuning.GridSearch;
import dev.ser.models.tuning.GridSearchResult;
import dev.ser.models.tuning.MlpGrid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The accuracy table of {@code docs/accuracy.md}: the classic 193-value features of RAVDESS and
 * EMO-DB, classified by the MLP, an RBF SVM, a random forest and the best of a grid search, under
 * speaker-dependent (random, stratified) and speaker-independent (grouped by speaker) protocols.
 *
 * <p>No number is tuned on a test fold: the grid search is nested (its choice is made by an inner
 * grouped cross-validation on each outer training fold), and the fixed models use the settings of
 * the scikit-learn recipes they are compared with. Every fold standardises on its own training
 * data.
 *
 * <p>Usage: {@code AccuracyStudy DATA_DIR [CACHE_DIR]} with the corpora in
 * {@code DATA_DIR/ravdess} and {@code DATA_DIR/emodb}. Prints a Markdown table.
 */
public final class AccuracyStudy {
    private static final long SEED = 42;
    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();

    private AccuracyStudy() {
    }

    /** A named model under evaluation: makes a fresh trainer per fold. */
    public record Candidate(String name, Supplier<Trainer<?>> trainer) {
    }

    /** One evaluation protocol on one corpus. */
    record Protocol(String corpus, String name, SplitKind kind, List<Fold> folds, boolean grouped) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: AccuracyStudy DATA_DIR [CACHE_DIR]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path cache = args.length > 1 ? Path.of(args[1]) : null;
        List<Candidate> candidates = candidates();
        StringBuilder table = new StringBuilder(
                "| corpus | protocol | split | model | accuracy (mean ± sd) | UAR (mean ± sd) | macro-F1 | folds |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        Map<String, ConfusionMatrix> confusions = new LinkedHashMap<>();
        System.out.print(table);
        for (String corpus : List.of("emodb", "ravdess")) {
            FeatureTable features = load(corpus, data.resolve(corpus), cache);
            System.err.printf(Locale.ROOT, "%s: %d utterances, %d classes %s, %d speakers%n", corpus, features.rows(),
                    features.numClasses(), features.labelNames(),
                    new TreeSet<>(List.of(features.groups().orElseThrow())).size());
            for (Protocol p : protocols(corpus, features)) {
                for (Candidate c : candidates) {
                    long start = System.nanoTime();
                    CrossValidationResult cv = CrossValidator.run(new FreshTrainer(c.trainer()), features, p.folds(),
                            p.kind(), PARALLELISM);
                    row(table, p, c.name(), cv);
                    confusions.put(p.corpus() + " " + p.name() + " " + c.name(), cv.pooledConfusion());
                    System.err.printf(Locale.ROOT, "  %s / %s: %.1f s%n", p.name(), c.name(), (System.nanoTime() - start) / 1e9);
                }
                if (p.kind() == SplitKind.SPEAKER_INDEPENDENT) {
                    long start = System.nanoTime();
                    CrossValidationResult nested = nestedGridSearch(features, p);
                    row(table, p, "MLP, nested grid search", nested);
                    System.err.printf(Locale.ROOT, "  %s / nested grid: %.1f s%n", p.name(),
                            (System.nanoTime() - start) / 1e9);
                }
            }
        }
        System.out.println();
        for (Map.Entry<String, ConfusionMatrix> e : confusions.entrySet()) {
            if (e.getKey().contains("speaker-independent") && e.getKey().endsWith("MLP (300,)")) {
                System.out.println("Pooled confusion matrix, " + e.getKey() + " (rows true, columns predicted):\n");
                System.out.println(e.getValue());
            }
        }
    }

    /** The models compared, with the classic recipes' settings ({@link ModelChoice}). */
    static List<Candidate> candidates() {
        return List.of(
                new Candidate("MLP (300,)", () -> ModelChoice.MLP.trainer(FeatureConfig.CLASSIC, SEED)),
                new Candidate("SVM rbf C=10", () -> ModelChoice.SVM.trainer(FeatureConfig.CLASSIC, SEED)),
                new Candidate("random forest 300", () -> ModelChoice.FOREST.trainer(FeatureConfig.CLASSIC, SEED)));
    }

    static List<Protocol> protocols(String corpus, FeatureTable t) {
        String[] groups = t.groups().orElseThrow();
        List<Protocol> list = new ArrayList<>();
        list.add(new Protocol(corpus, "random 80/20 (5-fold stratified)", SplitKind.SPEAKER_DEPENDENT,
                Folds.stratifiedKFold(t.labels(), 5, SEED), false));
        if (corpus.equals("emodb")) {
            list.add(new Protocol(corpus, "leave-one-speaker-out (speaker-independent)", SplitKind.SPEAKER_INDEPENDENT,
                    Folds.leaveOneGroupOut(groups), true));
        } else {
            list.add(new Protocol(corpus, "5-fold grouped by actor (speaker-independent)", SplitKind.SPEAKER_INDEPENDENT,
                    Folds.groupKFold(groups, 5), true));
        }
        return list;
    }

    /**
     * Nested cross-validation of a small MLP grid: for each outer fold, the grid is scored by an
     * inner 3-fold cross-validation on the outer training part only (grouped by speaker when the
     * protocol is), the best configuration retrained on that whole training part and evaluated once
     * on the outer test fold.
     */
    static CrossValidationResult nestedGridSearch(FeatureTable t, Protocol p) {
        List<MlpConfig> grid = MlpGrid.around(ModelChoice.recipeMlp(SEED).build())
                .hiddenLayerSizes(new int[] {300}, new int[] {256, 128})
                .alpha(1e-2, 1e-1)
                .build();
        List<dev.ser.models.eval.EvaluationReport> reports = new ArrayList<>();
        for (Fold outer : p.folds()) {
            FeatureTable train = t.subset(outer.train());
            List<Fold> inner = p.grouped() ? Folds.groupKFold(train.groups().orElseThrow(), 3)
                    : Folds.stratifiedKFold(train.labels(), 3, SEED);
            GridSearchResult<MlpConfig> search = GridSearch.run(grid, c -> ScaledTrainer.of(new MlpTrainer(c)), train,
                    inner, p.kind(), Metric.UAR, PARALLELISM);
            Classifier model = ScaledTrainer.of(new MlpTrainer(search.best().config())).fit(train);
            reports.add(dev.ser.models.eval.Evaluator.evaluate(model, t.subset(outer.test()), p.kind()));
        }
        return new CrossValidationResult(p.kind(), reports);
    }

    /** Appends a row to the table and prints it at once, so that a long run shows its results as they come. */
    private static void row(StringBuilder table, Protocol p, String model, CrossValidationResult cv) {
        MetricSummary acc = cv.summary(Metric.ACCURACY);
        MetricSummary uar = cv.summary(Metric.UAR);
        MetricSummary f1 = cv.summary(Metric.MACRO_F1);
        String line = String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f%% ± %.1f | %.3f ± %.3f | %.3f | %d |%n",
                p.corpus(), p.name(), p.kind() == SplitKind.SPEAKER_INDEPENDENT ? "speaker-independent" : "speaker-dependent",
                model, 100 * acc.mean(), 100 * acc.std(), uar.mean(), uar.std(), f1.mean(), cv.folds().size());
        table.append(line);
        System.out.print(line);
        System.out.flush();
    }

    /** The classic 193-value vectors of one corpus as a model table grouped by speaker. */
    static FeatureTable load(String corpus, Path root, Path cache) throws IOException {
        return CorpusTables.load(Map.of(corpus, root), null, FeatureConfig.CLASSIC, cache, 0, null).table();
    }

    /** Wraps a trainer factory so every fold trains a fresh trainer. */
    private record FreshTrainer(Supplier<Trainer<?>> factory) implements Trainer<Classifier> {
        @Override
        public String modelType() {
            return factory.get().modelType();
        }

        @Override
        public ObjectNode hyperParameters() {
            return factory.get().hyperParameters();
        }

        @Override
        public Classifier fit(FeatureTable table, TrainingListener listener) {
            return factory.get().fit(table, listener);
        }
    }
}
