package dev.ser.core.dsp;

/**
 * Parameters of MFCCs beyond the mel spectrogram, librosa's {@code feature.mfcc(n_mfcc, dct_type,
 * norm, lifter)}, with its defaults.
 *
 * <p>Immutable; build with {@link #builder()}. Defaults: 20 coefficients, DCT type 2, orthonormal
 * DCT, no liftering. (The mel spectrogram's own parameters are a {@link MelConfig}; note that
 * librosa's {@code mfcc(norm=...)} is this DCT norm, not the mel filter normalisation.)
 *
 * @param nMfcc   number of coefficients kept, at least 1 (at most the number of mel bands)
 * @param dctType DCT type, 1, 2 (default) or 3
 * @param dctNorm DCT scaling, default {@link DctNorm#ORTHO}
 * @param lifter  cepstral lifter {@code L >= 0}: when positive, coefficient {@code i} (from 0) is
 *                multiplied by {@code 1 + (L / 2) sin(π (i + 1) / L)} as librosa does; 0 (default)
 *                leaves the coefficients as they are
 */
public record MfccConfig(int nMfcc, int dctType, DctNorm dctNorm, double lifter) {
    /** librosa's defaults. */
    public static final MfccConfig DEFAULT = builder().build();

    public MfccConfig {
        if (nMfcc < 1) {
            throw new SpectralParameterException("n_mfcc must be positive, got " + nMfcc);
        }
        if (dctType < 1 || dctType > 3) {
            throw new SpectralParameterException("dct_type must be 1, 2 or 3, got " + dctType);
        }
        if (dctNorm == null) {
            throw new NullPointerException("dctNorm (use DctNorm.NONE for norm=None)");
        }
        if (!(lifter >= 0) || Double.isInfinite(lifter)) {
            throw new SpectralParameterException("MFCC lifter must be a finite number >= 0, got " + lifter);
        }
    }

    public Builder toBuilder() {
        return new Builder().nMfcc(nMfcc).dctType(dctType).dctNorm(dctNorm).lifter(lifter);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from librosa's defaults. */
    public static final class Builder {
        private int nMfcc = 20;
        private int dctType = 2;
        private DctNorm dctNorm = DctNorm.ORTHO;
        private double lifter;

        /** Number of coefficients; default 20. */
        public Builder nMfcc(int nMfcc) {
            this.nMfcc = nMfcc;
            return this;
        }

        /** DCT type 1, 2 or 3; default 2. */
        public Builder dctType(int dctType) {
            this.dctType = dctType;
            return this;
        }

        /** DCT scaling; default ortho. */
        public Builder dctNorm(DctNorm dctNorm) {
            this.dctNorm = dctNorm;
            return this;
        }

        /** Lifter; default 0 (none). */
        public Builder lifter(double lifter) {
            this.lifter = lifter;
            return this;
        }

        public MfccConfig build() {
            return new MfccConfig(nMfcc, dctType, dctNorm, lifter);
        }
    }
}
