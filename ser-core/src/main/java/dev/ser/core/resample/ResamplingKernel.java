package dev.ser.core.resample;

/**
 * A precomputed resampling filter for one (source rate, target rate) pair. Implementations are
 * immutable and thread-safe; obtain them from {@link Resampler#kernel(int, int, ResampleMode)},
 * which caches them.
 */
public interface ResamplingKernel {
    /**
     * The output length the filter itself produces for an input of {@code inputLength} samples:
     * {@code ceil(inputLength * target / source)} in exact integer arithmetic.
     */
    int naturalLength(int inputLength);

    /**
     * Resamples {@code x}, with samples before its start and after its end taken as zeros.
     *
     * @param x            input samples at the source rate (not modified)
     * @param outputLength number of output samples to compute, starting at time zero
     * @return a new array of {@code outputLength} samples at the target rate
     */
    double[] apply(double[] x, int outputLength);
}
