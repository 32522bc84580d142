package dev.ser.core.dsp;

/**
 * Parameters of median-filtering harmonic/percussive separation, with the defaults of
 * {@code librosa.decompose.hpss}: {@code kernel_size = 31}, {@code power = 2.0},
 * {@code margin = 1.0}.
 *
 * @param harmonicKernel   length in frames of the harmonic (time-direction) median filter
 * @param percussiveKernel length in bins of the percussive (frequency-direction) median filter
 * @param power            soft-mask exponent, strictly positive; {@code Double.POSITIVE_INFINITY}
 *                         gives hard (binary) masks
 * @param harmonicMargin   how much the harmonic filter must dominate the percussive one, at least 1
 * @param percussiveMargin how much the percussive filter must dominate the harmonic one, at least 1;
 *                         margins above 1 leave a residual that belongs to neither component
 */
public record HpssConfig(int harmonicKernel, int percussiveKernel, double power, double harmonicMargin,
                         double percussiveMargin) {

    /** librosa's defaults. */
    public static final HpssConfig DEFAULT = builder().build();

    public HpssConfig {
        if (harmonicKernel < 1 || percussiveKernel < 1) {
            throw new IllegalArgumentException("kernel sizes must be at least 1, got (" + harmonicKernel
                    + ", " + percussiveKernel + ")");
        }
        SoftMask.checkPower(power);
        if (!(harmonicMargin >= 1) || !(percussiveMargin >= 1)) {
            throw new IllegalArgumentException("margins must be >= 1.0 (typically 1 to 10), got ("
                    + harmonicMargin + ", " + percussiveMargin + ")");
        }
    }

    /**
     * Whether cells where both filtered spectra vanish are split 0.5/0.5 between the components,
     * as librosa does exactly when both margins are 1.
     */
    public boolean splitZeros() {
        return harmonicMargin == 1.0 && percussiveMargin == 1.0;
    }

    /** Whether the masks are binary ({@code power} infinite). */
    public boolean hardMasks() {
        return Double.isInfinite(power);
    }

    public Builder toBuilder() {
        return new Builder().kernelSize(harmonicKernel, percussiveKernel).power(power)
                .margin(harmonicMargin, percussiveMargin);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with librosa's defaults. */
    public static final class Builder {
        private int harmonicKernel = 31;
        private int percussiveKernel = 31;
        private double power = 2.0;
        private double harmonicMargin = 1.0;
        private double percussiveMargin = 1.0;

        /** Both kernel sizes ({@code kernel_size=k}); default 31. */
        public Builder kernelSize(int size) {
            return kernelSize(size, size);
        }

        /** Separate kernel sizes ({@code kernel_size=(harmonic, percussive)}). */
        public Builder kernelSize(int harmonic, int percussive) {
            this.harmonicKernel = harmonic;
            this.percussiveKernel = percussive;
            return this;
        }

        /** Soft-mask exponent; default 2. {@code Double.POSITIVE_INFINITY} for hard masks. */
        public Builder power(double power) {
            this.power = power;
            return this;
        }

        /** Both margins ({@code margin=m}); default 1. */
        public Builder margin(double margin) {
            return margin(margin, margin);
        }

        /** Separate margins ({@code margin=(harmonic, percussive)}). */
        public Builder margin(double harmonic, double percussive) {
            this.harmonicMargin = harmonic;
            this.percussiveMargin = percussive;
            return this;
        }

        public HpssConfig build() {
            return new HpssConfig(harmonicKernel, percussiveKernel, power, harmonicMargin, percussiveMargin);
        }
    }
}
