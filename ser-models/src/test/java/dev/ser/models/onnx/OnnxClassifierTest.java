package dev.ser.models.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.dsp.Matrix;
import dev.ser.core.resample.ResampleMode;
import dev.ser.core.resample.ResampleOptions;
import dev.ser.core.resample.Resampler;
import dev.ser.features.Feature;
import dev.ser.features.FeatureConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OnnxClassifierTest {

    private static double[][] randomRows(int n, int d, long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] xs = new double[n][d];
        for (double[] x : xs) {
            for (int j = 0; j < d; j++) {
                x[j] = scale * (r.nextDouble() * 2 - 1);
            }
        }
        return xs;
    }

    @Test
    void inspectsInputsOutputsAndContract() throws IOException {
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("skl_zipmap.onnx"))) {
            assertEquals("[float_input: FLOAT[?, 40]]", c.inputs().toString());
            assertEquals(2, c.outputs().size());
            assertEquals(NodeSpec.Kind.TENSOR, c.outputs().get(0).kind());
            assertEquals(NodeSpec.Kind.SEQUENCE, c.scoreOutput().kind());
            assertEquals("output_probability", c.scoreOutput().name());
            assertEquals("MAP<STRING,FLOAT>", c.scoreOutput().elementType());
            assertEquals(40, c.numFeatures());
            assertEquals(FeatureConfig.CLASSIC.withFeatures(List.of(Feature.MFCC)), c.contract().features());
            assertTrue(c.metadata().containsKey(ModelContract.METADATA_KEY));
            assertEquals(-1, c.fixedTimeSteps());
        }
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("skl_tensor.onnx"))) {
            assertEquals("probabilities", c.scoreOutput().name());
            assertArrayEquals(new long[] {-1, 9}, c.scoreOutput().shape());
        }
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("frames_cnn_fixed.onnx"))) {
            assertArrayEquals(new long[] {-1, 1, 40, 64}, c.input().shape());
            assertEquals(64, c.fixedTimeSteps());
            assertEquals(40 * 64, c.numFeatures());
            assertEquals(new TimeAxisPolicy(TimeAxisPolicy.Crop.CENTRE, TimeAxisPolicy.Pad.EDGE), c.contract().timeAxis());
        }
    }

    @Test
    void tensorAndZipMapOutputsOfTheSameModelAgree() throws IOException {
        double[][] xs = randomRows(5, 40, 1, 200);
        try (OnnxClassifier t = OnnxClassifier.load(OnnxFixtures.model("skl_tensor.onnx"));
             OnnxClassifier z = OnnxClassifier.load(OnnxFixtures.model("skl_zipmap.onnx"))) {
            double[][] pt = t.predictProba(xs);
            double[][] pz = z.predictProba(xs);
            for (int i = 0; i < xs.length; i++) {
                assertArrayEquals(pt[i], pz[i], 1e-7);
            }
        }
    }

    @Test
    void logitsBecomeProbabilities() throws IOException {
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("pooled_mlp.onnx"))) {
            assertEquals(OutputKind.LOGITS, c.contract().outputKind());
            for (double[] x : randomRows(10, 193, 2, 5)) {
                double[] p = c.predictProba(x);
                double sum = 0;
                for (double v : p) {
                    assertTrue(v >= 0 && v <= 1);
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-9);
            }
        }
    }

    @Test
    void batchedPredictionsEqualSingleOnes() throws IOException {
        double[][] xs = randomRows(7, 193, 3, 3);
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("pooled_mlp.onnx"))) {
            double[][] batch = c.predictProba(xs);
            for (int i = 0; i < xs.length; i++) {
                assertArrayEquals(c.predictProba(xs[i]), batch[i], 1e-6);
            }
            assertArrayEquals(c.predict(xs), java.util.Arrays.stream(batch).mapToInt(dev.ser.models.Classifier::argmax).toArray());
        }
        // Frames of different lengths go one by one; same lengths in one batch.
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("frames_cnn.onnx"))) {
            double[][] mixed = {randomRows(1, 40 * 5, 4, 100)[0], randomRows(1, 40 * 9, 5, 100)[0]};
            double[][] p = c.predictProba(mixed);
            assertArrayEquals(c.predictFrames(new Matrix(40, 5, mixed[0].clone())), p[0], 1e-6);
            assertArrayEquals(c.predictFrames(new Matrix(40, 9, mixed[1].clone())), p[1], 1e-6);
        }
    }

    @Test
    void fixedTimeAxisIsFittedByThePolicy() throws IOException {
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("frames_cnn_fixed.onnx"))) {
            Matrix shortOne = new Matrix(40, 10, randomRows(1, 400, 6, 50)[0]);
            // Edge padding to 64 frames equals padding by hand.
            double[] padded = new double[40 * 64];
            for (int r = 0; r < 40; r++) {
                for (int t = 0; t < 64; t++) {
                    padded[r * 64 + t] = shortOne.get(r, Math.min(t, 9));
                }
            }
            // The scaler is applied before padding, and is affine per row, so padding raw values first is the same.
            assertArrayEquals(c.predictProba(padded), c.predictFrames(shortOne), 1e-5);
            Matrix longOne = new Matrix(40, 100, randomRows(1, 4000, 7, 50)[0]);
            double[] middle = new double[40 * 64];
            for (int r = 0; r < 40; r++) {
                System.arraycopy(longOne.data(), r * 100 + 18, middle, r * 64, 64);
            }
            assertArrayEquals(c.predictProba(middle), c.predictFrames(longOne), 1e-5);
        }
    }

    @Test
    void closeReleasesTheSession() throws IOException {
        OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("pooled_mlp.onnx"));
        double[] x = new double[193];
        c.predictProba(x);
        assertFalse(c.isClosed());
        c.close();
        assertTrue(c.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.predictProba(x));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        c.close(); // idempotent
    }

    @Test
    void concurrentPredictionsAgreeWithSequentialOnes() throws Exception {
        OnnxOptions options = OnnxOptions.builder().intraOpThreads(1).optimization(OptimizationLevel.EXTENDED).build();
        for (String name : List.of("pooled_mlp.onnx", "frames_cnn.onnx", "skl_zipmap.onnx")) {
            try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model(name), options)) {
                int d = c.contract().inputKind() == InputKind.FRAMES ? 40 * 20 : c.numFeatures();
                double[][] xs = randomRows(64, d, 8, 30);
                double[][] sequential = new double[xs.length][];
                for (int i = 0; i < xs.length; i++) {
                    sequential[i] = c.predictProba(xs[i]);
                }
                ExecutorService pool = Executors.newFixedThreadPool(6);
                try {
                    List<Future<double[]>> futures = new ArrayList<>();
                    for (int round = 0; round < 4; round++) {
                        for (double[] x : xs) {
                            futures.add(pool.submit(() -> c.predictProba(x)));
                        }
                    }
                    for (int i = 0; i < futures.size(); i++) {
                        assertArrayEquals(sequential[i % xs.length], futures.get(i).get(), 0.0, name + " row " + i);
                    }
                } finally {
                    pool.shutdown();
                }
            }
        }
    }

    @Test
    void theContractsResamplerIsTheOneUsed() throws IOException {
        double[] y = new double[16000];
        SplittableRandom r = new SplittableRandom(10);
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.3 * Math.sin(i * 0.05) + 0.05 * (r.nextDouble() - 0.5);
        }
        AudioSignal audio = new AudioSignal(y, 16000);
        try (OnnxClassifier poly = OnnxClassifier.load(OnnxFixtures.model("waveform_conv.onnx"))) {
            assertEquals(ResampleMode.POLYPHASE, poly.contract().resampleMode());
            ModelContract hq = poly.contract().toBuilder().resampleMode(ResampleMode.HIGH_QUALITY).build();
            try (OnnxClassifier high = OnnxClassifier.load(OnnxFixtures.model("waveform_conv.onnx"), hq,
                    OnnxOptions.DEFAULT)) {
                double[] a = poly.predictWaveform(audio);
                double[] b = high.predictWaveform(audio);
                double[] direct = poly.predictProba(Resampler.resample(y, 16000, 8000,
                        ResampleOptions.builder().mode(ResampleMode.POLYPHASE).build()));
                assertArrayEquals(direct, a, 0.0);
                assertFalse(java.util.Arrays.equals(a, b), "the two resamplers should not give identical inputs");
            }
        }
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> OnnxOptions.builder().intraOpThreads(-1).build());
        OnnxOptions o = OnnxOptions.builder().intraOpThreads(2).interOpThreads(1).parallelExecution(true)
                .optimization(OptimizationLevel.NONE).build();
        assertEquals(o, o.toBuilder().build());
        assertEquals(OptimizationLevel.ALL, OnnxOptions.DEFAULT.optimization());
    }

    @Test
    void everyOptimisationLevelGivesTheSameAnswer() throws IOException {
        double[] x = randomRows(1, 193, 9, 3)[0];
        double[] reference = null;
        for (OptimizationLevel level : OptimizationLevel.values()) {
            OnnxOptions o = OnnxOptions.builder().optimization(level).intraOpThreads(1).build();
            try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.bytes("pooled_mlp.onnx"), null, o)) {
                double[] p = c.predictProba(x);
                if (reference == null) {
                    reference = p;
                }
                assertArrayEquals(reference, p, 1e-6, level.name());
            }
        }
    }
}
