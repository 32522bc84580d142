package dev.ser.models.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.models.Classifier;
import dev.ser.models.FeatureTable;
import dev.ser.models.TestData;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every classic model returns a probability distribution for any finite input, however far out. */
class ProbabilityProperties {

    private static final FeatureTable DATA = TestData.blobs(120, 4, 3, 2.0, 21);
    private static final List<Classifier> MODELS = Models.all().stream()
            .map(c -> (Classifier) c.trainer().apply(1).fit(DATA)).toList();

    @Provide
    Arbitrary<double[]> inputs() {
        return Arbitraries.doubles().between(-1e6, 1e6).array(double[].class).ofSize(4);
    }

    @Property(tries = 200)
    void probabilitiesFormADistribution(@ForAll("inputs") double[] x) {
        for (Classifier m : MODELS) {
            double[] p = m.predictProba(x);
            assertEquals(3, p.length);
            double sum = 0;
            for (double v : p) {
                assertTrue(v >= 0 && v <= 1, m.getClass().getSimpleName() + " gave " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-9, m.getClass().getSimpleName());
        }
    }
}
