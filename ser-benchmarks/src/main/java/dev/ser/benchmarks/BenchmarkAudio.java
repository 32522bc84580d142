package dev.ser.benchmarks;

import dev.ser.core.audio.AudioSignal;
import dev.ser.features.FeatureExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The audio the benchmarks run on: a real speech clip cut or looped to an exact duration.
 *
 * <p>By default the bundled RAVDESS clip {@code docs/samples/ravdess/03-01-05-01-02-01-09.flac}
 * (16 kHz) when the benchmarks run from the repository root; {@code -Dser.bench.audio=PATH}
 * chooses another file. Without either, a deterministic synthetic voiced signal (harmonics of a
 * gliding 120-220 Hz fundamental plus noise) stands in, so the benchmarks always run.
 */
final class BenchmarkAudio {
    static final Path DEFAULT_CLIP = Path.of("docs", "samples", "ravdess", "03-01-05-01-02-01-09.flac");

    private BenchmarkAudio() {
    }

    /** A mono clip of exactly {@code seconds} seconds. */
    static AudioSignal clip(double seconds) {
        String configured = System.getProperty("ser.bench.audio");
        Path path = configured != null ? Path.of(configured) : DEFAULT_CLIP;
        if (Files.isRegularFile(path)) {
            try {
                return fit(FeatureExtractor.loadAudio(path, 0), seconds);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return synthetic(16000, seconds);
    }

    private static AudioSignal fit(AudioSignal signal, double seconds) {
        int n = (int) Math.round(seconds * signal.sampleRate());
        double[] src = signal.samplesView();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = src[i % src.length];
        }
        return AudioSignal.wrap(out, signal.sampleRate());
    }

    static AudioSignal synthetic(int sampleRate, double seconds) {
        int n = (int) Math.round(seconds * sampleRate);
        double[] y = new double[n];
        Random random = new Random(42);
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) sampleRate;
            double f0 = 170 + 50 * Math.sin(2 * Math.PI * 0.7 * t);
            phase += 2 * Math.PI * f0 / sampleRate;
            double v = 0;
            for (int h = 1; h <= 12; h++) {
                v += Math.sin(h * phase) / h;
            }
            y[i] = 0.1 * v + 0.01 * random.nextGaussian();
        }
        return AudioSignal.wrap(y, sampleRate);
    }
}
