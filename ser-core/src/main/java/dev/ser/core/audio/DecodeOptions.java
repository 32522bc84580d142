package dev.ser.core.audio;

import java.util.Objects;

/**
 * Options of an {@link AudioDecoder}.
 *
 * @param nonFinite      what to do with NaN/infinite float samples; default
 *                       {@link NonFinitePolicy#PASS_THROUGH} (as soundfile/librosa)
 * @param verifyFlacMd5  whether to check the decoded FLAC signal against the MD5 in STREAMINFO (when
 *                       the stored MD5 is non-zero); default {@code true}
 * @param maxInputBytes  the largest input accepted, in bytes; default {@code Integer.MAX_VALUE - 16}
 *                       (inputs are read into one array)
 * @param maxSamples     the largest number of samples (frames x channels) a decoded signal may have;
 *                       default {@code 1 << 28}, i.e. 2 GiB of doubles (about 93 minutes of mono at
 *                       48 kHz, 4.6 hours at 16 kHz). Guards against exhausting memory, in particular
 *                       with FLAC, which legitimately expands a few bytes into 65536 samples.
 */
public record DecodeOptions(NonFinitePolicy nonFinite, boolean verifyFlacMd5, long maxInputBytes, long maxSamples) {

    /** The largest array Java can allocate safely. */
    static final long ARRAY_LIMIT = Integer.MAX_VALUE - 16;

    public DecodeOptions {
        Objects.requireNonNull(nonFinite, "nonFinite");
        if (maxInputBytes <= 0 || maxInputBytes > ARRAY_LIMIT) {
            throw new IllegalArgumentException("maxInputBytes must be in [1, " + ARRAY_LIMIT + "], got " + maxInputBytes);
        }
        if (maxSamples <= 0) {
            throw new IllegalArgumentException("maxSamples must be positive, got " + maxSamples);
        }
    }

    /** The most frames a signal of {@code channels} channels may have under {@link #maxSamples()}. */
    public long maxFrames(int channels) {
        return Math.min(ARRAY_LIMIT, maxSamples / Math.max(1, channels));
    }

    /** The defaults: pass NaN through, verify MD5, inputs up to 2 GiB, up to 2^28 samples. */
    public static DecodeOptions defaults() {
        return builder().build();
    }

    /** A builder initialised with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with these options. */
    public Builder toBuilder() {
        return new Builder().nonFinite(nonFinite).verifyFlacMd5(verifyFlacMd5)
                .maxInputBytes(maxInputBytes).maxSamples(maxSamples);
    }

    /** Builder for {@link DecodeOptions}. */
    public static final class Builder {
        private NonFinitePolicy nonFinite = NonFinitePolicy.PASS_THROUGH;
        private boolean verifyFlacMd5 = true;
        private long maxInputBytes = ARRAY_LIMIT;
        private long maxSamples = 1L << 28;

        private Builder() {
        }

        /** @see DecodeOptions#nonFinite() */
        public Builder nonFinite(NonFinitePolicy policy) {
            this.nonFinite = policy;
            return this;
        }

        /** @see DecodeOptions#verifyFlacMd5() */
        public Builder verifyFlacMd5(boolean verify) {
            this.verifyFlacMd5 = verify;
            return this;
        }

        /** @see DecodeOptions#maxInputBytes() */
        public Builder maxInputBytes(long bytes) {
            this.maxInputBytes = bytes;
            return this;
        }

        /** @see DecodeOptions#maxSamples() */
        public Builder maxSamples(long samples) {
            this.maxSamples = samples;
            return this;
        }

        public DecodeOptions build() {
            return new DecodeOptions(nonFinite, verifyFlacMd5, maxInputBytes, maxSamples);
        }
    }
}
