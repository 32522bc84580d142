package dev.ser.models.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.models.FeatureTable;
import dev.ser.models.TestData;
import dev.ser.models.ensemble.BaggingConfig;
import dev.ser.models.ensemble.BaggingModel;
import dev.ser.models.ensemble.BaggingTrainer;
import dev.ser.models.ensemble.ForestModel;
import dev.ser.models.ensemble.GradientBoostingConfig;
import dev.ser.models.ensemble.GradientBoostingTrainer;
import dev.ser.models.ensemble.RandomForestConfig;
import dev.ser.models.ensemble.RandomForestTrainer;
import dev.ser.models.svm.SvmConfig;
import dev.ser.models.svm.SvmTrainer;
import dev.ser.models.tree.DecisionTreeConfig;
import dev.ser.models.tree.DecisionTreeTrainer;
import dev.ser.models.tree.MaxFeatures;
import dev.ser.models.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ensembles do not depend on the thread count; seeds matter; scikit-learn forest semantics. */
class EnsembleDeterminismTest {

    private static final FeatureTable DATA = TestData.blobs(300, 12, 4, 1.0, 3);

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8})
    void forestIsIdenticalForAnyThreadCount(int threads) {
        RandomForestConfig.Builder b = RandomForestConfig.builder().nEstimators(20).seed(9);
        ForestModel one = new RandomForestTrainer(b.threads(1).build()).fit(DATA);
        ForestModel many = new RandomForestTrainer(b.threads(threads).build()).fit(DATA);
        assertEquals(one.trees(), many.trees());
    }

    @Test
    void forestSeedChangesTheTrees() {
        RandomForestConfig.Builder b = RandomForestConfig.builder().nEstimators(5);
        assertNotEquals(new RandomForestTrainer(b.seed(1).build()).fit(DATA).trees(),
                new RandomForestTrainer(b.seed(2).build()).fit(DATA).trees());
    }

    @Test
    void forestProbabilityIsTheMeanOfTreeLeafDistributions() {
        ForestModel m = new RandomForestTrainer(RandomForestConfig.builder().nEstimators(7).build()).fit(DATA);
        double[] x = DATA.row(5);
        double[] mean = new double[4];
        for (Tree t : m.trees()) {
            t.accumulate(x, 1.0 / 7, mean);
        }
        assertArrayEquals(mean, m.predictProba(x), 1e-15);
    }

    @Test
    void forestWithoutBootstrapAndAllFeaturesGrowsIdenticalTrees() {
        ForestModel m = new RandomForestTrainer(RandomForestConfig.builder().nEstimators(3).bootstrap(false)
                .maxFeatures(MaxFeatures.ALL).build()).fit(TestData.blobs(100, 3, 2, 3.0, 1));
        // trees differ only by the feature order at ties, so their predictions on training rows agree
        FeatureTable t = TestData.blobs(100, 3, 2, 3.0, 1);
        for (int i = 0; i < t.rows(); i++) {
            assertEquals(t.label(i), m.predict(t.row(i)));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void baggingIsIdenticalForAnyThreadCount(int threads) {
        BaggingConfig.Builder b = BaggingConfig.builder().nEstimators(6).seed(4);
        BaggingModel one = new BaggingTrainer(b.threads(1).build(),
                s -> new DecisionTreeTrainer(DecisionTreeConfig.builder().seed(s).build())).fit(DATA);
        BaggingModel many = new BaggingTrainer(b.threads(threads).build(),
                s -> new DecisionTreeTrainer(DecisionTreeConfig.builder().seed(s).build())).fit(DATA);
        for (int i = 0; i < DATA.rows(); i += 7) {
            assertArrayEquals(one.predictProba(DATA.row(i)), many.predictProba(DATA.row(i)), 0.0);
        }
    }

    @Test
    void boostingLossDecreasesAndSeedMattersOnlyWithSubsampling() {
        List<Double> losses = new ArrayList<>();
        new GradientBoostingTrainer(GradientBoostingConfig.builder().nEstimators(20).build())
                .fit(DATA, e -> losses.add(e.loss()));
        assertEquals(20, losses.size());
        for (int i = 1; i < losses.size(); i++) {
            assertTrue(losses.get(i) <= losses.get(i - 1) + 1e-12, "training loss rose at stage " + i);
        }
        double[] a = new GradientBoostingTrainer(GradientBoostingConfig.builder().nEstimators(5).subsample(0.5)
                .seed(1).build()).fit(DATA).predictProba(DATA.row(0));
        double[] b = new GradientBoostingTrainer(GradientBoostingConfig.builder().nEstimators(5).subsample(0.5)
                .seed(2).build()).fit(DATA).predictProba(DATA.row(0));
        assertTrue(!java.util.Arrays.equals(a, b), "different subsamples should give different models");
    }

    @Test
    void concurrentSvmFitsAreDeterministic() throws Exception {
        SvmTrainer trainer = new SvmTrainer(SvmConfig.builder().seed(3).build());
        double[] expected = trainer.fit(DATA).predictProba(DATA.row(1));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> trainer.fit(DATA).predictProba(DATA.row(1))));
            }
            for (Future<double[]> f : futures) {
                assertArrayEquals(expected, f.get(), 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
