package dev.ser.models.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.Classifier;
import dev.ser.models.FeatureTable;
import dev.ser.models.ScaledModel;
import dev.ser.models.ScaledTrainer;
import dev.ser.models.TestData;
import dev.ser.models.io.ModelFileException.Problem;
import dev.ser.models.mlp.MlpConfig;
import dev.ser.models.mlp.MlpModel;
import dev.ser.models.mlp.MlpTrainer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FeatureTable DATA = TestData.blobs(60, 3, 3, 2.0, 1);
    private static final ScaledModel<MlpModel> MODEL = train();

    private static ScaledModel<MlpModel> train() {
        ObjectNode features = JSON.createObjectNode().put("extractor", "mfcc").put("n_mfcc", 40);
        ScaledTrainer<MlpModel> t = new ScaledTrainer<>(new MlpTrainer(MlpConfig.builder().hiddenLayerSizes(4)
                .maxIter(3).build()), features, true);
        ScaledModel<MlpModel> m = t.fit(DATA);
        return m.withProvenance(m.provenance().withMetrics(Map.of("uar", 0.5)));
    }

    @Test
    void roundTripGivesIdenticalPredictionsAndMetadata(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("model.sermodel");
        ModelFiles.save(MODEL, f);
        ScaledModel<MlpModel> back = ModelFiles.load(f, MlpModel.class);
        for (int i = 0; i < DATA.rows(); i++) {
            assertArrayEquals(MODEL.predictProba(DATA.row(i)), back.predictProba(DATA.row(i)), 0.0);
        }
        assertEquals(MODEL.labels(), back.labels());
        assertEquals(MODEL.featureNames(), back.featureNames());
        assertEquals(MODEL.featureConfig(), back.featureConfig());
        assertEquals(MODEL.scaler(), back.scaler());
        assertEquals(MODEL.provenance(), back.provenance());
        assertEquals(MODEL.model().history(), back.model().history());
        assertArrayEquals(MODEL.model().parameters(), back.model().parameters(), 0.0);
        assertEquals("mlp", ModelFiles.readHeader(f).get("modelType").asText());
        // saving the loaded model reproduces the file except for the java version field, which is equal here
        assertArrayEquals(Files.readAllBytes(f), ModelFiles.toBytes(back));
    }

    @Test
    void pipelineWithoutScalerRoundTrips() throws Exception {
        ScaledModel<MlpModel> raw = new ScaledTrainer<>(new MlpTrainer(MlpConfig.builder().hiddenLayerSizes(3)
                .maxIter(2).build()), null, false).fit(DATA);
        ScaledModel<?> back = ModelFiles.fromBytes(ModelFiles.toBytes(raw), "raw");
        assertEquals(null, back.scaler());
        assertArrayEquals(raw.predictProba(DATA.row(3)), back.predictProba(DATA.row(3)), 0.0);
    }

    @Test
    void everySingleBitFlipIsRefusedWithATypedException() {
        byte[] good = ModelFiles.toBytes(MODEL);
        for (int i = 0; i < good.length; i++) {
            for (int bit : new int[] {0, 5}) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << bit);
                int pos = i;
                ModelFileException e = assertThrows(ModelFileException.class,
                        () -> ModelFiles.fromBytes(bad, "flip.sermodel"), "flip at byte " + pos);
                assertTrue(e.getMessage().contains("flip.sermodel"));
            }
        }
        byte[] bad = good.clone();
        bad[good.length / 2] ^= 1;
        assertEquals(Problem.CORRUPTED, assertThrows(ModelFileException.class,
                () -> ModelFiles.fromBytes(bad, "x")).problem());
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] good = ModelFiles.toBytes(MODEL);
        for (int len = 0; len < good.length; len++) {
            byte[] cut = Arrays.copyOf(good, len);
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.fromBytes(cut, "cut"));
            if (len >= 20) {
                assertEquals(Problem.TRUNCATED, e.problem(), "length " + len);
            }
        }
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] good = ModelFiles.toBytes(MODEL);
        byte[] longer = Arrays.copyOf(good, good.length + 3);
        assertEquals(Problem.CORRUPTED, assertThrows(ModelFileException.class,
                () -> ModelFiles.fromBytes(longer, "x")).problem());
    }

    @Test
    void wrongMagicIsNotAModelFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "hello, this is not a model but long enough to have a preamble");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(f));
        assertEquals(Problem.NOT_A_MODEL_FILE, e.problem());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void futureFormatVersionIsRefused() {
        byte[] b = ModelFiles.toBytes(MODEL);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(8, ModelFiles.FORMAT_VERSION + 1);
        resign(b);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.fromBytes(b, "future"));
        assertEquals(Problem.UNSUPPORTED_VERSION, e.problem());
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void futureModelTypeVersionAndUnknownTypeAreRefused() throws Exception {
        byte[] future = rewriteHeader(ModelFiles.toBytes(MODEL), h -> h.put("modelTypeVersion", 99));
        assertEquals(Problem.UNSUPPORTED_VERSION, assertThrows(ModelFileException.class,
                () -> ModelFiles.fromBytes(future, "x")).problem());
        byte[] svm = rewriteHeader(ModelFiles.toBytes(MODEL), h -> h.put("modelType", "svm-rbf"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.fromBytes(svm, "x"));
        assertEquals(Problem.UNKNOWN_MODEL_TYPE, e.problem());
        assertTrue(e.getMessage().contains("svm-rbf"));
    }

    @Test
    void inconsistentButCorrectlySignedContentIsMalformed() throws Exception {
        byte[] b = rewriteHeader(ModelFiles.toBytes(MODEL), h -> h.put("numFeatures", 4));
        assertEquals(Problem.MALFORMED, assertThrows(ModelFileException.class,
                () -> ModelFiles.fromBytes(b, "x")).problem());
        byte[] noLabels = rewriteHeader(ModelFiles.toBytes(MODEL), h -> h.remove("labels"));
        assertEquals(Problem.MALFORMED, assertThrows(ModelFileException.class,
                () -> ModelFiles.fromBytes(noLabels, "x")).problem());
    }

    @Test
    void hugeArraySizeIsRefusedWithoutAllocating() throws Exception {
        byte[] good = ModelFiles.toBytes(MODEL);
        int headerLen = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getInt(20);
        int first = ModelFiles.PREAMBLE + headerLen + 4;
        int nameLen = good[first] & 0xFF;
        int dimPos = first + 1 + nameLen + 1;
        ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).putInt(dimPos, Integer.MAX_VALUE);
        resign(good);
        assertEquals(Problem.MALFORMED, assertThrows(ModelFileException.class,
                () -> ModelFiles.fromBytes(good, "x")).problem());
    }

    @Test
    void wrongModelTypeRequestIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.sermodel");
        ModelFiles.save(MODEL, f);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(f, OtherModel.class));
        assertEquals(Problem.WRONG_MODEL_TYPE, e.problem());
    }

    /** A classifier type without a codec. */
    private static final class OtherModel implements Classifier {
        @Override
        public List<String> labels() {
            return List.of("a");
        }

        @Override
        public int numFeatures() {
            return 1;
        }

        @Override
        public double[] predictProba(double[] x) {
            return new double[] {1};
        }
    }

    private static void resign(byte[] b) {
        byte[] sum = ModelFiles.sha256(b, b.length - 32);
        System.arraycopy(sum, 0, b, b.length - 32, 32);
    }

    /** Re-encodes the header JSON after {@code edit}, fixing lengths and checksum. */
    private static byte[] rewriteHeader(byte[] b, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int hl = in.getInt(20);
        ObjectNode h = (ObjectNode) JSON.readTree(new String(b, 24, hl, StandardCharsets.UTF_8));
        edit.accept(h);
        byte[] nh = JSON.writeValueAsBytes(h);
        int rest = b.length - 24 - hl;
        ByteBuffer out = ByteBuffer.allocate(24 + nh.length + rest).order(ByteOrder.LITTLE_ENDIAN);
        out.put(b, 0, 8).putInt(in.getInt(8)).putLong(24 + nh.length + rest).putInt(nh.length).put(nh);
        out.put(b, 24 + hl, rest);
        byte[] r = out.array();
        resign(r);
        return r;
    }
}
