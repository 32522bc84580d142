package dev.ser.models.tuning;

import dev.ser.models.Classifier;
import dev.ser.models.FeatureTable;
import dev.ser.models.Trainer;
import dev.ser.models.eval.CrossValidationResult;
import dev.ser.models.eval.CrossValidator;
import dev.ser.models.eval.EvaluationReport;
import dev.ser.models.eval.Evaluator;
import dev.ser.models.eval.Fold;
import dev.ser.models.eval.Metric;
import dev.ser.models.eval.SplitKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Exhaustive search over candidate configurations with (grouped) cross-validation. All
 * (candidate, fold) pairs run in parallel; results are independent of the parallelism.
 */
public final class GridSearch {

    private GridSearch() {
    }

    /**
     * Cross-validates every candidate.
     *
     * @param candidates    configurations to try (e.g. from {@link MlpGrid})
     * @param trainerOf     builds the trainer of a configuration; wrap in
     *                      {@link dev.ser.models.ScaledTrainer} to scale inside each fold
     * @param table         all data
     * @param folds         the folds (grouped folds for speaker-independent tuning)
     * @param splitKind     what the folds are
     * @param metric        the metric that selects the best candidate (mean over folds; first wins ties)
     * @param parallelism   (candidate, fold) fits run at once
     * @param <C>           configuration type
     */
    public static <C> GridSearchResult<C> run(List<C> candidates, Function<C, ? extends Trainer<?>> trainerOf,
                                              FeatureTable table, List<Fold> folds, SplitKind splitKind,
                                              Metric metric, int parallelism) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates");
        }
        int nf = folds.size();
        List<EvaluationReport> flat = CrossValidator.parallelMap(candidates.size() * nf, parallelism, i -> {
            Trainer<?> trainer = trainerOf.apply(candidates.get(i / nf));
            Fold f = folds.get(i % nf);
            Classifier model = trainer.fit(table.subset(f.train()));
            return Evaluator.evaluate(model, table.subset(f.test()), splitKind);
        });
        List<GridSearchResult.Entry<C>> entries = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            entries.add(new GridSearchResult.Entry<>(candidates.get(c),
                    new CrossValidationResult(splitKind, flat.subList(c * nf, (c + 1) * nf))));
        }
        return new GridSearchResult<>(metric, entries);
    }

    /** {@link #run} selecting by UAR. */
    public static <C> GridSearchResult<C> run(List<C> candidates, Function<C, ? extends Trainer<?>> trainerOf,
                                              FeatureTable table, List<Fold> folds, SplitKind splitKind,
                                              int parallelism) {
        return run(candidates, trainerOf, table, folds, splitKind, Metric.UAR, parallelism);
    }
}
