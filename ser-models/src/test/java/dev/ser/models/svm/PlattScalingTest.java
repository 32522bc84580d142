package dev.ser.models.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ser.models.FeatureTable;
import dev.ser.models.TestData;
import dev.ser.models.util.SplitMix64;
import org.junit.jupiter.api.Test;

class PlattScalingTest {

    @Test
    void sigmoidFitRecoversTheGeneratingSigmoid() {
        // labels drawn from P(positive | f) = 1 / (1 + exp(A f + B)) with A = -2, B = 0.5
        SplitMix64 rng = new SplitMix64(3);
        int n = 40000;
        double[] f = new double[n];
        boolean[] positive = new boolean[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            f[i] = rng.uniform(-3, 3);
            positive[i] = rng.nextDouble() < 1 / (1 + Math.exp(-2 * f[i] + 0.5));
            positives += positive[i] ? 1 : 0;
        }
        double[] ordered = new double[n];
        for (int i = 0, p = 0, q = positives; i < n; i++) {
            ordered[positive[i] ? p++ : q++] = f[i];
        }
        double[] ab = PlattScaling.sigmoid(ordered, positives);
        assertEquals(-2, ab[0], 0.1);
        assertEquals(0.5, ab[1], 0.1);
    }

    @Test
    void probabilityModelIsIdenticalForAnyThreadCount() {
        FeatureTable t = TestData.blobs(150, 3, 4, 1.5, 6);
        SvmConfig.Builder b = SvmConfig.builder().seed(11);
        SvmModel one = new SvmTrainer(b.threads(1).build()).fit(t);
        SvmModel three = new SvmTrainer(b.threads(3).build()).fit(t);
        for (int i = 0; i < t.rows(); i += 5) {
            assertArrayEquals(one.predictProba(t.row(i)), three.predictProba(t.row(i)), 0.0);
        }
    }

    @Test
    void precomputedKernelsGiveTheSameProbabilitiesAsLibsvmKernels() {
        for (Kernel kernel : Kernel.values()) {
            FeatureTable t = TestData.blobs(120, 3, 3, 1.5, 2);
            SvmTrainer trainer = new SvmTrainer(SvmConfig.builder().kernel(kernel).coef0(0.5)
                    .gamma(kernel == Kernel.SIGMOID ? Gamma.of(0.1) : Gamma.SCALE).build());
            SvmModel pre = trainer.fit(t, Integer.MAX_VALUE);
            SvmModel plain = trainer.fit(t, 0);
            for (int i = 0; i < t.rows(); i += 3) {
                assertArrayEquals(plain.predictProba(t.row(i)), pre.predictProba(t.row(i)), 1e-9, kernel.name());
            }
        }
    }

    @Test
    void precomputedPairsGiveLibsvmsMultiClassModel() {
        for (Kernel kernel : Kernel.values()) {
            FeatureTable t = TestData.blobs(150, 3, 4, 1.2, 9);
            SvmTrainer trainer = new SvmTrainer(SvmConfig.builder().kernel(kernel).coef0(0.5).probability(false)
                    .gamma(kernel == Kernel.SIGMOID ? Gamma.of(0.1) : Gamma.SCALE).build());
            SvmModel pre = trainer.fit(t, Integer.MAX_VALUE);
            SvmModel plain = trainer.fit(t, 0);
            assertEquals(plain.supportVectorCount(), pre.supportVectorCount(), kernel.name());
            for (int i = 0; i < t.rows(); i += 2) {
                assertArrayEquals(plain.decisionValues(t.row(i)), pre.decisionValues(t.row(i)), 1e-9, kernel.name());
            }
        }
    }
}
