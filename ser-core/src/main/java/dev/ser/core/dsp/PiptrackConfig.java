package dev.ser.core.dsp;

/**
 * Parameters of {@link Piptrack}, {@code librosa.piptrack}'s keyword arguments with its defaults.
 *
 * <p>Immutable; build with {@link #builder()}.
 *
 * @param fmin           lowest frequency in Hz a peak may have (default 150); clipped at 0
 * @param fmax           frequency in Hz that peaks must lie below (default 4000); clipped at
 *                       {@code sr / 2}
 * @param threshold      a bin can only be a peak when its magnitude exceeds {@code threshold *
 *                       reference} (default 0.1)
 * @param fixedReference the reference as one absolute value for every frame, librosa's scalar
 *                       {@code ref}; NaN (the default) uses each frame's maximum magnitude,
 *                       librosa's {@code ref=np.max}. A fixed reference is compared as it is, not
 *                       multiplied by {@code threshold}, as librosa does
 */
public record PiptrackConfig(double fmin, double fmax, double threshold, double fixedReference) {

    /** librosa's defaults. */
    public static final PiptrackConfig DEFAULT = builder().build();

    public PiptrackConfig {
        if (Double.isNaN(fmin) || Double.isNaN(fmax)) {
            throw new IllegalArgumentException("fmin and fmax must be numbers, got " + fmin + ", " + fmax);
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
    }

    /** Whether the reference is each frame's maximum (librosa's default {@code ref=np.max}). */
    public boolean usesFrameMaximum() {
        return Double.isNaN(fixedReference);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with librosa's defaults. */
    public static final class Builder {
        private double fmin = 150.0;
        private double fmax = 4000.0;
        private double threshold = 0.1;
        private double fixedReference = Double.NaN;

        private Builder() {
        }

        public Builder fmin(double value) {
            fmin = value;
            return this;
        }

        public Builder fmax(double value) {
            fmax = value;
            return this;
        }

        public Builder threshold(double value) {
            threshold = value;
            return this;
        }

        /** A fixed absolute reference instead of each frame's maximum (its absolute value is used). */
        public Builder fixedReference(double value) {
            fixedReference = value;
            return this;
        }

        /** Each frame's maximum as the reference (the default). */
        public Builder frameMaximumReference() {
            fixedReference = Double.NaN;
            return this;
        }

        public PiptrackConfig build() {
            return new PiptrackConfig(fmin, fmax, threshold, fixedReference);
        }
    }
}
