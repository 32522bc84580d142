package dev.ser.core.dsp;

/**
 * The {@link FrameBatch} of lengths that are not powers of two: one {@link RealFft} per frame, each
 * spectrum then transposed into the bin rows. Blocks of a few frames keep the transposition's
 * reads and writes in cache.
 */
final class FramewiseBatch implements FrameBatch {
    private static final int CAPACITY = 8;

    private final RealFft fft;
    private final double[] frame;
    private final double[] frameRe;
    private final double[] frameIm;
    private final double[][] rowsRe;
    private final double[][] rowsIm;

    FramewiseBatch(RealFft fft) {
        this.fft = fft;
        this.frame = new double[fft.size()];
        this.frameRe = new double[fft.bins()];
        this.frameIm = new double[fft.bins()];
        this.rowsRe = new double[fft.bins()][CAPACITY];
        this.rowsIm = new double[fft.bins()][CAPACITY];
    }

    @Override
    public int capacity() {
        return CAPACITY;
    }

    @Override
    public void forward(FrameGrid frames, int t0, double[] window, int count) {
        for (int f = 0; f < count; f++) {
            double[] signal = frames.signal();
            int start = (t0 + f) * frames.hop();
            for (int i = 0; i < frame.length; i++) {
                frame[i] = signal[start + i] * window[i];
            }
            fft.forward(frame, 0, frameRe, frameIm);
            for (int k = 0; k < frameRe.length; k++) {
                rowsRe[k][f] = frameRe[k];
                rowsIm[k][f] = frameIm[k];
            }
        }
    }

    @Override
    public double[] binRe(int k) {
        return rowsRe[k];
    }

    @Override
    public double[] binIm(int k) {
        return rowsIm[k];
    }
}
