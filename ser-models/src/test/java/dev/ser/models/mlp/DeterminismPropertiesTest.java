package dev.ser.models.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.ser.models.FeatureTable;
import dev.ser.models.TestData;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DeterminismPropertiesTest {

    @Property(tries = 12)
    void threadCountNeverChangesTheWeights(@ForAll @IntRange(min = 1, max = 70) int hidden,
                                           @ForAll @IntRange(min = 1, max = 40) int features,
                                           @ForAll @IntRange(min = 2, max = 5) int classes,
                                           @ForAll @IntRange(min = 1, max = 64) int batch,
                                           @ForAll Activation activation, @ForAll Solver solver) {
        FeatureTable t = TestData.blobs(67, features, classes, 1.0, hidden);
        MlpConfig.Builder b = MlpConfig.builder().hiddenLayerSizes(hidden, 3 + hidden % 40).activation(activation)
                .solver(solver).batchSize(batch).maxIter(2).seed(features);
        MlpModel one = new MlpTrainer(b.threads(1).build()).fit(t);
        MlpModel two = new MlpTrainer(b.threads(2).build()).fit(t);
        assertArrayEquals(one.parameters(), two.parameters(), 0.0);
    }
}
