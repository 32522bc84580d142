package dev.ser.models.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.models.FeatureTable;
import dev.ser.models.ScaledTrainer;
import dev.ser.models.TestData;
import dev.ser.models.ensemble.ForestGrid;
import dev.ser.models.ensemble.RandomForestConfig;
import dev.ser.models.eval.Folds;
import dev.ser.models.svm.Gamma;
import dev.ser.models.svm.SvmConfig;
import dev.ser.models.svm.SvmGrid;
import dev.ser.models.svm.SvmTrainer;
import dev.ser.models.tree.MaxFeatures;
import dev.ser.models.tuning.GridSearch;
import dev.ser.models.tuning.GridSearchResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The classic grids plug into the models branch's grid search. */
class GridTest {

    @Test
    void svmGridIsTheCartesianProductFirstAxisSlowest() {
        List<SvmConfig> grid = SvmGrid.around(SvmConfig.DEFAULT).c(0.1, 10).gamma(Gamma.SCALE, Gamma.of(0.5)).build();
        assertEquals(4, grid.size());
        assertEquals(0.1, grid.get(1).c());
        assertEquals(Gamma.of(0.5), grid.get(1).gamma());
        assertEquals(10, grid.get(2).c());
    }

    @Test
    void forestGridCombines() {
        List<RandomForestConfig> grid = ForestGrid.around(RandomForestConfig.DEFAULT).nEstimators(10, 20)
                .maxFeatures(MaxFeatures.SQRT, MaxFeatures.LOG2, MaxFeatures.ALL).build();
        assertEquals(6, grid.size());
        assertEquals(MaxFeatures.LOG2, grid.get(4).tree().maxFeatures());
    }

    @Test
    void gridSearchOverSvmConfigurationsPrefersTheSensibleC() {
        FeatureTable data = TestData.blobs(120, 3, 3, 2.5, 5);
        List<SvmConfig> grid = SvmGrid.around(SvmConfig.builder().probability(false).build()).c(1e-4, 1.0).build();
        GridSearchResult<SvmConfig> r = GridSearch.run(grid, c -> ScaledTrainer.of(new SvmTrainer(c)), data,
                Folds.stratifiedKFold(data.labels(), 3, 1), dev.ser.models.eval.SplitKind.SPEAKER_DEPENDENT,
                dev.ser.models.eval.Metric.UAR, 2);
        assertEquals(1.0, r.best().config().c());
        assertTrue(r.best().summary(dev.ser.models.eval.Metric.UAR).mean() > 0.8);
    }
}
