package dev.ser.core.dsp;

/**
 * Parameters of spectral contrast, librosa's {@code feature.spectral_contrast(fmin, n_bands,
 * quantile, linear)}, with its defaults.
 *
 * <p>Immutable; build with {@link #builder()}. Defaults: {@code fmin = 200 Hz}, 6 bands,
 * quantile 0.02, logarithmic (dB) contrast.
 *
 * @param fMin     upper edge in Hz of the lowest band ({@code [0, fMin]}); band {@code k >= 1} is the
 *                 octave {@code [fMin 2^(k-1), fMin 2^k]}, the last band extends to Nyquist; {@code > 0}
 * @param nBands   number of octave bands above the lowest one, at least 1 (output has
 *                 {@code nBands + 1} rows)
 * @param quantile fraction of each band's bins averaged for the peak (top) and the valley
 *                 (bottom), in (0, 1); at least one bin is always used
 * @param linear   true for {@code peak - valley}; false (default) for
 *                 {@code power_to_db(peak) - power_to_db(valley)}
 */
public record ContrastConfig(double fMin, int nBands, double quantile, boolean linear) {
    /** librosa's defaults. */
    public static final ContrastConfig DEFAULT = builder().build();

    public ContrastConfig {
        if (!(fMin > 0) || Double.isInfinite(fMin)) {
            throw new SpectralParameterException("fmin must be a positive number, got " + fMin);
        }
        if (nBands < 1) {
            throw new SpectralParameterException("n_bands must be a positive integer, got " + nBands);
        }
        if (!(quantile > 0 && quantile < 1)) {
            throw new SpectralParameterException("quantile must lie in the range (0, 1), got " + quantile);
        }
    }

    public Builder toBuilder() {
        return new Builder().fMin(fMin).nBands(nBands).quantile(quantile).linear(linear);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from librosa's defaults. */
    public static final class Builder {
        private double fMin = 200.0;
        private int nBands = 6;
        private double quantile = 0.02;
        private boolean linear;

        /** Upper edge of the lowest band in Hz; default 200. */
        public Builder fMin(double fMin) {
            this.fMin = fMin;
            return this;
        }

        /** Number of octave bands; default 6. */
        public Builder nBands(int nBands) {
            this.nBands = nBands;
            return this;
        }

        /** Peak/valley quantile; default 0.02. */
        public Builder quantile(double quantile) {
            this.quantile = quantile;
            return this;
        }

        /** Linear rather than dB contrast; default false. */
        public Builder linear(boolean linear) {
            this.linear = linear;
            return this;
        }

        public ContrastConfig build() {
            return new ContrastConfig(fMin, nBands, quantile, linear);
        }
    }
}
