package dev.ser.models.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.models.Classifier;
import dev.ser.models.FeatureTable;
import dev.ser.models.ScaledModel;
import dev.ser.models.ScaledTrainer;
import dev.ser.models.TestData;
import dev.ser.models.Trainer;
import dev.ser.models.io.ModelFileException;
import dev.ser.models.io.ModelFiles;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour every classic model must show: learning, determinism, probabilities, model files. */
class ClassicModelsTest {

    private static final FeatureTable BLOBS = TestData.blobs(240, 4, 3, 5.0, 11);
    private static final FeatureTable BLOBS_TEST = TestData.blobs(90, 4, 3, 5.0, 12);

    static List<Models.Case> cases() {
        return Models.all();
    }

    static List<Models.Case> nonLinearCases() {
        return Models.all().stream().filter(Models.Case::nonLinear).toList();
    }

    private static double accuracy(Classifier m, FeatureTable t) {
        int[] p = m.predict(t);
        return IntStream.range(0, t.rows()).filter(i -> p[i] == t.label(i)).count() / (double) t.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void learnsSeparableBlobs(Models.Case c) {
        Classifier m = c.trainer().apply(1).fit(BLOBS);
        double acc = accuracy(m, BLOBS_TEST);
        assertTrue(acc >= 0.95, c + " held-out accuracy " + acc);
        assertEquals(BLOBS.labelNames(), m.labels());
        assertEquals(4, m.numFeatures());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonLinearCases")
    void learnsXor(Models.Case c) {
        FeatureTable xor = TestData.xor(10);
        Classifier m = c.trainer().apply(3).fit(xor);
        assertEquals(1.0, accuracy(m, xor), c + " on XOR");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void probabilitiesAreDistributionsAndPredictIsTheirArgmax(Models.Case c) {
        Classifier m = c.trainer().apply(1).fit(BLOBS);
        for (int i = 0; i < BLOBS_TEST.rows(); i++) {
            double[] p = m.predictProba(BLOBS_TEST.row(i));
            assertEquals(3, p.length);
            double sum = 0;
            for (double v : p) {
                assertTrue(v >= 0 && v <= 1, c + " probability " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-9, c + " probabilities sum");
            if (!c.name().equals("svm-poly-votes")) {
                assertEquals(Classifier.argmax(p), m.predict(BLOBS_TEST.row(i)));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> m.predictProba(new double[3]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameSeedSameModel(Models.Case c) {
        Classifier a = c.trainer().apply(42).fit(BLOBS);
        Classifier b = c.trainer().apply(42).fit(BLOBS);
        for (int i = 0; i < BLOBS_TEST.rows(); i++) {
            assertArrayEquals(a.predictProba(BLOBS_TEST.row(i)), b.predictProba(BLOBS_TEST.row(i)), 0.0, c.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void modelFileRoundTripGivesIdenticalPredictions(Models.Case c) throws Exception {
        Trainer<?> inner = c.trainer().apply(5);
        ScaledModel<?> model = ScaledTrainer.of(inner).fit(BLOBS);
        byte[] bytes = ModelFiles.toBytes(model);
        ScaledModel<?> back = ModelFiles.fromBytes(bytes, c.name());
        assertEquals(model.model().getClass(), back.model().getClass());
        for (int i = 0; i < BLOBS_TEST.rows(); i++) {
            double[] x = BLOBS_TEST.row(i);
            assertArrayEquals(model.predictProba(x), back.predictProba(x), 0.0, c.name());
            assertEquals(model.predict(x), back.predict(x));
        }
        assertEquals(bytes.length, ModelFiles.toBytes(back).length, "re-encoded size");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void truncatedOrFlippedFilesAreRefused(Models.Case c) {
        byte[] bytes = ModelFiles.toBytes(ScaledTrainer.of(c.trainer().apply(5)).fit(BLOBS));
        for (int cut : new int[] {0, 7, 30, bytes.length / 2, bytes.length - 33, bytes.length - 1}) {
            byte[] shortened = java.util.Arrays.copyOf(bytes, cut);
            assertThrows(ModelFileException.class, () -> ModelFiles.fromBytes(shortened, "cut"), c + " cut " + cut);
        }
        for (int pos : new int[] {10, bytes.length / 3, bytes.length / 2, bytes.length - 40, bytes.length - 2}) {
            byte[] flipped = bytes.clone();
            flipped[pos] ^= 0x10;
            assertThrows(ModelFileException.class, () -> ModelFiles.fromBytes(flipped, "flip"), c + " flip " + pos);
        }
    }
}
