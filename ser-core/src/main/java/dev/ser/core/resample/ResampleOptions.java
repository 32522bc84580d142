package dev.ser.core.resample;

import java.util.Objects;

/**
 * How to resample: the filter and librosa's {@code fix} and {@code scale} flags.
 *
 * @param mode  the filter; default {@link ResampleMode#HIGH_QUALITY} (librosa's {@code soxr_hq})
 * @param fix   when true (the default, as librosa) the output has exactly
 *              {@code ceil(n * target / source)} samples, zero-padded or trimmed at the end
 * @param scale when true the output is divided by {@code sqrt(target / source)} so that the
 *              signal energy (sum of squares) is approximately preserved; default false
 */
public record ResampleOptions(ResampleMode mode, boolean fix, boolean scale) {
    /** librosa's defaults: high quality, fixed length, no scaling. */
    public static final ResampleOptions DEFAULT = builder().build();

    public ResampleOptions {
        Objects.requireNonNull(mode, "mode");
    }

    /** A builder starting from librosa's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().mode(mode).fix(fix).scale(scale);
    }

    /** Builder for {@link ResampleOptions}. */
    public static final class Builder {
        private ResampleMode mode = ResampleMode.HIGH_QUALITY;
        private boolean fix = true;
        private boolean scale;

        private Builder() {
        }

        /** The filter; default {@link ResampleMode#HIGH_QUALITY}. */
        public Builder mode(ResampleMode mode) {
            this.mode = mode;
            return this;
        }

        /** Pad or trim to {@code ceil(n * target / source)} samples; default true. */
        public Builder fix(boolean fix) {
            this.fix = fix;
            return this;
        }

        /** Divide by {@code sqrt(target / source)}; default false. */
        public Builder scale(boolean scale) {
            this.scale = scale;
            return this;
        }

        public ResampleOptions build() {
            return new ResampleOptions(mode, fix, scale);
        }
    }
}
