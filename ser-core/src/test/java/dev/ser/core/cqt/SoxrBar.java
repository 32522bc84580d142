package dev.ser.core.cqt;

import dev.ser.core.dsp.Matrix;
import dev.ser.testkit.NpyArray;
import java.util.Locale;
import org.junit.jupiter.api.Assertions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bar for results downstream of soxr_hq resampling (testdata/librosa-ref/README.md): every
 * frame value within an absolute tolerance, and every row's mean over frames within
 * {@code 1e-4}.
 */
final class SoxrBar {
    private static final Logger LOG = LoggerFactory.getLogger(SoxrBar.class);
    static final double FRAME = 1e-3;
    static final double MEAN = 1e-4;

    private SoxrBar() {
    }

    /** Asserts the bar; returns {worst frame error, worst mean error}. */
    static double[] assertWithin(String id, NpyArray expected, Matrix actual, double frameTolerance) {
        Assertions.assertArrayEquals(expected.shape(), new int[] {actual.rows(), actual.cols()}, id + ": shape");
        double[] e = expected.values();
        double[] a = actual.data();
        int rows = actual.rows();
        int cols = actual.cols();
        double worstFrame = 0;
        double worstMean = 0;
        for (int r = 0; r < rows; r++) {
            double se = 0;
            double sa = 0;
            for (int t = 0; t < cols; t++) {
                int i = r * cols + t;
                double d = Math.abs(a[i] - e[i]);
                worstFrame = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(worstFrame, d);
                se += e[i];
                sa += a[i];
            }
            worstMean = Math.max(worstMean, Math.abs(sa - se) / cols);
        }
        String line = String.format(Locale.ROOT, "%s: worst frame error %.3e (bar %.1e), worst mean error %.3e (bar %.1e)",
                id, worstFrame, frameTolerance, worstMean, MEAN);
        LOG.info(line);
        Assertions.assertTrue(worstFrame <= frameTolerance && worstMean <= MEAN, line);
        return new double[] {worstFrame, worstMean};
    }
}
