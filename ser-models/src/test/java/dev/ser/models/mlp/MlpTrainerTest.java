package dev.ser.models.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.models.FeatureTable;
import dev.ser.models.ScaledModel;
import dev.ser.models.ScaledTrainer;
import dev.ser.models.TestData;
import dev.ser.models.TrainingListener;
import dev.ser.models.eval.Evaluator;
import dev.ser.models.eval.SplitKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlpTrainerTest {

    @Test
    void learnsXor() {
        FeatureTable xor = TestData.xor(25);
        MlpConfig cfg = MlpConfig.builder().hiddenLayerSizes(16).activation(Activation.TANH)
                .learningRateInit(0.02).batchSize(20).maxIter(400).seed(3).build();
        MlpModel m = new MlpTrainer(cfg).fit(xor);
        assertArrayEquals(new int[] {0, 1, 1, 0}, m.predict(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}));
        double[] curve = m.history().lossCurve();
        assertTrue(curve[curve.length - 1] < 0.1 * curve[0], "loss should fall by 10x: " + curve[curve.length - 1]);
    }

    @Test
    void separatesBlobsWithEveryActivationAndSolver() {
        FeatureTable train = TestData.blobs(300, 5, 3, 4.0, 1);
        FeatureTable test = TestData.blobs(150, 5, 3, 4.0, 2);
        for (Activation a : Activation.values()) {
            for (Solver s : Solver.values()) {
                MlpConfig cfg = MlpConfig.builder().hiddenLayerSizes(10).activation(a).solver(s)
                        .learningRateInit(s == Solver.SGD ? 0.05 : 0.01).maxIter(60).seed(5).build();
                ScaledModel<MlpModel> m = ScaledTrainer.of(new MlpTrainer(cfg)).fit(train);
                double acc = Evaluator.evaluate(m, test, SplitKind.PREDEFINED).accuracy();
                assertTrue(acc > 0.95, a + "/" + s + " accuracy " + acc);
            }
        }
    }

    @Test
    void bitIdenticalWeightsForOneAndTwoThreads() {
        // odd sizes exercise the kernels' remainder paths; two hidden layers exercise the transposes
        FeatureTable t = TestData.blobs(203, 19, 4, 1.0, 9);
        MlpConfig.Builder b = MlpConfig.builder().hiddenLayerSizes(37, 13).batchSize(50).maxIter(5).seed(11);
        MlpModel one = new MlpTrainer(b.threads(1).build()).fit(t);
        MlpModel two = new MlpTrainer(b.threads(2).build()).fit(t);
        MlpModel three = new MlpTrainer(b.threads(3).build()).fit(t);
        assertArrayEquals(one.parameters(), two.parameters(), 0.0);
        assertArrayEquals(one.parameters(), three.parameters(), 0.0);
        assertArrayEquals(one.history().lossCurve(), two.history().lossCurve(), 0.0);
        MlpModel again = new MlpTrainer(b.threads(1).build()).fit(t);
        assertArrayEquals(one.parameters(), again.parameters(), 0.0);
        MlpModel otherSeed = new MlpTrainer(b.seed(12).build()).fit(t);
        assertFalse(Arrays.equals(one.parameters(), otherSeed.parameters()));
    }

    @Test
    void batchedAndSinglePredictionsAreIdentical() {
        FeatureTable t = TestData.blobs(300, 21, 3, 1.0, 4);
        // 40 hidden units: the softmax layer is computed transposed in the batched path
        MlpModel m = new MlpTrainer(MlpConfig.builder().hiddenLayerSizes(40, 35).maxIter(3).build()).fit(t);
        double[][] xs = new double[t.rows()][];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = t.row(i);
        }
        double[][] batched = m.predictProba(xs);
        for (int i = 0; i < xs.length; i++) {
            assertArrayEquals(m.predictProba(xs[i]), batched[i], 0.0);
        }
    }

    @Test
    void glorotInitialisationBounds() {
        Layout layout = new Layout(new int[] {10, 20, 3});
        for (Activation a : List.of(Activation.RELU, Activation.LOGISTIC)) {
            double[] p = MlpTrainer.initialParameters(layout, a, new dev.ser.models.util.SplitMix64(1));
            double factor = a == Activation.LOGISTIC ? 2 : 6;
            double b0 = Math.sqrt(factor / 30);
            double max0 = 0;
            for (int i = 0; i < layout.biasOffset(0) + 20; i++) {
                max0 = Math.max(max0, Math.abs(p[i]));
            }
            assertTrue(max0 <= b0 && max0 > 0.9 * b0, a + ": " + max0 + " vs bound " + b0);
        }
    }

    @Test
    void stopsAfterNIterNoChangePlusOneEpochsWithoutImprovement() {
        FeatureTable t = TestData.blobs(60, 3, 2, 2.0, 1);
        // tol so large that no epoch ever counts as an improvement: the first epoch sets the best
        // loss, then the counter reaches n_iter_no_change + 1 after 1 + (n + 1) epochs
        MlpModel m = new MlpTrainer(MlpConfig.builder().hiddenLayerSizes(4).tol(1e9).nIterNoChange(3).build()).fit(t);
        assertEquals(5, m.history().epochs());
        assertTrue(m.history().converged());
        MlpModel es = new MlpTrainer(MlpConfig.builder().hiddenLayerSizes(4).tol(1e9).nIterNoChange(3)
                .earlyStopping(true).validationFraction(0.2).build()).fit(t);
        assertEquals(5, es.history().epochs());
        assertEquals(5, es.history().validationScores().length);
    }

    @Test
    void earlyStoppingStopsAndKeepsBestValidationWeights() {
        FeatureTable t = TestData.blobs(200, 4, 2, 3.0, 3);
        List<Double> scores = new ArrayList<>();
        MlpModel m = new MlpTrainer(MlpConfig.builder().hiddenLayerSizes(8).earlyStopping(true).maxIter(500)
                .learningRateInit(0.01).seed(2).build()).fit(t, e -> scores.add(e.validationScore()));
        assertTrue(m.history().epochs() < 500, "validation accuracy saturates, so training must stop early");
        double best = scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(best > 0.9);
        // the restored weights score the best validation accuracy seen (same stratified split, same seed)
        int[][] split = Splits.stratifiedHoldOut(t.labels(), 2, 0.1, seededAfterInit(t));
        FeatureTable val = t.subset(split[1]);
        double acc = Evaluator.evaluate(m, val, SplitKind.UNSPECIFIED).accuracy();
        assertEquals(best, acc, 0.0);
    }

    /** The generator state after initialisation, as the trainer uses it for the validation split. */
    private static dev.ser.models.util.SplitMix64 seededAfterInit(FeatureTable t) {
        dev.ser.models.util.SplitMix64 rng = new dev.ser.models.util.SplitMix64(2);
        MlpTrainer.initialParameters(new Layout(new int[] {t.cols(), 8, 2}), Activation.RELU, rng);
        return rng;
    }

    @Test
    void invscalingFollowsSamplesSeen() {
        FeatureTable t = TestData.blobs(50, 3, 2, 2.0, 1);
        List<Double> rates = new ArrayList<>();
        new MlpTrainer(MlpConfig.builder().hiddenLayerSizes(4).solver(Solver.SGD).learningRate(LearningRate.INVSCALING)
                .learningRateInit(0.1).maxIter(4).tol(0).build()).fit(t, e -> rates.add(e.learningRate()));
        for (int e = 1; e <= 4; e++) {
            assertEquals(0.1 / Math.pow(50.0 * e + 1, 0.5), rates.get(e - 1), 1e-15);
        }
    }

    @Test
    void adaptiveDividesByFiveOnPlateauAndStopsBelowOneMicro() {
        FeatureTable t = TestData.blobs(50, 3, 2, 2.0, 1);
        List<TrainingListener.EpochEvent> events = new ArrayList<>();
        MlpModel m = new MlpTrainer(MlpConfig.builder().hiddenLayerSizes(4).solver(Solver.SGD)
                .learningRate(LearningRate.ADAPTIVE).learningRateInit(0.01).tol(1e9).nIterNoChange(2).maxIter(1000)
                .build()).fit(t, events::add);
        // 0.01 -> 0.002 -> ... : reductions while lr > 1e-6, then one more plateau stops training
        int reductions = 0;
        double lr = 0.01;
        while (lr > 1e-6) {
            lr /= 5;
            reductions++;
        }
        // first plateau after 1 + 3 epochs, every later one after 3 more epochs
        assertEquals(4 + 3 * reductions, m.history().epochs());
        assertEquals(0.01, events.get(0).learningRate(), 0);
        assertEquals(0.002, events.get(4).learningRate(), 1e-18);
        assertTrue(m.history().converged());
    }

    @Test
    void lossCurveIncludesL2Penalty() {
        FeatureTable t = TestData.blobs(40, 3, 2, 2.0, 1);
        MlpConfig base = MlpConfig.builder().hiddenLayerSizes(5).maxIter(1).shuffle(false).build();
        double plain = new MlpTrainer(base.toBuilder().alpha(0).build()).fit(t).history().lossCurve()[0];
        double penalised = new MlpTrainer(base.toBuilder().alpha(10).build()).fit(t).history().lossCurve()[0];
        assertTrue(penalised > plain + 0.1, plain + " vs " + penalised);
    }
}
