package dev.ser.models.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.models.FeatureTable;
import dev.ser.models.TestData;
import dev.ser.models.knn.KnnConfig;
import dev.ser.models.knn.KnnModel;
import dev.ser.models.knn.KnnTrainer;
import dev.ser.models.knn.KnnWeights;
import dev.ser.models.linear.LogisticRegressionConfig;
import dev.ser.models.linear.LogisticRegressionModel;
import dev.ser.models.linear.LogisticRegressionTrainer;
import dev.ser.models.svm.Gamma;
import dev.ser.models.svm.SvmConfig;
import dev.ser.models.svm.SvmModel;
import dev.ser.models.svm.SvmTrainer;
import dev.ser.models.tree.DecisionTreeConfig;
import dev.ser.models.tree.DecisionTreeTrainer;
import dev.ser.models.tree.MaxFeatures;
import dev.ser.models.tree.Tree;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hyper-parameter semantics of the individual models. */
class TreeAndSvmDetailsTest {

    private static final FeatureTable DATA = TestData.blobs(200, 5, 3, 1.0, 8);

    /** Training rows reaching each leaf. */
    private static int[] leafSizes(Tree t, FeatureTable data) {
        int[] n = new int[t.nodeCount()];
        for (int i = 0; i < data.rows(); i++) {
            n[t.apply(data.row(i))]++;
        }
        return n;
    }

    @Test
    void treeRespectsDepthAndLeafLimits() {
        Tree deep = new DecisionTreeTrainer(DecisionTreeConfig.DEFAULT).fit(DATA).tree();
        Tree shallow = new DecisionTreeTrainer(DecisionTreeConfig.builder().maxDepth(3).build()).fit(DATA).tree();
        assertTrue(deep.depth() > 3);
        assertTrue(shallow.depth() <= 3);
        Tree leafy = new DecisionTreeTrainer(DecisionTreeConfig.builder().minSamplesLeaf(10).build()).fit(DATA).tree();
        int[] sizes = leafSizes(leafy, DATA);
        int[] f = leafy.feature();
        for (int i = 0; i < sizes.length; i++) {
            if (f[i] < 0) {
                assertTrue(sizes[i] >= 10, "leaf " + i + " holds " + sizes[i]);
            }
        }
        Tree split = new DecisionTreeTrainer(DecisionTreeConfig.builder().minSamplesSplit(60).build()).fit(DATA)
                .tree();
        assertTrue(split.nodeCount() < deep.nodeCount());
    }

    @Test
    void fullTreeFitsTrainingDataAndLeavesArePure() {
        Tree t = new DecisionTreeTrainer(DecisionTreeConfig.builder().maxFeatures(MaxFeatures.SQRT).build())
                .fit(DATA).tree();
        double[] v = t.value();
        for (int i = 0; i < DATA.rows(); i++) {
            int leaf = t.apply(DATA.row(i));
            assertEquals(1.0, v[leaf * 3 + DATA.label(i)], "row " + i);
        }
    }

    @Test
    void maxFeaturesResolvesAsScikitLearn() {
        assertEquals(13, MaxFeatures.SQRT.resolve(193));
        assertEquals(7, MaxFeatures.LOG2.resolve(193));
        assertEquals(193, MaxFeatures.ALL.resolve(193));
        assertEquals(19, MaxFeatures.fraction(0.1).resolve(193));
        assertEquals(1, MaxFeatures.fraction(0.001).resolve(193));
        assertEquals(5, MaxFeatures.count(50).resolve(5));
    }

    @Test
    void gammaRulesFollowScikitLearn() {
        double[] x = {1, 2, 3, 4, 5, 6};
        // population variance of 1..6 is 35/12
        assertEquals(1 / (3 * 35.0 / 12), Gamma.SCALE.resolve(x, 2, 3), 1e-15);
        assertEquals(1 / 3.0, Gamma.AUTO.resolve(x, 2, 3), 0);
        assertEquals(1.0, Gamma.SCALE.resolve(new double[] {2, 2}, 1, 2), 0);
        assertEquals(0.7, Gamma.of(0.7).resolve(x, 2, 3), 0);
        assertThrows(IllegalArgumentException.class, () -> Gamma.of(0));
    }

    @Test
    void svmWithOneClassPresentPredictsIt() {
        FeatureTable t = new FeatureTable(new double[] {0, 1, 2, 3}, 2, 2, new int[] {1, 1}, List.of("a", "b"),
                null, null);
        SvmModel m = new SvmTrainer(SvmConfig.DEFAULT).fit(t);
        assertArrayEquals(new double[] {0, 1}, m.predictProba(new double[] {5, 5}), 0);
    }

    @Test
    void svmGivesAbsentClassesZeroProbability() {
        FeatureTable three = TestData.blobs(60, 2, 2, 4.0, 1);
        FeatureTable t = new FeatureTable(three.rawData(), 60, 2, three.labels(), List.of("c0", "c1", "never"),
                null, null);
        SvmModel m = new SvmTrainer(SvmConfig.DEFAULT).fit(t);
        assertEquals(0.0, m.predictProba(new double[] {1, 1})[2]);
        assertArrayEquals(new int[] {0, 1}, m.classesPresent());
    }

    @Test
    void classWeightShiftsTheBoundaryTowardsTheLighterClass() {
        FeatureTable t = TestData.blobs(200, 2, 2, 1.0, 4);
        SvmConfig base = SvmConfig.builder().probability(false).build();
        SvmModel plain = new SvmTrainer(base).fit(t);
        SvmModel heavy = new SvmTrainer(base.toBuilder().classWeight(Map.of("c0", 20.0)).build()).fit(t);
        int plainC0 = 0;
        int heavyC0 = 0;
        for (int i = 0; i < t.rows(); i++) {
            plainC0 += plain.predict(t.row(i)) == 0 ? 1 : 0;
            heavyC0 += heavy.predict(t.row(i)) == 0 ? 1 : 0;
        }
        assertTrue(heavyC0 > plainC0, "weighting c0 should predict it more often: " + heavyC0 + " vs " + plainC0);
        assertThrows(IllegalArgumentException.class,
                () -> new SvmTrainer(base.toBuilder().classWeight(Map.of("nope", 2.0)).build()).fit(t));
    }

    @Test
    void svmVoteFractionsWithoutProbabilityModel() {
        SvmModel m = new SvmTrainer(SvmConfig.builder().probability(false).build()).fit(DATA);
        double[] p = m.predictProba(DATA.row(0));
        for (double v : p) {
            assertEquals(0, (v * 3) % 1, 1e-12, "a vote fraction of 3 pairs");
        }
        assertEquals(m.predictVote(DATA.row(0)), m.predict(DATA.row(0)));
    }

    @Test
    void knnDistanceWeightingTrustsExactMatches() {
        FeatureTable t = FeatureTable.of(new double[][] {{0}, {1}, {1.1}, {1.2}}, new int[] {0, 1, 1, 1},
                List.of("a", "b"));
        KnnModel m = new KnnTrainer(KnnConfig.builder().k(4).weights(KnnWeights.DISTANCE).build()).fit(t);
        assertArrayEquals(new double[] {1, 0}, m.predictProba(new double[] {0}), 0);
        KnnModel u = new KnnTrainer(KnnConfig.builder().k(4).build()).fit(t);
        assertArrayEquals(new double[] {0.25, 0.75}, u.predictProba(new double[] {0}), 0);
        assertThrows(IllegalArgumentException.class, () -> new KnnTrainer(KnnConfig.builder().k(5).build()).fit(t));
    }

    @Test
    void logisticRegressionReachesTheL2RegularisedOptimum() {
        LogisticRegressionModel m = new LogisticRegressionTrainer(LogisticRegressionConfig.builder().tol(1e-8)
                .maxIter(500).build()).fit(DATA);
        // at the optimum the gradient vanishes: sum_i (p_ic - y_ic) x_ij + W_jc / C = 0
        int d = DATA.cols();
        int k = 3;
        double[] w = m.weights();
        double[] g = new double[d * k];
        for (int i = 0; i < DATA.rows(); i++) {
            double[] x = DATA.row(i);
            double[] p = m.predictProba(x);
            for (int j = 0; j < d; j++) {
                for (int c = 0; c < k; c++) {
                    g[j * k + c] += (p[c] - (DATA.label(i) == c ? 1 : 0)) * x[j];
                }
            }
        }
        for (int q = 0; q < g.length; q++) {
            assertEquals(0, g[q] + w[q], 1e-4, "gradient component " + q);
        }
    }

    @Test
    void nonFiniteFeaturesAreRefused() {
        FeatureTable bad = FeatureTable.of(new double[][] {{0, 1}, {Double.NaN, 2}, {3, 4}}, new int[] {0, 1, 0},
                List.of("a", "b"));
        for (var trainer : List.of(new SvmTrainer(SvmConfig.DEFAULT),
                new DecisionTreeTrainer(DecisionTreeConfig.DEFAULT),
                new LogisticRegressionTrainer(LogisticRegressionConfig.DEFAULT),
                new KnnTrainer(KnnConfig.builder().k(1).build()))) {
            assertThrows(IllegalArgumentException.class, () -> trainer.fit(bad), trainer.modelType());
        }
    }
}
