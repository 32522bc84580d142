package dev.ser.benchmarks;

import dev.ser.models.FeatureTable;
import dev.ser.models.mlp.MlpConfig;
import dev.ser.models.mlp.MlpModel;
import dev.ser.models.mlp.MlpTrainer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference MLP workload (3000 x 193 standardised features, 8 classes, hidden (300,), adam,
 * batch 256), timed per 10 epochs: divide the score by 10 for ms per epoch. scikit-learn with
 * OpenBLAS takes about 30 ms per epoch.
 *
 * <p>The matrix kernel: the forked JVM uses the Vector API kernel only when started with the
 * incubator module, {@code java -jar benchmarks.jar MlpTrainingBenchmark -jvmArgsAppend
 * --add-modules=jdk.incubator.vector}; otherwise the auto-vectorised scalar kernel. The setup
 * prints which one runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class MlpTrainingBenchmark {

    /** Worker threads of one fit. */
    @Param({"1", "2"})
    public int threads;

    private FeatureTable data;
    private MlpTrainer trainer;

    @Setup
    public void setUp() {
        System.out.println("MLP kernel: " + dev.ser.models.mlp.Kernels.kernelName());
        data = MlpEpochTimer.workload(3000, 193, 8, 42);
        trainer = new MlpTrainer(MlpConfig.builder().hiddenLayerSizes(300).batchSize(256).maxIter(10).tol(0)
                .nIterNoChange(Integer.MAX_VALUE).threads(threads).seed(1).build());
    }

    /** Ten epochs of training. */
    @Benchmark
    public MlpModel tenEpochs() {
        return trainer.fit(data);
    }
}
