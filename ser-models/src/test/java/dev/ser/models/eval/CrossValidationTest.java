package dev.ser.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.models.FeatureTable;
import dev.ser.models.ScaledTrainer;
import dev.ser.models.TestData;
import dev.ser.models.mlp.MlpConfig;
import dev.ser.models.mlp.MlpTrainer;
import dev.ser.models.tuning.GridSearch;
import dev.ser.models.tuning.GridSearchResult;
import dev.ser.models.tuning.MlpGrid;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    private static final FeatureTable DATA = TestData.blobs(140, 4, 3, 3.0, 5);

    @Test
    void groupFoldsNeverShareGroupsAndCoverEveryRowOnce() {
        String[] groups = DATA.groups().orElseThrow();
        List<Fold> folds = Folds.groupKFold(groups, 3);
        int[] seen = new int[DATA.rows()];
        for (Fold f : folds) {
            Set<String> trainGroups = new HashSet<>();
            for (int i : f.train()) {
                trainGroups.add(groups[i]);
            }
            for (int i : f.test()) {
                assertFalse(trainGroups.contains(groups[i]));
                seen[i]++;
            }
        }
        assertTrue(Arrays.stream(seen).allMatch(c -> c == 1));
        assertEquals(7, Folds.leaveOneGroupOut(groups).size());
        assertThrows(IllegalArgumentException.class, () -> Folds.groupKFold(groups, 8));
    }

    @Test
    void parallelCrossValidationIsDeterministic() {
        List<Fold> folds = Folds.groupKFold(DATA.groups().orElseThrow(), 4);
        ScaledTrainer<?> trainer = ScaledTrainer.of(new MlpTrainer(MlpConfig.builder().hiddenLayerSizes(8)
                .maxIter(40).learningRateInit(0.01).build()));
        CrossValidationResult serial = CrossValidator.run(trainer, DATA, folds, SplitKind.SPEAKER_INDEPENDENT, 1);
        CrossValidationResult parallel = CrossValidator.run(trainer, DATA, folds, SplitKind.SPEAKER_INDEPENDENT, 3);
        assertEquals(serial, parallel);
        assertEquals(4, serial.folds().size());
        MetricSummary uar = serial.summary(Metric.UAR);
        assertTrue(uar.mean() > 0.9, serial.toTable());
        assertTrue(uar.std() >= 0 && uar.min() <= uar.mean() && uar.mean() <= uar.max());
        assertEquals(DATA.rows(), serial.pooledConfusion().total());
        assertTrue(serial.toTable().contains("SPEAKER_INDEPENDENT"));
    }

    @Test
    void metricSummaryIsPopulationMeanAndStd() {
        MetricSummary s = MetricSummary.of(new double[] {0.5, 0.7, 0.9});
        assertEquals(0.7, s.mean(), 1e-15);
        assertEquals(Math.sqrt(0.08 / 3), s.std(), 1e-15);
    }

    @Test
    void gridSearchReportsEveryCandidateAndPicksTheBestMean() {
        List<MlpConfig> grid = MlpGrid.around(MlpConfig.builder().maxIter(30).learningRateInit(0.01).build())
                .hiddenLayerSizes(new int[] {2}, new int[] {8})
                .alpha(1e-4, 10.0)
                .build();
        assertEquals(4, grid.size());
        List<Fold> folds = Folds.groupKFold(DATA.groups().orElseThrow(), 3);
        GridSearchResult<MlpConfig> r = GridSearch.run(grid, c -> ScaledTrainer.of(new MlpTrainer(c)), DATA, folds,
                SplitKind.SPEAKER_INDEPENDENT, Metric.UAR, 2);
        assertEquals(4, r.entries().size());
        double bestMean = r.entries().stream().mapToDouble(e -> e.summary(Metric.UAR).mean()).max().orElseThrow();
        assertEquals(bestMean, r.best().summary(Metric.UAR).mean(), 0);
        GridSearchResult<MlpConfig> serial = GridSearch.run(grid, c -> ScaledTrainer.of(new MlpTrainer(c)), DATA,
                folds, SplitKind.SPEAKER_INDEPENDENT, Metric.UAR, 1);
        assertEquals(serial, r);
        assertTrue(r.toTable().contains("*"));
    }
}
