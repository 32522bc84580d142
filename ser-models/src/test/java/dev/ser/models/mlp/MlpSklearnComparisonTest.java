package dev.ser.models.mlp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.models.FeatureTable;
import dev.ser.models.ScaledModel;
import dev.ser.models.ScaledTrainer;
import dev.ser.models.TestData;
import dev.ser.models.eval.Evaluator;
import dev.ser.models.eval.MetricSummary;
import dev.ser.models.eval.SplitKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Test accuracy against scikit-learn's MLPClassifier on the same synthetic data and
 * hyper-parameters (fixture from {@code src/test/resources/sklearn/generate.py}). The weights
 * cannot match bit for bit (different random streams), so the means over seeds must agree within
 * sampling noise.
 */
class MlpSklearnComparisonTest {

    private static final int SEEDS = 4;

    @ParameterizedTest
    @ValueSource(strings = {"adam_relu", "sgd_tanh_adaptive", "adam_logistic_early"})
    void accuracyAgreesWithScikitLearnWithinNoise(String name) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(resource("expected.json")).get("configs").get(name);
        MlpConfig base = MlpConfig.fromJson(expected.get("params"));
        FeatureTable[] data = load();
        double[] acc = new double[SEEDS];
        double epochs = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            ScaledModel<MlpModel> m = ScaledTrainer.of(new MlpTrainer(base.toBuilder().seed(seed).build()))
                    .fit(data[0]);
            acc[seed] = Evaluator.evaluate(m, data[1], SplitKind.PREDEFINED).accuracy();
            epochs += m.model().history().epochs() / (double) SEEDS;
        }
        MetricSummary ours = MetricSummary.of(acc);
        double skMean = expected.get("accuracy_mean").asDouble();
        double skStd = expected.get("accuracy_std").asDouble();
        org.slf4j.LoggerFactory.getLogger(MlpSklearnComparisonTest.class).info(
                "{}: ours {} +- {} ({} epochs), scikit-learn {} +- {} ({} epochs)", name, ours.mean(), ours.std(),
                epochs, expected.get("accuracy_mean").asDouble(), expected.get("accuracy_std").asDouble(),
                expected.get("epochs_mean").asDouble());
        double noise = 3 * Math.sqrt(skStd * skStd / 10 + ours.std() * ours.std() / SEEDS) + 0.02;
        assertTrue(Math.abs(ours.mean() - skMean) <= noise, String.format(
                "%s: ours %.4f +- %.4f, scikit-learn %.4f +- %.4f (allowed difference %.4f)", name, ours.mean(),
                ours.std(), skMean, skStd, noise));
        double skEpochs = expected.get("epochs_mean").asDouble();
        assertTrue(epochs >= 0.4 * skEpochs && epochs <= 2.5 * skEpochs,
                name + ": " + epochs + " epochs on average, scikit-learn " + skEpochs);
    }

    private static java.io.InputStream resource(String file) {
        return Objects.requireNonNull(MlpSklearnComparisonTest.class.getResourceAsStream("/sklearn/" + file), file);
    }

    /** {train, test} tables from data.csv (split, label, 12 features). */
    private static FeatureTable[] load() throws Exception {
        List<double[]> train = new ArrayList<>();
        List<double[]> test = new ArrayList<>();
        List<Integer> ytrain = new ArrayList<>();
        List<Integer> ytest = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource("data.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                double[] x = new double[f.length - 2];
                for (int j = 0; j < x.length; j++) {
                    x[j] = Double.parseDouble(f[j + 2]);
                }
                boolean isTrain = f[0].equals("train");
                (isTrain ? train : test).add(x);
                (isTrain ? ytrain : ytest).add(Integer.parseInt(f[1]));
            }
        }
        return new FeatureTable[] {
            FeatureTable.of(train.toArray(double[][]::new), ytrain.stream().mapToInt(Integer::intValue).toArray(),
                    TestData.labels(4)),
            FeatureTable.of(test.toArray(double[][]::new), ytest.stream().mapToInt(Integer::intValue).toArray(),
                    TestData.labels(4))};
    }
}
