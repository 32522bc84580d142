package dev.ser.features;

import dev.ser.core.audio.AudioLoader;

/** The resampler used when a {@link FeatureConfig} asks for a target sample rate. */
final class Resampling {
    /** High-quality resampling (the stand-in for librosa's default {@code soxr_hq}). */
    static final AudioLoader.Resampler DEFAULT = (samples, from, to) -> {
        throw new UnsupportedOperationException("resampling from " + from + " Hz to " + to
                + " Hz is not available in this build");
    };

    private Resampling() {
    }
}
