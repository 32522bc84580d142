package dev.ser.core.dsp;

/**
 * Forward real FFTs of a batch of windowed frames with the spectra read out bin by bin: row
 * {@code k} holds bin {@code k} of every frame of the batch, the STFT's bin-major orientation.
 * Implementations hold scratch rows and are confined to one thread.
 */
interface FrameBatch {
    /** The most frames one batch takes. */
    int capacity();

    /**
     * Transforms frames {@code t0 .. t0 + count} of {@code frames}, each multiplied by
     * {@code window} (length {@code n}). Read the spectra with {@link #binRe} and {@link #binIm}.
     */
    void forward(FrameGrid frames, int t0, double[] window, int count);

    /** The real parts of bin {@code k} of the last batch's frames (read-only, valid up to its count). */
    double[] binRe(int k);

    /** The imaginary parts of bin {@code k} of the last batch's frames (read-only). */
    double[] binIm(int k);

    /** The batch engine for {@code n}-point frames: {@link FrameBatchFft} for powers of two. */
    static FrameBatch forSize(int n) {
        return FrameBatchFft.supports(n) ? FrameBatchFft.forSize(n) : new FramewiseBatch(RealFft.forSize(n));
    }
}
