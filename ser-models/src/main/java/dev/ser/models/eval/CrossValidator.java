package dev.ser.models.eval;

import dev.ser.models.Classifier;
import dev.ser.models.FeatureTable;
import dev.ser.models.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Cross-validation over caller-supplied folds. Each fold trains a fresh model on its training rows
 * only (wrap the trainer in {@link dev.ser.models.ScaledTrainer} so the scaler also sees only
 * those) and is evaluated on its test rows. Folds run in parallel; results do not depend on the
 * parallelism because each fold's training is itself deterministic.
 */
public final class CrossValidator {

    private CrossValidator() {
    }

    /**
     * Runs every fold.
     *
     * @param parallelism number of folds trained at once (at least 1)
     */
    public static <M extends Classifier> CrossValidationResult run(Trainer<M> trainer, FeatureTable table,
                                                                   List<Fold> folds, SplitKind splitKind,
                                                                   int parallelism) {
        List<EvaluationReport> reports = runAll(folds.size(), parallelism, i -> {
            Fold f = folds.get(i);
            M model = trainer.fit(table.subset(f.train()));
            return Evaluator.evaluate(model, table.subset(f.test()), splitKind);
        });
        return new CrossValidationResult(splitKind, reports);
    }

    /** Runs {@code count} tasks on up to {@code parallelism} threads, returning results in index order. */
    static <T> List<T> runAll(int count, int parallelism, IntFunction<T> task) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        List<T> out = new ArrayList<>(count);
        if (parallelism == 1 || count <= 1) {
            for (int i = 0; i < count; i++) {
                out.add(task.apply(i));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, count), r -> {
            Thread t = new Thread(r, "ser-models-cv");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int id = i;
                futures.add(pool.submit(() -> task.apply(id)));
            }
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during cross-validation", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Parallel map shared with the grid search. */
    public static <T> List<T> parallelMap(int count, int parallelism, IntFunction<T> task) {
        return runAll(count, parallelism, task);
    }
}
