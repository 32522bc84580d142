package dev.ser.benchmarks;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.dsp.Stft;
import dev.ser.core.dsp.StftConfig;
import dev.ser.features.Feature;
import dev.ser.features.FeatureConfig;
import dev.ser.features.FeatureExtractor;
import java.util.EnumSet;
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
 * Single-threaded cost of feature extraction on one clip, in milliseconds per clip.
 *
 * <p>Workloads: {@code stft} (the complex STFT alone, librosa defaults), {@code mfcc_chroma_mel}
 * (the 180-value MFCC(40) + CHROMA(12) + MEL(128) vector from one shared STFT) and
 * {@code classic193} (all five features: adds spectral contrast, harmonic separation and tonnetz).
 * {@link RealTimeFactor} runs this and converts the scores to real-time factors.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class FeatureBenchmark {
    /** Clip duration in seconds. */
    @Param({"3.5"})
    public double seconds;

    @Param({"stft", "mfcc_chroma_mel", "classic193"})
    public String workload;

    private AudioSignal clip;
    private FeatureExtractor extractor;

    @Setup
    public void setUp() {
        clip = BenchmarkAudio.clip(seconds);
        FeatureConfig config = switch (workload) {
            case "stft" -> null;
            case "mfcc_chroma_mel" -> FeatureConfig.builder()
                    .features(EnumSet.of(Feature.MFCC, Feature.CHROMA, Feature.MEL)).build();
            case "classic193" -> FeatureConfig.CLASSIC;
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
        extractor = config == null ? null : FeatureExtractor.create(config);
    }

    @Benchmark
    public Object extract() {
        if (extractor == null) {
            return Stft.compute(clip.samplesView(), StftConfig.DEFAULT);
        }
        return extractor.extract(clip).pooled();
    }
}
