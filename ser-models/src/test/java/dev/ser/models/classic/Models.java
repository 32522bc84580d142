package dev.ser.models.classic;

import dev.ser.models.Trainer;
import dev.ser.models.ensemble.BaggingConfig;
import dev.ser.models.ensemble.BaggingTrainer;
import dev.ser.models.ensemble.GradientBoostingConfig;
import dev.ser.models.ensemble.GradientBoostingTrainer;
import dev.ser.models.ensemble.RandomForestConfig;
import dev.ser.models.ensemble.RandomForestTrainer;
import dev.ser.models.knn.KnnConfig;
import dev.ser.models.knn.KnnTrainer;
import dev.ser.models.knn.KnnWeights;
import dev.ser.models.linear.LogisticRegressionConfig;
import dev.ser.models.linear.LogisticRegressionTrainer;
import dev.ser.models.svm.Kernel;
import dev.ser.models.svm.SvmConfig;
import dev.ser.models.svm.SvmTrainer;
import dev.ser.models.tree.Criterion;
import dev.ser.models.tree.DecisionTreeConfig;
import dev.ser.models.tree.DecisionTreeTrainer;
import java.util.List;
import java.util.function.LongFunction;

/** Small configurations of every classic model for the tests (kept cheap for CI). */
final class Models {

    /**
     * A named trainer factory.
     *
     * @param name     display name
     * @param trainer  the trainer for a seed
     * @param nonLinear whether the model class can represent XOR
     */
    record Case(String name, LongFunction<Trainer<?>> trainer, boolean nonLinear) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Models() {
    }

    static List<Case> all() {
        return List.of(
                new Case("svm-rbf", s -> new SvmTrainer(SvmConfig.builder().seed(s).build()), true),
                new Case("svm-poly-votes", s -> new SvmTrainer(SvmConfig.builder().kernel(Kernel.POLY).coef0(1)
                        .probability(false).seed(s).build()), true),
                new Case("svm-linear", s -> new SvmTrainer(SvmConfig.builder().kernel(Kernel.LINEAR).seed(s)
                        .build()), false),
                new Case("tree-gini", s -> new DecisionTreeTrainer(DecisionTreeConfig.builder().seed(s).build()), true),
                new Case("tree-entropy", s -> new DecisionTreeTrainer(DecisionTreeConfig.builder()
                        .criterion(Criterion.ENTROPY).maxDepth(6).seed(s).build()), true),
                new Case("forest", s -> new RandomForestTrainer(RandomForestConfig.builder().nEstimators(15).seed(s)
                        .threads(2).build()), true),
                new Case("boosting", s -> new GradientBoostingTrainer(GradientBoostingConfig.builder().nEstimators(15)
                        .subsample(0.8).seed(s).build()), true),
                new Case("knn-uniform", s -> new KnnTrainer(KnnConfig.DEFAULT), true),
                new Case("knn-distance", s -> new KnnTrainer(KnnConfig.builder().k(3).weights(KnnWeights.DISTANCE)
                        .build()), true),
                new Case("bagging-trees", s -> new BaggingTrainer(BaggingConfig.builder().nEstimators(5).seed(s)
                        .threads(2).build(), m -> new DecisionTreeTrainer(DecisionTreeConfig.builder().seed(m)
                        .build())), true),
                new Case("logistic", s -> new LogisticRegressionTrainer(LogisticRegressionConfig.DEFAULT), false));
    }
}
