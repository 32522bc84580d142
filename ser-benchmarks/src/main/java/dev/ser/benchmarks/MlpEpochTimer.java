package dev.ser.benchmarks;

import dev.ser.models.FeatureTable;
import dev.ser.models.StandardScaler;
import dev.ser.models.mlp.MlpConfig;
import dev.ser.models.mlp.MlpModel;
import dev.ser.models.mlp.MlpTrainer;
import dev.ser.models.util.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the reference MLP workload: hidden (300,), adam, batch 256, 200 epochs on 3000 x 193
 * standardised features with 8 classes (scikit-learn + OpenBLAS: about 30 ms per epoch).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.ser.benchmarks.MlpEpochTimer [epochs] [threads...]}.
 * Prints, per thread count, the wall time of a full fit after one warm-up fit and ms per epoch.
 *
 * <p>The matrix kernel: with {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar ...}
 * training uses the Vector API kernel ({@code dev.ser.models.mlp.VectorKernels}, bit-identical
 * results), without the flag the auto-vectorised scalar kernel; each result line names it.
 * {@code -Ddev.ser.mlp.vector=false} forces the scalar kernel even with the module.
 */
public final class MlpEpochTimer {

    private MlpEpochTimer() {
    }

    /** The synthetic workload: class-dependent means plus unit noise, standardised. */
    public static FeatureTable workload(int n, int d, int classes, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[][] centres = new double[classes][d];
        for (double[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = rng.uniform(-0.3, 0.3);
            }
        }
        double[] x = new double[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            for (int j = 0; j < d; j++) {
                double g = rng.nextDouble() + rng.nextDouble() + rng.nextDouble() - 1.5;
                x[i * d + j] = centres[y[i]][j] + 2 * g;
            }
        }
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            labels.add("c" + c);
        }
        FeatureTable t = new FeatureTable(x, n, d, y, labels, null, null);
        return StandardScaler.fit(t).transform(t);
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int[] threads = args.length > 1 ? new int[args.length - 1] : new int[] {1, 2};
        for (int i = 1; i < args.length; i++) {
            threads[i - 1] = Integer.parseInt(args[i]);
        }
        FeatureTable data = workload(3000, 193, 8, 42);
        for (int t : threads) {
            MlpConfig cfg = MlpConfig.builder().hiddenLayerSizes(300).batchSize(256).maxIter(epochs)
                    .tol(0).nIterNoChange(Integer.MAX_VALUE).threads(t).seed(1).build();
            MlpTrainer trainer = new MlpTrainer(cfg);
            trainer.fit(data); // warm-up: JIT compilation
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            MlpModel m = trainer.fit(data);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            int ran = m.history().epochs();
            // the calling thread's CPU time is robust to other load on the machine (meaningful for 1 thread)
            System.out.printf("kernel=%s threads=%d epochs=%d wall=%.2f s (%.1f ms/epoch)  caller cpu=%.2f s (%.1f ms/epoch)"
                    + "  final loss %.5f%n", dev.ser.models.mlp.Kernels.kernelName(), t, ran, s, 1000 * s / ran, cpu, 1000 * cpu / ran,
                    m.history().lossCurve()[ran - 1]);
            if (t == threads[0]) {
                timePrediction(m, data);
            }
        }
    }

    /** Prediction throughput of a trained model: one row at a time, and the whole table as a batch. */
    static void timePrediction(MlpModel model, FeatureTable data) {
        double[][] rows = new double[data.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = data.row(i);
        }
        double sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (double[] r : rows) {
                sink += model.predictProba(r)[0];
            }
            sink += model.predictProba(rows)[0][0];
        }
        int repeats = 5;
        long t0 = System.nanoTime();
        for (int k = 0; k < repeats; k++) {
            for (double[] r : rows) {
                sink += model.predictProba(r)[0];
            }
        }
        double single = (System.nanoTime() - t0) / 1e9 / (repeats * rows.length);
        t0 = System.nanoTime();
        for (int k = 0; k < repeats; k++) {
            sink += model.predictProba(rows)[0][0];
        }
        double batched = (System.nanoTime() - t0) / 1e9 / (repeats * rows.length);
        System.out.printf("prediction: %.1f us per row one at a time (%.0f rows/s), %.1f us per row batched (%.0f rows/s)"
                + "  [%s]%n", 1e6 * single, 1 / single, 1e6 * batched, 1 / batched, sink > 0 ? "ok" : "ok");
    }
}
