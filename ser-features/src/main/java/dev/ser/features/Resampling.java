package dev.ser.features;

import dev.ser.core.audio.AudioLoader;
import dev.ser.core.resample.Resampler;

/** The resampler used when a {@link FeatureConfig} asks for a target sample rate. */
final class Resampling {
    /**
     * High-quality band-limited resampling ({@link dev.ser.core.resample.ResampleMode#HIGH_QUALITY},
     * the stand-in for librosa's default {@code soxr_hq}), with librosa's output length rule.
     */
    static final AudioLoader.Resampler DEFAULT = Resampler::resample;

    private Resampling() {
    }
}
