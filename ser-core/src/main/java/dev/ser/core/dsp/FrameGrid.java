package dev.ser.core.dsp;

/**
 * A signal cut into frames {@code hop} samples apart, stored hop-major for copying frame samples
 * out in bulk: {@code grid[r][c] = signal[c * hop + r]} ({@code r < hop}, zero past the end).
 * Sample {@code q} of frame {@code t} is {@code signal[t * hop + q] = grid[q % hop][t + q / hop]},
 * so sample {@code q} of consecutive frames is a contiguous run of one row: a {@link FrameBatchFft}
 * loads its point-major rows with {@link System#arraycopy} instead of a strided gather per value.
 * Building the grid is one transposition of the signal (each sample once, where gathering frame
 * by frame would touch each sample {@code n / hop} times). Confined to one thread.
 */
final class FrameGrid {
    private final double[] signal;
    private final int hop;
    private double[][] grid;
    /** Columns per tile of the transposition. */
    private static final int TILE = 8;

    /** The frames of {@code signal} (already padded) that start {@code hop} apart. */
    FrameGrid(double[] signal, int hop) {
        this.signal = signal;
        this.hop = hop;
    }

    /**
     * The transposition, on first use (callers that read frames straight from the signal never pay
     * for it). Tiles of a few columns: reading row by row strides {@code hop} samples, and with
     * {@code hop = 512} doubles (4 KiB) every read of a long column run would fall into one L1 set.
     */
    private double[][] grid() {
        if (grid == null) {
            int columns = (signal.length + hop - 1) / hop;
            double[][] g = new double[hop][columns];
            for (int c0 = 0; c0 < columns; c0 += TILE) {
                int c1 = Math.min(columns, c0 + TILE);
                for (int r = 0; r < hop; r++) {
                    double[] row = g[r];
                    for (int c = c0, at = c0 * hop + r; c < c1 && at < signal.length; c++, at += hop) {
                        row[c] = signal[at];
                    }
                }
            }
            grid = g;
        }
        return grid;
    }

    /** The (padded) signal. */
    double[] signal() {
        return signal;
    }

    /** Samples between consecutive frame starts. */
    int hop() {
        return hop;
    }

    /** Sample {@code q} of frames {@code t0 .. t0 + count} into {@code dst[0 .. count)}. */
    void copySample(int q, int t0, int count, double[] dst) {
        System.arraycopy(grid()[q % hop], t0 + q / hop, dst, 0, count);
    }
}
