package dev.ser.examples.listen;

import java.util.Random;

/** Synthetic test audio: background noise with bursts of a voiced (harmonic) tone. */
final class Signals {
    static final int SR = 16000;

    private Signals() {
    }

    /** Gaussian noise of standard deviation {@code noise}, with tone bursts at {@code [start, end)} seconds. */
    static double[] bursts(double seconds, double noise, double amplitude, long seed, double[]... bursts) {
        double[] y = noise(seconds, noise, seed);
        for (double[] b : bursts) {
            addTone(y, b[0], b[1], amplitude);
        }
        return y;
    }

    static double[] noise(double seconds, double sigma, long seed) {
        Random r = new Random(seed);
        double[] y = new double[(int) Math.round(seconds * SR)];
        for (int i = 0; i < y.length; i++) {
            y[i] = sigma * r.nextGaussian();
        }
        return y;
    }

    /** A 150 Hz vowel-like tone (three harmonics, slow vibrato) over {@code [start, end)} seconds. */
    static void addTone(double[] y, double start, double end, double amplitude) {
        int a = (int) Math.round(start * SR);
        int b = Math.min(y.length, (int) Math.round(end * SR));
        double phase = 0;
        for (int i = a; i < b; i++) {
            double t = (double) i / SR;
            phase += 2 * Math.PI * (150 + 20 * Math.sin(2 * Math.PI * 4 * t)) / SR;
            y[i] += amplitude * (0.6 * Math.sin(phase) + 0.3 * Math.sin(2 * phase) + 0.1 * Math.sin(3 * phase));
        }
    }

    /** Feeds {@code y} to the segmenter in blocks of {@code block} samples, then flushes. */
    static void feed(Segmenter s, double[] y, int block) {
        double[] buf = new double[block];
        for (int i = 0; i < y.length; i += block) {
            int n = Math.min(block, y.length - i);
            System.arraycopy(y, i, buf, 0, n);
            s.accept(buf, n);
        }
        s.flush();
    }
}
