package dev.ser.models.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.models.FeatureTable;
import dev.ser.models.TestData;
import dev.ser.models.Classifier;
import dev.ser.models.ensemble.GradientBoostingConfig;
import dev.ser.models.ensemble.GradientBoostingTrainer;
import dev.ser.models.knn.KnnConfig;
import dev.ser.models.knn.KnnTrainer;
import dev.ser.models.knn.KnnWeights;
import dev.ser.models.linear.LogisticRegressionConfig;
import dev.ser.models.linear.LogisticRegressionTrainer;
import dev.ser.models.svm.Gamma;
import dev.ser.models.svm.Kernel;
import dev.ser.models.svm.SvmConfig;
import dev.ser.models.svm.SvmModel;
import dev.ser.models.svm.SvmTrainer;
import dev.ser.models.tree.Criterion;
import dev.ser.models.tree.DecisionTreeConfig;
import dev.ser.models.tree.DecisionTreeTrainer;
import dev.ser.models.tree.Tree;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-checks against scikit-learn outputs written by {@code scripts/sklearn_classic_reference.py}
 * (scikit-learn 1.2.1, whose SVC runs its own copy of LIBSVM).
 */
class SklearnCrossCheckTest {

    private static final Logger LOG = LoggerFactory.getLogger(SklearnCrossCheckTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Both sides run LIBSVM's SMO on the same rows in the same (class-grouped) order, so they take
     * the same working-set steps; only floating-point evaluation order may differ (measured: below
     * 1e-13).
     */
    private static final double DECISION_BAR = 1e-9;
    /**
     * Platt scaling is fitted on a random 5-fold split drawn from each library's own generator
     * (scikit-learn's C {@code rand} vs Java's {@code Random}), so probabilities agree only as well
     * as two cross-validation splits do; measured worst case is logged.
     */
    private static final double PROBA_BAR = 0.1;

    static JsonNode resource(String name) throws IOException {
        try (InputStream in = SklearnCrossCheckTest.class.getResourceAsStream("/sklearn/" + name)) {
            return JSON.readTree(in);
        }
    }

    static double[][] matrix(JsonNode n) {
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode row = n.get(i);
            m[i] = new double[row.size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = row.get(j).doubleValue();
            }
        }
        return m;
    }

    static int[] ints(JsonNode n) {
        int[] v = new int[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).intValue();
        }
        return v;
    }

    static FeatureTable table(JsonNode data) {
        int[] y = ints(data.get("y"));
        int k = IntStream.of(y).max().orElse(0) + 1;
        return FeatureTable.of(matrix(data.get("x")), y, TestData.labels(k));
    }

    static Stream<Integer> svcCases() throws IOException {
        return IntStream.range(0, resource("svc.json").get("cases").size()).boxed();
    }

    @ParameterizedTest
    @MethodSource("svcCases")
    void svcMatchesScikitLearn(int index) throws IOException {
        JsonNode data = resource("svc.json");
        JsonNode c = data.get("cases").get(index);
        JsonNode p = c.get("params");
        SvmConfig.Builder b = SvmConfig.builder().kernel(Kernel.fromSklearnName(p.get("kernel").asText()))
                .c(p.get("C").doubleValue());
        if (p.has("gamma")) {
            b.gamma(Gamma.fromJson(p.get("gamma")));
        }
        if (p.has("degree")) {
            b.degree(p.get("degree").intValue());
        }
        if (p.has("coef0")) {
            b.coef0(p.get("coef0").doubleValue());
        }
        SvmModel model = new SvmTrainer(b.build()).fit(table(data));
        SvmModel plain = new SvmTrainer(b.probability(false).build()).fit(table(data));
        String name = p.get("kernel").asText();
        if (!name.equals("linear")) {
            assertEquals(c.get("gamma").doubleValue(), model.gamma(), 1e-15 * model.gamma(), "gamma");
        }
        assertEquals(IntStream.of(ints(c.get("n_support"))).sum(), model.supportVectorCount(), "support vectors");
        double[][] xt = matrix(data.get("x_test"));
        int[] expected = ints(c.get("predict"));
        double[][] proba = matrix(c.get("proba"));
        double[][] dec = matrix(c.get("decision_ovo"));
        double worstDec = 0;
        double worstProba = 0;
        int sameArgmax = 0;
        for (int i = 0; i < xt.length; i++) {
            assertEquals(expected[i], model.predictVote(xt[i]), "vote of test row " + i);
            double[] d = plain.decisionValues(xt[i]);
            for (int j = 0; j < d.length; j++) {
                worstDec = Math.max(worstDec, Math.abs(d[j] - dec[i][j]));
            }
            double[] q = model.predictProba(xt[i]);
            for (int j = 0; j < q.length; j++) {
                worstProba = Math.max(worstProba, Math.abs(q[j] - proba[i][j]));
            }
            sameArgmax += model.predict(xt[i]) == dev.ser.models.Classifier.argmax(proba[i]) ? 1 : 0;
        }
        LOG.info("SVC {} vs scikit-learn: votes identical, max |decision diff| {}, max |proba diff| {}, "
                + "argmax proba agrees on {}/{}", name, worstDec, worstProba, sameArgmax, xt.length);
        assertTrue(worstDec <= DECISION_BAR, "decision values differ by " + worstDec);
        assertTrue(worstProba <= PROBA_BAR, "probabilities differ by " + worstProba);
    }

    static Stream<Integer> treeCases() throws IOException {
        return IntStream.range(0, resource("tree.json").get("cases").size()).boxed();
    }

    @ParameterizedTest
    @MethodSource("treeCases")
    void decisionTreeStructureMatchesScikitLearn(int index) throws IOException {
        JsonNode data = resource("tree.json");
        JsonNode c = data.get("cases").get(index);
        JsonNode p = c.get("params");
        DecisionTreeConfig cfg = DecisionTreeConfig.builder()
                .criterion(Criterion.fromSklearnName(p.get("criterion").asText()))
                .maxDepth(p.get("max_depth").intValue())
                .minSamplesLeaf(p.has("min_samples_leaf") ? p.get("min_samples_leaf").intValue() : 1).build();
        Tree tree = new DecisionTreeTrainer(cfg).fit(table(data)).tree();
        JsonNode ref = c.get("tree");
        assertArrayEquals(ints(ref.get("feature")), tree.feature(), "features");
        assertArrayEquals(ints(ref.get("left")), tree.left(), "left children");
        assertArrayEquals(ints(ref.get("right")), tree.right(), "right children");
        double[] thr = tree.threshold();
        double[] refThr = new double[thr.length];
        for (int i = 0; i < thr.length; i++) {
            refThr[i] = tree.feature()[i] < 0 ? 0 : ref.get("threshold").get(i).doubleValue();
            thr[i] = tree.feature()[i] < 0 ? 0 : thr[i];
        }
        assertArrayEquals(refThr, thr, 1e-12, "thresholds");
        double[][] value = matrix(ref.get("value"));
        double[] flat = tree.value();
        for (int i = 0; i < value.length; i++) {
            for (int k = 0; k < value[i].length; k++) {
                assertEquals(value[i][k], flat[i * value[i].length + k], 1e-12, "value of node " + i);
            }
        }
        LOG.info("decision tree {}: {} nodes identical to scikit-learn", p, tree.nodeCount());
    }

    /** Largest absolute difference between a model's probabilities and scikit-learn's. */
    private static double worstProbability(Classifier m, double[][] xt, double[][] expected) {
        double worst = 0;
        for (int i = 0; i < xt.length; i++) {
            double[] p = m.predictProba(xt[i]);
            for (int c = 0; c < p.length; c++) {
                worst = Math.max(worst, Math.abs(p[c] - expected[i][c]));
            }
        }
        return worst;
    }

    @org.junit.jupiter.api.Test
    void logisticRegressionReachesScikitLearnsOptimum() throws IOException {
        JsonNode data = resource("other.json");
        Classifier m = new LogisticRegressionTrainer(LogisticRegressionConfig.builder().c(0.5).tol(1e-10)
                .maxIter(10000).build()).fit(table(data));
        double worst = worstProbability(m, matrix(data.get("x_test")), matrix(data.get("logistic").get("proba")));
        LOG.info("logistic regression vs scikit-learn: max |proba diff| {}", worst);
        // a strictly convex objective has one optimum; the reference (newton-cg) has gradient < 1e-9
        assertTrue(worst <= 1e-6, "probabilities differ by " + worst);
    }

    @org.junit.jupiter.api.Test
    void knnMatchesScikitLearn() throws IOException {
        JsonNode data = resource("other.json");
        for (JsonNode c : data.get("knn")) {
            KnnConfig cfg = KnnConfig.builder().k(c.get("params").get("n_neighbors").intValue())
                    .weights(KnnWeights.fromSklearnName(c.get("params").get("weights").asText())).build();
            double worst = worstProbability(new KnnTrainer(cfg).fit(table(data)), matrix(data.get("x_test")),
                    matrix(c.get("proba")));
            LOG.info("k-NN {} vs scikit-learn: max |proba diff| {}", c.get("params"), worst);
            assertTrue(worst <= 1e-12, "probabilities differ by " + worst);
        }
    }

    @org.junit.jupiter.api.Test
    void gradientBoostingMatchesScikitLearn() throws IOException {
        JsonNode data = resource("other.json").get("boosting");
        for (JsonNode c : data.get("cases")) {
            JsonNode p = c.get("params");
            int classes = c.get("classes").intValue();
            int[] y = ints(data.get("y"));
            for (int i = 0; i < y.length; i++) {
                y[i] %= classes;
            }
            FeatureTable t = FeatureTable.of(matrix(data.get("x")), y, TestData.labels(classes));
            Classifier m = new GradientBoostingTrainer(GradientBoostingConfig.builder()
                    .nEstimators(p.get("n_estimators").intValue()).maxDepth(p.get("max_depth").intValue())
                    .learningRate(p.get("learning_rate").doubleValue()).build()).fit(t);
            double worst = worstProbability(m, matrix(data.get("x_test")), matrix(c.get("proba")));
            LOG.info("gradient boosting {} ({} classes) vs scikit-learn: max |proba diff| {}", p, classes, worst);
            // same trees, same Newton steps: only floating-point summation order differs
            assertTrue(worst <= 1e-9, "probabilities differ by " + worst);
        }
    }
}
