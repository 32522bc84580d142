package dev.ser.core.resample;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Kernels already designed, keyed by reduced ratio and mode. Designing a kernel costs far more
 * than applying it to a short clip (Bessel evaluations for every tap), and the same few rate pairs
 * recur: every octave of a constant-Q transform, every file of a corpus.
 */
final class KernelCache {
    /** Arbitrary rate pairs could otherwise accumulate without bound. */
    private static final int MAX_ENTRIES = 64;

    private record Key(int up, int down, ResampleMode mode) {
    }

    private final ConcurrentHashMap<Key, ResamplingKernel> kernels = new ConcurrentHashMap<>();

    ResamplingKernel get(int up, int down, ResampleMode mode, Supplier<ResamplingKernel> design) {
        Key key = new Key(up, down, mode);
        ResamplingKernel kernel = kernels.get(key);
        if (kernel != null) {
            return kernel;
        }
        if (kernels.size() >= MAX_ENTRIES) {
            kernels.clear();
        }
        return kernels.computeIfAbsent(key, k -> design.get());
    }
}
