package dev.ser.models.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.Classifier;
import dev.ser.models.FeatureTable;
import dev.ser.models.TestData;
import dev.ser.models.ensemble.BaggingConfig;
import dev.ser.models.ensemble.BaggingModel;
import dev.ser.models.ensemble.BaggingTrainer;
import dev.ser.models.ensemble.ForestModel;
import dev.ser.models.ensemble.GradientBoostingConfig;
import dev.ser.models.ensemble.GradientBoostingModel;
import dev.ser.models.ensemble.GradientBoostingTrainer;
import dev.ser.models.ensemble.RandomForestConfig;
import dev.ser.models.ensemble.RandomForestTrainer;
import dev.ser.models.knn.KnnConfig;
import dev.ser.models.knn.KnnModel;
import dev.ser.models.knn.KnnTrainer;
import dev.ser.models.linear.LogisticRegressionConfig;
import dev.ser.models.linear.LogisticRegressionModel;
import dev.ser.models.linear.LogisticRegressionTrainer;
import dev.ser.models.svm.SvmConfig;
import dev.ser.models.svm.SvmModel;
import dev.ser.models.svm.SvmTrainer;
import dev.ser.models.tree.DecisionTreeConfig;
import dev.ser.models.tree.DecisionTreeModel;
import dev.ser.models.tree.DecisionTreeTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Semantic validation of the classic models' arrays: files whose checksum is intact but whose
 * arrays are inconsistent (what a faulty writer would produce) must be refused as
 * {@link ModelFileException.Problem#MALFORMED}, never with an index error or a huge allocation.
 */
class ClassicCodecValidationTest {

    private static final FeatureTable DATA = TestData.blobs(90, 3, 3, 3.0, 2);

    /** Runs codec.read on the model's own arrays after {@code edit} changed one of them. */
    private static <M extends Classifier> void assertRefused(M model, String array, Consumer<double[]> edit) {
        ModelCodec<M> codec = ModelCodecs.forModel(model);
        StoredArrays stored = new StoredArrays();
        boolean found = false;
        for (NamedArray a : codec.arrays(model)) {
            double[] data = a.data();
            if (a.name().equals(array)) {
                edit.accept(data);
                found = true;
            }
            stored.add(new NamedArray(a.name(), a.shape(), data));
        }
        assertTrue(found, "no array " + array);
        ObjectNode d = codec.describe(model);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.read(d, model.labels(), model.numFeatures(), stored, codec.version()));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    /** Runs codec.read on the model's own arrays with an edited description. */
    private static <M extends Classifier> void assertRefusedDescription(M model, Consumer<ObjectNode> edit) {
        ModelCodec<M> codec = ModelCodecs.forModel(model);
        StoredArrays stored = new StoredArrays();
        codec.arrays(model).forEach(stored::add);
        ObjectNode d = codec.describe(model);
        edit.accept(d);
        assertThrows(IllegalArgumentException.class,
                () -> codec.read(d, model.labels(), model.numFeatures(), stored, codec.version()));
    }

    @Test
    void treeArraysAreChecked() {
        DecisionTreeModel m = new DecisionTreeTrainer(DecisionTreeConfig.DEFAULT).fit(DATA);
        assertRefused(m, "tree.left", a -> a[0] = 0); // a cycle back to the root
        assertRefused(m, "tree.right", a -> a[0] = 1e9);
        assertRefused(m, "tree.feature", a -> a[0] = 3); // only 3 features
        assertRefused(m, "tree.feature", a -> a[0] = 0.5);
        assertRefused(m, "tree.threshold", a -> a[0] = Double.NaN);
        assertRefused(m, "tree.value", a -> a[0] = 2);
        assertRefused(m, "tree.node_counts", a -> a[0] = a[0] + 1);
        assertRefused(m, "tree.node_counts", a -> a[0] = Integer.MAX_VALUE);
    }

    @Test
    void forestAndBoostingCountsAreChecked() {
        ForestModel f = new RandomForestTrainer(RandomForestConfig.builder().nEstimators(3).build()).fit(DATA);
        assertRefused(f, "forest.node_counts", a -> a[1] = a[1] - 1);
        assertRefusedDescription(f, d -> d.put("n_trees", 4));
        assertRefusedDescription(f, d -> d.put("n_trees", -1));
        GradientBoostingModel g = new GradientBoostingTrainer(GradientBoostingConfig.builder().nEstimators(3).build())
                .fit(DATA);
        assertRefused(g, "gb.init", a -> a[0] = Double.POSITIVE_INFINITY);
        assertRefusedDescription(g, d -> ((ObjectNode) d.get("params")).put("n_estimators", 4));
        assertRefused(g, "gb.left", a -> a[0] = -1);
    }

    @Test
    void svmArraysAreChecked() {
        SvmModel m = new SvmTrainer(SvmConfig.DEFAULT).fit(DATA);
        assertRefused(m, "svm.label", a -> a[0] = 7);
        assertRefused(m, "svm.label", a -> a[1] = a[0]);
        assertRefused(m, "svm.n_sv", a -> a[0] = a[0] + 1);
        assertRefused(m, "svm.rho", a -> a[0] = Double.NaN);
        assertRefused(m, "svm.prob_a", a -> a[0] = Double.NaN);
        assertRefusedDescription(m, d -> d.put("n_sv", 1 << 30));
        assertRefusedDescription(m, d -> d.put("n_classes", 4));
        assertRefusedDescription(m, d -> d.put("gamma", -1.0));
        assertRefusedDescription(m, d -> ((ObjectNode) d.get("params")).put("kernel", "cubic"));
    }

    @Test
    void knnLogisticAndBaggingArraysAreChecked() {
        KnnModel k = new KnnTrainer(KnnConfig.DEFAULT).fit(DATA);
        assertRefused(k, "knn.y", a -> a[0] = 3);
        assertRefused(k, "knn.x", a -> a[0] = Double.NaN);
        assertRefusedDescription(k, d -> d.put("n_samples", Integer.MAX_VALUE));
        LogisticRegressionModel l = new LogisticRegressionTrainer(LogisticRegressionConfig.DEFAULT).fit(DATA);
        assertRefused(l, "logreg.intercepts", a -> a[0] = Double.NaN);
        BaggingModel b = new BaggingTrainer(BaggingConfig.builder().nEstimators(2).build(),
                s -> new DecisionTreeTrainer(DecisionTreeConfig.builder().seed(s).build())).fit(DATA);
        assertRefused(b, "bagging.1.tree.left", a -> a[0] = 0);
        assertRefusedDescription(b, d -> d.put("member_type", "bagging"));
        assertRefusedDescription(b, d -> d.put("member_type", "no_such_type"));
        assertRefusedDescription(b, d -> ((ObjectNode) d.get("params")).put("n_estimators", 3));
    }

    @Test
    void wholeFileWithInconsistentArraysIsMalformed() throws Exception {
        // a resigned file whose tree child index points back at the root
        var model = dev.ser.models.ScaledTrainer.of(new DecisionTreeTrainer(DecisionTreeConfig.DEFAULT)).fit(DATA);
        byte[] b = ModelFiles.toBytes(model);
        int at = dataOffset(b, "tree.left");
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(at, 0.0);
        System.arraycopy(ModelFiles.sha256(b, b.length - 32), 0, b, b.length - 32, 32);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.fromBytes(b, "bad.sermodel"));
        assertEquals(ModelFileException.Problem.MALFORMED, e.problem());
        assertTrue(e.getMessage().contains("bad.sermodel"));
    }

    @Test
    void loadingAsAnotherTypeIsRefused() throws Exception {
        var model = dev.ser.models.ScaledTrainer.of(new KnnTrainer(KnnConfig.DEFAULT)).fit(DATA);
        java.nio.file.Path f = java.nio.file.Files.createTempFile("knn", ".sermodel");
        try {
            ModelFiles.save(model, f);
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(f, SvmModel.class));
            assertEquals(ModelFileException.Problem.WRONG_MODEL_TYPE, e.problem());
            assertEquals(KnnModel.class, ModelFiles.load(f, KnnModel.class).model().getClass());
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }

    /** Byte offset of the first value of the named array in a model file. */
    private static int dataOffset(byte[] b, String name) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int pos = ModelFiles.PREAMBLE + buf.getInt(20);
        int count = buf.getInt(pos);
        pos += 4;
        List<String> seen = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            int nameLen = b[pos] & 0xFF;
            String n = new String(b, pos + 1, nameLen, java.nio.charset.StandardCharsets.UTF_8);
            seen.add(n);
            int rank = b[pos + 1 + nameLen] & 0xFF;
            long elements = 1;
            for (int r = 0; r < rank; r++) {
                elements *= buf.getInt(pos + 2 + nameLen + 4 * r);
            }
            int data = pos + 2 + nameLen + 4 * rank;
            if (n.equals(name)) {
                return data;
            }
            pos = data + (int) (8 * elements);
        }
        throw new AssertionError("no array " + name + " in " + seen);
    }
}
