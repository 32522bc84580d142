package dev.ser.models.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.models.TestData;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class ProbabilityPropertiesTest {

    private static final MlpModel MODEL = new MlpTrainer(MlpConfig.builder().hiddenLayerSizes(6)
            .activation(Activation.TANH).maxIter(5).build()).fit(TestData.blobs(40, 3, 4, 2.0, 1));

    @Property(tries = 200)
    void probabilitiesAreNonNegativeAndSumToOne(
            @ForAll @Size(3) List<@DoubleRange(min = -1e4, max = 1e4) Double> x) {
        double[] p = MODEL.predictProba(x.stream().mapToDouble(Double::doubleValue).toArray());
        double sum = 0;
        for (double v : p) {
            assertTrue(v >= 0 && v <= 1, "probability " + v);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
    }

    @Property(tries = 50)
    void softmaxIsShiftInvariant(@ForAll @Size(4) List<@DoubleRange(min = -50, max = 50) Double> z,
                                 @ForAll @DoubleRange(min = -100, max = 100) double shift) {
        double[] a = z.stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = a.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] += shift;
        }
        Layout.softmaxRows(a, 4, 0, 1);
        Layout.softmaxRows(b, 4, 0, 1);
        for (int i = 0; i < 4; i++) {
            assertEquals(a[i], b[i], 1e-12);
        }
    }

}
