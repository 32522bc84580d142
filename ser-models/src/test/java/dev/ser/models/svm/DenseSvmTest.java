package dev.ser.models.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ser.models.FeatureTable;
import dev.ser.models.TestData;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The dense prediction path computes LIBSVM's own decision values and probabilities. */
class DenseSvmTest {

    private static final List<SvmModel> MODELS = models();

    private static List<SvmModel> models() {
        List<SvmModel> out = new ArrayList<>();
        int[] classes = {2, 3, 4};
        for (Kernel kernel : Kernel.values()) {
            for (int k : classes) {
                FeatureTable t = TestData.blobs(80, 3, k, 1.5, 10 + k);
                out.add(new SvmTrainer(SvmConfig.builder().kernel(kernel).coef0(kernel == Kernel.SIGMOID ? 0 : 1)
                        .gamma(kernel == Kernel.SIGMOID ? Gamma.of(0.1) : Gamma.SCALE).seed(k).build()).fit(t));
            }
        }
        return out;
    }

    @Provide
    Arbitrary<double[]> inputs() {
        return Arbitraries.doubles().between(-4, 4).array(double[].class).ofSize(3);
    }

    @Property(tries = 100)
    void denseMatchesLibsvm(@ForAll("inputs") double[] x) {
        for (SvmModel m : MODELS) {
            double[] ours = m.decisionValues(x);
            double[] theirs = m.libsvmDecisionValues(x);
            for (int p = 0; p < ours.length; p++) {
                assertEquals(theirs[p], ours[p], 1e-12 * Math.max(1, Math.abs(theirs[p])),
                        m.config().kernel() + " pair " + p);
            }
            double[] prob = m.predictProba(x);
            double[] lib = m.libsvmProbabilities(x);
            int[] present = m.classesPresent();
            for (int i = 0; i < lib.length; i++) {
                assertEquals(lib[i], prob[present[i]], 1e-12, m.config().kernel() + " class " + i);
            }
        }
    }
}
