package dev.ser.benchmarks;

import dev.ser.core.resample.ResampleMode;
import dev.ser.core.resample.ResampleOptions;
import dev.ser.core.resample.Resampler;
import java.util.Random;
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
 * Single-threaded cost of resampling one clip, in milliseconds per clip, with the kernel already
 * designed and cached (as after the first file of a corpus). Real-time factor = score / 1000 /
 * {@code seconds}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ResampleBenchmark {
    /** Clip duration in seconds. */
    @Param({"3"})
    public double seconds;

    /** Source and target rate, {@code source:target}. */
    @Param({"48000:16000", "24414:16000"})
    public String rates;

    @Param({"HIGH_QUALITY", "POLYPHASE"})
    public ResampleMode mode;

    private double[] clip;
    private int source;
    private int target;
    private ResampleOptions options;

    @Setup
    public void setUp() {
        String[] parts = rates.split(":");
        source = Integer.parseInt(parts[0]);
        target = Integer.parseInt(parts[1]);
        Random random = new Random(42);
        clip = new double[(int) Math.round(seconds * source)];
        for (int i = 0; i < clip.length; i++) {
            clip[i] = 0.1 * random.nextGaussian();
        }
        options = ResampleOptions.builder().mode(mode).build();
        Resampler.resample(clip, source, target, options); // design and cache the kernel
    }

    @Benchmark
    public double[] resample() {
        return Resampler.resample(clip, source, target, options);
    }
}
