package dev.ser.core.dsp;

/** Scaling of a {@link Dct}, scipy's {@code norm} argument. */
public enum DctNorm {
    /** {@code norm=None}: scipy.fftpack's unnormalised transforms (DCT-II sums carry a factor 2). */
    NONE,
    /** {@code norm='ortho'}: scaled so the basis is orthonormal (DCT-III ortho inverts DCT-II ortho). */
    ORTHO
}
