package dev.ser.benchmarks;

import dev.ser.core.dsp.ComplexMatrix;
import dev.ser.core.dsp.HarmonicPercussive;
import dev.ser.core.dsp.HpssConfig;
import dev.ser.core.dsp.Matrix;
import dev.ser.core.dsp.MedianFilter;
import dev.ser.core.dsp.Stft;
import dev.ser.core.dsp.StftConfig;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code librosa.effects.harmonic} ({@link HarmonicPercussive#harmonic(double[])}) on a clip of
 * {@code seconds} at 16 kHz, single thread, in milliseconds, with its two median filters (31 taps
 * over a 1025-bin spectrogram) measured on their own. The clip is a modulated tone plus noise, so
 * the sorted windows see realistic reordering.
 *
 * <p>Run: {@code java -jar ser-benchmarks/target/benchmarks.jar HpssBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HpssBenchmark {
    /** Clip length in seconds at 16 kHz. */
    @Param({"3"})
    public int seconds;

    private double[] clip;
    private ComplexMatrix stft;
    private Matrix magnitude;

    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(42);
        clip = new double[seconds * 16000];
        for (int i = 0; i < clip.length; i++) {
            clip[i] = 0.3 * Math.sin(2 * Math.PI * 220 * i / 16000.0) * (1 + Math.sin(i / 3000.0))
                    + 0.05 * rnd.nextGaussian();
        }
        stft = Stft.compute(clip, StftConfig.DEFAULT);
        magnitude = stft.magnitude();
    }

    @Benchmark
    public double[] harmonic() {
        return HarmonicPercussive.harmonic(clip);
    }

    @Benchmark
    public double[] harmonicFromStft() {
        return HarmonicPercussive.harmonic(stft, clip.length, HpssConfig.DEFAULT, StftConfig.DEFAULT);
    }

    @Benchmark
    public Matrix medianAlongTime() {
        return MedianFilter.filterRows(magnitude, 31);
    }

    @Benchmark
    public Matrix medianAlongFrequency() {
        return MedianFilter.filterColumns(magnitude, 31);
    }
}
