package dev.ser.core.cqt;

import dev.ser.core.resample.ResampleMode;
import dev.ser.core.resample.ResampleOptions;
import dev.ser.core.resample.Resampler;

/**
 * The {@link Decimator}s librosa's {@code res_type} choices correspond to, backed by
 * {@link Resampler} with {@code fix=True, scale=True} as the CQT recursion calls
 * {@code librosa.resample}. Both are singletons, so configurations built with them compare equal
 * and share cached filter banks.
 */
public final class Decimators {
    private static final Decimator POLYPHASE = using(ResampleMode.POLYPHASE);
    private static final Decimator HIGH_QUALITY = using(ResampleMode.HIGH_QUALITY);

    private Decimators() {
    }

    /**
     * librosa's default {@code res_type='soxr_hq'}: {@link ResampleMode#HIGH_QUALITY}, a
     * Kaiser-windowed sinc fitted to soxr's HQ response.
     */
    public static Decimator highQuality() {
        return HIGH_QUALITY;
    }

    /** {@code res_type='polyphase'}: {@code scipy.signal.resample_poly(y, 1, factor)}. */
    public static Decimator polyphase() {
        return POLYPHASE;
    }

    private static Decimator using(ResampleMode mode) {
        ResampleOptions options = ResampleOptions.builder().mode(mode).fix(true).scale(true).build();
        return (y, factor) -> {
            if (factor < 2) {
                throw new IllegalArgumentException("decimation factor must be at least 2, got " + factor);
            }
            return Resampler.resample(y, factor, 1, options);
        };
    }
}
