package dev.ser.models.mlp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.models.FeatureTable;
import dev.ser.models.TestData;
import dev.ser.models.util.SplitMix64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Back-propagated gradients against central finite differences of the loss. */
class GradientCheckTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void backpropMatchesFiniteDifferences(Activation activation) {
        FeatureTable t = TestData.blobs(9, 4, 3, 1.0, 7);
        MlpConfig cfg = MlpConfig.builder().hiddenLayerSizes(5, 3).activation(activation).alpha(0.3).build();
        Layout layout = new Layout(MlpTrainer.layerSizes(cfg, t));
        double[] params = MlpTrainer.initialParameters(layout, activation, new SplitMix64(42));
        // shift the biases away from zero so that no relu unit sits on its kink
        for (int i = 0; i < params.length; i++) {
            params[i] += 0.05;
        }
        double[] grad = new double[params.length];
        MlpTrainer.lossAndGradient(cfg, t, params, grad);
        double h = 1e-6;
        double worst = 0;
        for (int i = 0; i < params.length; i++) {
            double[] plus = params.clone();
            double[] minus = params.clone();
            plus[i] += h;
            minus[i] -= h;
            double[] scratch = new double[params.length];
            double numeric = (MlpTrainer.lossAndGradient(cfg, t, plus, scratch)
                    - MlpTrainer.lossAndGradient(cfg, t, minus, scratch)) / (2 * h);
            double err = Math.abs(numeric - grad[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(grad[i]));
            worst = Math.max(worst, err);
        }
        assertTrue(worst < 1e-5, activation + ": worst relative gradient error " + worst);
    }
}
