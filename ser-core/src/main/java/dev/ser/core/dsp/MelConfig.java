package dev.ser.core.dsp;

/**
 * Parameters of a mel filter bank and of the mel spectrogram computed with it, with librosa's
 * defaults ({@code librosa.filters.mel} and {@code librosa.feature.melspectrogram}).
 *
 * <p>Immutable; build with {@link #builder()}. Defaults: 128 mels, {@code fmin = 0 Hz},
 * {@code fmax = sr / 2}, Slaney mel scale, Slaney (unit-area) normalisation,
 * {@code power = 2} (power spectrogram), float32 filter weights.
 *
 * @param nMels          number of mel bands (filters), at least 1
 * @param fMin           lowest frequency in Hz (the left edge of the first filter), {@code >= 0}
 * @param fMax           highest frequency in Hz (the right edge of the last filter), or
 *                       {@code null} for half the sample rate, librosa's {@code fmax=None}
 * @param htk            true for the HTK mel scale, false for Slaney's (default)
 * @param norm           filter normalisation, default {@link MelNorm#SLANEY}
 * @param power          exponent applied to the STFT magnitude before the filter bank when a mel
 *                       spectrogram is computed from a signal or complex STFT: 2 for power
 *                       (default), 1 for magnitude; unused when a spectrogram is given
 * @param float32Weights round the filter weights to float32 as librosa does by default
 *                       ({@code dtype=np.float32}); true (default) reproduces librosa's numbers
 *                       to the last bit, false keeps the exact float64 triangles (they differ by
 *                       at most 6e-8 relative, well inside any parity bar)
 */
public record MelConfig(int nMels, double fMin, Double fMax, boolean htk, MelNorm norm, double power,
                        boolean float32Weights) {

    /** librosa's defaults. */
    public static final MelConfig DEFAULT = builder().build();

    public MelConfig {
        if (nMels < 1) {
            throw new SpectralParameterException("n_mels must be positive, got " + nMels);
        }
        if (!(fMin >= 0) || Double.isInfinite(fMin)) {
            throw new SpectralParameterException("fmin must be a finite frequency >= 0 Hz, got " + fMin);
        }
        if (fMax != null && !(fMax > fMin && !fMax.isInfinite())) {
            throw new SpectralParameterException("fmax must be finite and above fmin=" + fMin + " Hz, got " + fMax);
        }
        if (norm == null) {
            throw new NullPointerException("norm (use MelNorm.NONE for librosa's norm=None)");
        }
        if (!(power > 0) || Double.isInfinite(power)) {
            throw new SpectralParameterException("power must be positive and finite, got " + power);
        }
    }

    /** The upper edge in Hz at {@code sampleRate}: {@code fMax}, or {@code sampleRate / 2} when unset. */
    public double fMaxAt(double sampleRate) {
        return fMax != null ? fMax : sampleRate / 2.0;
    }

    public Builder toBuilder() {
        return new Builder().nMels(nMels).fMin(fMin).fMax(fMax).htk(htk).norm(norm).power(power)
                .float32Weights(float32Weights);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from librosa's defaults. */
    public static final class Builder {
        private int nMels = 128;
        private double fMin = 0.0;
        private Double fMax;
        private boolean htk;
        private MelNorm norm = MelNorm.SLANEY;
        private double power = 2.0;
        private boolean float32Weights = true;

        /** Number of mel bands; default 128. */
        public Builder nMels(int nMels) {
            this.nMels = nMels;
            return this;
        }

        /** Lowest frequency in Hz; default 0. */
        public Builder fMin(double fMin) {
            this.fMin = fMin;
            return this;
        }

        /** Highest frequency in Hz; default {@code null} = half the sample rate. */
        public Builder fMax(Double fMax) {
            this.fMax = fMax;
            return this;
        }

        /** HTK mel scale instead of Slaney's; default false. */
        public Builder htk(boolean htk) {
            this.htk = htk;
            return this;
        }

        /** Filter normalisation; default {@link MelNorm#SLANEY}. */
        public Builder norm(MelNorm norm) {
            this.norm = norm;
            return this;
        }

        /** Exponent of the STFT magnitude; default 2 (power). */
        public Builder power(double power) {
            this.power = power;
            return this;
        }

        /** Round filter weights to float32 like librosa; default true. */
        public Builder float32Weights(boolean float32Weights) {
            this.float32Weights = float32Weights;
            return this;
        }

        public MelConfig build() {
            return new MelConfig(nMels, fMin, fMax, htk, norm, power, float32Weights);
        }
    }
}
