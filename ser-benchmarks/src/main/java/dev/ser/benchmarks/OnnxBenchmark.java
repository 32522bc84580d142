package dev.ser.benchmarks;

import dev.ser.core.dsp.Matrix;
import dev.ser.models.onnx.OnnxClassifier;
import dev.ser.models.onnx.OnnxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one ONNX Runtime prediction through {@link OnnxClassifier}, in microseconds, for the
 * committed test models (tiny: the numbers are mostly the runtime's per-call overhead plus the
 * copy into a tensor) and, when present, the larger benchmark CNN written by
 * {@code scripts/onnx/make_test_models.py --bench} (into {@code ser-benchmarks/target/onnx}, not
 * committed; {@code -Dser.onnx.bench=...} to use another file).
 *
 * <p>Run from the project root (models are read from {@code ser-models/src/test/resources/onnx},
 * or {@code -Dser.onnx.dir=...}):
 * {@code java -jar ser-benchmarks/target/benchmarks.jar OnnxBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OnnxBenchmark {
    /** ONNX Runtime intra-op threads (1: what a server predicting on many threads would use). */
    @Param({"1"})
    public int threads;

    /** Frames of the frame-level inputs: 94 is 3 s at 16 kHz with hop 512. */
    @Param({"94"})
    public int frames;

    private OnnxClassifier pooled;
    private OnnxClassifier mfccCnn;
    private OnnxClassifier logMelCnn;
    private OnnxClassifier benchCnn;
    private double[] vector;
    private double[][] batch32;
    private Matrix mfcc;
    private Matrix mel;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("ser.onnx.dir", "ser-models/src/test/resources/onnx"));
        OnnxOptions options = OnnxOptions.builder().intraOpThreads(threads).build();
        pooled = OnnxClassifier.load(dir.resolve("pooled_mlp.onnx"), options);
        mfccCnn = OnnxClassifier.load(dir.resolve("frames_cnn.onnx"), options);
        logMelCnn = OnnxClassifier.load(dir.resolve("frames_logmel_cnn.onnx"), options);
        Path bench = Path.of(System.getProperty("ser.onnx.bench", "ser-benchmarks/target/onnx/bench_logmel_cnn.onnx"));
        benchCnn = Files.isRegularFile(bench) ? OnnxClassifier.load(bench, options) : null;
        Random r = new Random(1);
        vector = gaussian(r, 193, 1.0);
        batch32 = new double[32][];
        for (int i = 0; i < batch32.length; i++) {
            batch32[i] = gaussian(r, 193, 1.0);
        }
        mfcc = new Matrix(40, frames, gaussian(r, 40 * frames, 50.0));
        mel = new Matrix(128, frames, power(r, 128 * frames));
    }

    private static double[] gaussian(Random r, int n, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = sd * r.nextGaussian();
        }
        return v;
    }

    private static double[] power(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.exp(4 * r.nextGaussian());
        }
        return v;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pooled.close();
        mfccCnn.close();
        logMelCnn.close();
        if (benchCnn != null) {
            benchCnn.close();
        }
    }

    /** Pooled 193-value vector, MLP 193-16-9, one example. */
    @Benchmark
    public double[] pooledMlp() {
        return pooled.predictProba(vector);
    }

    /** The same MLP, 32 examples in one run (divide by 32 for the per-example cost). */
    @Benchmark
    public double[][] pooledMlpBatch32() {
        return pooled.predictProba(batch32);
    }

    /** MFCC frames (40 x frames), Conv1d(40->8, k3) + mean + linear. */
    @Benchmark
    public double[] mfccCnn() {
        return mfccCnn.predictFrames(mfcc);
    }

    /** Mel power frames (128 x frames), power_to_db in Java, Conv2d(1->4, 3x3) + mean + linear. */
    @Benchmark
    public double[] logMelCnn() {
        return logMelCnn.predictFrames(mel);
    }

    /** The larger log-mel CNN (three 3x3 conv layers, 16/32/64 channels), when generated. */
    @Benchmark
    public double[] benchLogMelCnn() {
        return benchCnn == null ? null : benchCnn.predictFrames(mel);
    }
}
