package dev.ser.models;

import dev.ser.models.util.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/** Synthetic data sets for tests. */
public final class TestData {

    private TestData() {
    }

    /** Gaussian-ish blobs: class {@code c} centred at {@code separation * e_c} (first coordinates). */
    public static FeatureTable blobs(int n, int d, int classes, double separation, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = new double[n * d];
        int[] y = new int[n];
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            groups[i] = "spk" + (i % 7);
            for (int j = 0; j < d; j++) {
                double g = rng.nextDouble() + rng.nextDouble() + rng.nextDouble() + rng.nextDouble() - 2.0;
                x[i * d + j] = g + (j == y[i] % d ? separation : 0.0);
            }
        }
        return new FeatureTable(x, n, d, y, labels(classes), groups, null);
    }

    /** The four XOR points repeated {@code reps} times. */
    public static FeatureTable xor(int reps) {
        double[][] pts = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        int[] cls = {0, 1, 1, 0};
        double[] x = new double[4 * reps * 2];
        int[] y = new int[4 * reps];
        for (int r = 0; r < reps; r++) {
            for (int p = 0; p < 4; p++) {
                int i = r * 4 + p;
                x[2 * i] = pts[p][0];
                x[2 * i + 1] = pts[p][1];
                y[i] = cls[p];
            }
        }
        return new FeatureTable(x, 4 * reps, 2, y, List.of("even", "odd"), null, null);
    }

    /** Labels {@code c0, c1, ...}. */
    public static List<String> labels(int classes) {
        List<String> l = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            l.add("c" + c);
        }
        return l;
    }
}
