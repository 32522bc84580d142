package dev.ser.benchmarks;

import dev.ser.models.Classifier;
import dev.ser.models.FeatureTable;
import dev.ser.models.ensemble.GradientBoostingConfig;
import dev.ser.models.ensemble.GradientBoostingTrainer;
import dev.ser.models.ensemble.RandomForestConfig;
import dev.ser.models.ensemble.RandomForestTrainer;
import dev.ser.models.knn.KnnConfig;
import dev.ser.models.knn.KnnTrainer;
import dev.ser.models.linear.LogisticRegressionConfig;
import dev.ser.models.linear.LogisticRegressionTrainer;
import dev.ser.models.svm.SvmConfig;
import dev.ser.models.svm.SvmTrainer;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * Times the classic models on the reference workload of {@link MlpEpochTimer} (3000 x 193
 * standardised features, 8 classes): fit wall and process CPU time, and the time to predict the
 * 3000 training rows.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.ser.benchmarks.ClassicTimer [rf|gb|svm|linear|all]}.
 */
public final class ClassicTimer {

    private ClassicTimer() {
    }

    private static void time(String name, Supplier<Classifier> fit, FeatureTable t) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Classifier m = fit.get();
        long t1 = System.nanoTime();
        long c1 = os.getProcessCpuTime();
        int[] p = m.predict(t);
        long t2 = System.nanoTime();
        int ok = 0;
        for (int i = 0; i < t.rows(); i++) {
            ok += p[i] == t.label(i) ? 1 : 0;
        }
        System.out.printf("%-26s fit %7.2f s wall %7.2f s cpu   predict %d rows %6.2f s   train acc %.3f%n", name,
                (t1 - t0) / 1e9, (c1 - c0) / 1e9, t.rows(), (t2 - t1) / 1e9, ok / (double) t.rows());
    }

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "all";
        boolean all = which.equals("all");
        FeatureTable t = MlpEpochTimer.workload(3000, 193, 8, 42);
        if (all || which.equals("rf")) {
            RandomForestConfig.Builder rf = RandomForestConfig.builder().nEstimators(300);
            time("forest 300 (warm-up)", () -> new RandomForestTrainer(rf.threads(2).build()).fit(t), t);
            time("forest 300, 1 thread", () -> new RandomForestTrainer(rf.threads(1).build()).fit(t), t);
            time("forest 300, 2 threads", () -> new RandomForestTrainer(rf.threads(2).build()).fit(t), t);
        }
        if (all || which.equals("gb")) {
            time("boosting 100 x 8 trees", () -> new GradientBoostingTrainer(GradientBoostingConfig.DEFAULT).fit(t), t);
        }
        if (all || which.equals("svm")) {
            time("svm rbf, probability", () -> new SvmTrainer(SvmConfig.DEFAULT).fit(t), t);
            time("svm rbf, probability, 2 thr", () -> new SvmTrainer(SvmConfig.builder().threads(2).build()).fit(t), t);
            time("svm rbf, votes", () -> new SvmTrainer(SvmConfig.builder().probability(false).build()).fit(t), t);
        }
        if (all || which.equals("linear")) {
            time("logistic regression", () -> new LogisticRegressionTrainer(LogisticRegressionConfig.DEFAULT).fit(t),
                    t);
            time("k-NN k=5", () -> new KnnTrainer(KnnConfig.DEFAULT).fit(t), t);
        }
    }
}
