package dev.ser.models.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.ensemble.BaggingConfig;
import dev.ser.models.ensemble.GradientBoostingConfig;
import dev.ser.models.ensemble.RandomForestConfig;
import dev.ser.models.knn.KnnConfig;
import dev.ser.models.knn.KnnWeights;
import dev.ser.models.linear.LogisticRegressionConfig;
import dev.ser.models.svm.Gamma;
import dev.ser.models.svm.Kernel;
import dev.ser.models.svm.SvmConfig;
import dev.ser.models.tree.Criterion;
import dev.ser.models.tree.DecisionTreeConfig;
import dev.ser.models.tree.MaxFeatures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hyper-parameters survive JSON (as stored in model files and provenance) and defaults are scikit-learn's. */
class ConfigJsonTest {

    @Test
    void defaultsAreScikitLearns() {
        assertEquals(1.0, SvmConfig.DEFAULT.c());
        assertEquals(Kernel.RBF, SvmConfig.DEFAULT.kernel());
        assertEquals(Gamma.SCALE, SvmConfig.DEFAULT.gamma());
        assertEquals(3, SvmConfig.DEFAULT.degree());
        assertEquals(100, RandomForestConfig.DEFAULT.nEstimators());
        assertEquals(MaxFeatures.SQRT, RandomForestConfig.DEFAULT.tree().maxFeatures());
        assertEquals(Integer.MAX_VALUE, RandomForestConfig.DEFAULT.tree().maxDepth());
        assertEquals(3, GradientBoostingConfig.DEFAULT.maxDepth());
        assertEquals(0.1, GradientBoostingConfig.DEFAULT.learningRate());
        assertEquals(100, GradientBoostingConfig.DEFAULT.nEstimators());
        assertEquals(5, KnnConfig.DEFAULT.k());
        assertEquals(10, BaggingConfig.DEFAULT.nEstimators());
        assertEquals(100, LogisticRegressionConfig.DEFAULT.maxIter());
    }

    @Test
    void everyConfigRoundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SvmConfig svm = SvmConfig.builder().c(3).kernel(Kernel.POLY).gamma(Gamma.of(0.25)).degree(2).coef0(0.5)
                .probability(false).tol(1e-4).classWeight(Map.of("a", 2.0)).balanced(true).seed(7).build();
        assertEquals(svm, SvmConfig.fromJson(json.readTree(json.writeValueAsString(svm.toJson()))));
        assertEquals(SvmConfig.DEFAULT, SvmConfig.fromJson(SvmConfig.DEFAULT.toJson()));
        DecisionTreeConfig tree = DecisionTreeConfig.builder().criterion(Criterion.ENTROPY).maxDepth(7)
                .minSamplesSplit(4).minSamplesLeaf(2).maxFeatures(MaxFeatures.fraction(0.3)).seed(5).build();
        assertEquals(tree, DecisionTreeConfig.fromJson(tree.toJson()));
        assertEquals(DecisionTreeConfig.DEFAULT, DecisionTreeConfig.fromJson(DecisionTreeConfig.DEFAULT.toJson()));
        RandomForestConfig forest = RandomForestConfig.builder().nEstimators(33).maxDepth(9)
                .maxFeatures(MaxFeatures.count(4)).bootstrap(false).seed(3).threads(2).build();
        RandomForestConfig forestBack = RandomForestConfig.fromJson(forest.toJson());
        assertEquals(forest.toJson(), forestBack.toJson());
        assertEquals(RandomForestConfig.DEFAULT.toJson(), RandomForestConfig.fromJson(new ObjectNode(
                json.getNodeFactory())).toJson());
        GradientBoostingConfig gb = GradientBoostingConfig.builder().nEstimators(7).learningRate(0.3).subsample(0.5)
                .maxDepth(2).maxFeatures(MaxFeatures.LOG2).seed(1).build();
        assertEquals(gb, GradientBoostingConfig.fromJson(gb.toJson()));
        KnnConfig knn = KnnConfig.builder().k(9).weights(KnnWeights.DISTANCE).build();
        assertEquals(knn, KnnConfig.fromJson(knn.toJson()));
        LogisticRegressionConfig lr = LogisticRegressionConfig.builder().c(0.1).maxIter(50).fitIntercept(false)
                .build();
        assertEquals(lr, LogisticRegressionConfig.fromJson(lr.toJson()));
        BaggingConfig bag = BaggingConfig.builder().nEstimators(4).maxSamples(0.5).bootstrap(false).seed(2)
                .build();
        assertEquals(bag, BaggingConfig.fromJson(bag.toJson()));
    }

    @Test
    void invalidValuesAreRefusedWithTheirName() {
        var e = assertThrows(IllegalArgumentException.class, () -> SvmConfig.builder().c(0).build());
        assertEquals(true, e.getMessage().contains("C"));
        assertThrows(IllegalArgumentException.class, () -> DecisionTreeConfig.builder().minSamplesLeaf(0).build());
        assertThrows(IllegalArgumentException.class, () -> GradientBoostingConfig.builder().subsample(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> MaxFeatures.fraction(0));
        assertThrows(IllegalArgumentException.class, () -> KnnConfig.fromJson(new ObjectMapper().createObjectNode()
                .put("metric", "manhattan")));
        assertThrows(IllegalArgumentException.class, () -> SvmConfig.fromJson(new ObjectMapper().createObjectNode()
                .put("C", "big")));
    }
}
