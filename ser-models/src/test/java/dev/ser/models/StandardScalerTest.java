package dev.ser.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StandardScalerTest {

    @Test
    void populationStatisticsAndConstantColumns() {
        // column 0: 1, 2, 3, 4 -> mean 2.5, population std sqrt(1.25); column 1 constant 7
        double[] x = {1, 7, 2, 7, 3, 7, 4, 7};
        StandardScaler s = StandardScaler.fit(x, 4, 2);
        assertArrayEquals(new double[] {2.5, 7}, s.mean(), 0);
        assertEquals(Math.sqrt(1.25), s.scale()[0], 1e-15);
        assertEquals(1.0, s.scale()[1], 0, "zero-variance columns keep scale 1 as in scikit-learn");
        assertArrayEquals(new double[] {-1.5 / Math.sqrt(1.25), 0}, s.transform(new double[] {1, 7}), 1e-15);
    }

    @Test
    void nearlyConstantColumnFromRoundingIsTreatedAsConstant() {
        double v = 0.1 + 0.2;
        double[] x = {v, v, v};
        assertEquals(1.0, StandardScaler.fit(x, 3, 1).scale()[0], 0);
    }

    @Property(tries = 100)
    void transformedTrainingDataHasZeroMeanUnitVariance(
            @ForAll @Size(min = 2, max = 30) List<@DoubleRange(min = -1e3, max = 1e3) Double> values) {
        double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
        StandardScaler s = StandardScaler.fit(x, x.length, 1);
        double[] t = x.clone();
        s.transformInPlace(t, x.length);
        double mean = 0;
        for (double v : t) {
            mean += v;
        }
        mean /= t.length;
        double var = 0;
        for (double v : t) {
            var += (v - mean) * (v - mean);
        }
        var /= t.length;
        assertEquals(0, mean, 1e-9);
        if (s.scale()[0] != 1.0 || var > 1e-12) {
            assertEquals(1.0, var, 1e-9);
        }
    }
}
