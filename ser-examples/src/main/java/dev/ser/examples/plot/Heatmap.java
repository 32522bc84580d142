package dev.ser.examples.plot;

import dev.ser.core.dsp.Matrix;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * Paints a matrix (librosa orientation: row 0 at the bottom, one column per frame) into a
 * rectangle of an image, one raster row at a time.
 *
 * <p>A matrix larger than the rectangle is first reduced by taking the maximum over the rows and
 * columns that share a pixel, so that a narrow bright line (a harmonic, a click) survives the
 * reduction instead of falling between sampled pixels; a smaller matrix is enlarged by nearest
 * neighbour, which keeps cell edges sharp.
 */
final class Heatmap {
    private Heatmap() {
    }

    /** Paints {@code values}, mapping {@code lo} to the first colour and {@code hi} to the last. */
    static void paint(BufferedImage image, Rectangle area, Matrix values, double lo, double hi, ColorMap map) {
        Matrix m = reduced(values, area.height, area.width);
        int rows = m.rows();
        int cols = m.cols();
        int w = area.width;
        int[] colOf = new int[w];
        for (int px = 0; px < w; px++) {
            colOf[px] = (int) ((2L * px + 1) * cols / (2L * w));
        }
        int[] table = map.table();
        double scale = hi > lo ? (ColorMap.SIZE - 1) / (hi - lo) : 0;
        double[] data = m.data();
        int[] line = new int[w];
        WritableRaster raster = image.getRaster();
        int lineRow = -1;
        for (int py = 0; py < area.height; py++) {
            int r = rows - 1 - (int) ((2L * py + 1) * rows / (2L * area.height));
            if (r != lineRow) {
                int offset = r * cols;
                for (int px = 0; px < w; px++) {
                    line[px] = table[colourIndex(data[offset + colOf[px]], lo, scale)];
                }
                lineRow = r;
            }
            raster.setDataElements(area.x, area.y + py, w, 1, line);
        }
    }

    private static int colourIndex(double v, double lo, double scale) {
        double i = (v - lo) * scale + 0.5;
        if (!(i > 0)) {
            return 0; // also NaN
        }
        return i >= ColorMap.SIZE - 1 ? ColorMap.SIZE - 1 : (int) i;
    }

    /** {@code m} reduced by maxima to at most {@code maxRows x maxCols} (the same instance if it fits). */
    static Matrix reduced(Matrix m, int maxRows, int maxCols) {
        Matrix out = m;
        if (out.rows() > maxRows) {
            out = reduceRows(out, maxRows);
        }
        if (out.cols() > maxCols) {
            out = reduceCols(out, maxCols);
        }
        return out;
    }

    private static Matrix reduceRows(Matrix m, int n) {
        int cols = m.cols();
        double[] src = m.data();
        double[] dst = new double[n * cols];
        java.util.Arrays.fill(dst, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int from = (int) ((long) i * m.rows() / n);
            int to = (int) ((long) (i + 1) * m.rows() / n);
            int o = i * cols;
            for (int r = from; r < to; r++) {
                int s = r * cols;
                for (int c = 0; c < cols; c++) {
                    dst[o + c] = Math.max(dst[o + c], src[s + c]);
                }
            }
        }
        return new Matrix(n, cols, dst);
    }

    private static Matrix reduceCols(Matrix m, int n) {
        int rows = m.rows();
        int cols = m.cols();
        double[] src = m.data();
        double[] dst = new double[rows * n];
        int[] start = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            start[j] = (int) ((long) j * cols / n);
        }
        for (int r = 0; r < rows; r++) {
            int s = r * cols;
            for (int j = 0; j < n; j++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int c = start[j]; c < start[j + 1]; c++) {
                    best = Math.max(best, src[s + c]);
                }
                dst[r * n + j] = best;
            }
        }
        return new Matrix(rows, n, dst);
    }
}
