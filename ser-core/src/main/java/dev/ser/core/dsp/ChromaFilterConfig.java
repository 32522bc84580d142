package dev.ser.core.dsp;

/**
 * The shape of a chroma filter bank, the arguments of {@code librosa.filters.chroma} other than
 * {@code sr}, {@code n_fft} and {@code tuning}, with librosa's defaults.
 *
 * <p>Immutable; build with {@link #builder()}.
 *
 * @param nChroma                number of chroma bins per octave (default 12)
 * @param centerOctave           {@code ctroct}: centre of the Gaussian octave weighting, in octaves
 *                               above {@code A440 / 16} = 27.5 Hz (default 5.0, i.e. 880 Hz)
 * @param octaveWidth            {@code octwidth}: standard deviation of that weighting in octaves
 *                               (default 2.0); {@code Double.POSITIVE_INFINITY} gives librosa's
 *                               {@code octwidth=None}, equal weight for every octave
 * @param norm                   normalisation of each FFT bin's weights over the chroma bins
 *                               (default {@link Normalize.Norm#L2}), applied before the octave
 *                               weighting
 * @param baseC                  whether chroma bin 0 is C (default, true) or A (false)
 * @param singlePrecisionWeights whether weights are rounded to float32 (default true). librosa
 *                               0.11 returns the bank as float32 ({@code dtype=np.float32}) and
 *                               {@code chroma_stft} multiplies float64 spectrograms by those
 *                               rounded weights; rounding the same way reproduces its chroma to
 *                               about 1e-15 instead of about 3e-8
 */
public record ChromaFilterConfig(int nChroma, double centerOctave, double octaveWidth, Normalize.Norm norm,
                                 boolean baseC, boolean singlePrecisionWeights) {

    /** librosa's defaults. */
    public static final ChromaFilterConfig DEFAULT = builder().build();

    public ChromaFilterConfig {
        if (nChroma < 1) {
            throw new IllegalArgumentException("n_chroma must be positive, got " + nChroma);
        }
        if (!Double.isFinite(centerOctave)) {
            throw new IllegalArgumentException("ctroct must be finite, got " + centerOctave);
        }
        if (!(octaveWidth > 0)) {
            throw new IllegalArgumentException("octwidth must be positive (Infinity for flat weighting), got "
                    + octaveWidth);
        }
        if (norm == null) {
            throw new NullPointerException("norm is required (Normalize.Norm.NONE for none)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder().nChroma(nChroma).centerOctave(centerOctave).octaveWidth(octaveWidth).norm(norm)
                .baseC(baseC).singlePrecisionWeights(singlePrecisionWeights);
    }

    /** Builder with librosa's defaults. */
    public static final class Builder {
        private int nChroma = 12;
        private double centerOctave = 5.0;
        private double octaveWidth = 2.0;
        private Normalize.Norm norm = Normalize.Norm.L2;
        private boolean baseC = true;
        private boolean singlePrecisionWeights = true;

        private Builder() {
        }

        public Builder nChroma(int value) {
            nChroma = value;
            return this;
        }

        public Builder centerOctave(double value) {
            centerOctave = value;
            return this;
        }

        public Builder octaveWidth(double value) {
            octaveWidth = value;
            return this;
        }

        /** librosa's {@code octwidth=None}: every octave weighted equally. */
        public Builder flatOctaveWeighting() {
            octaveWidth = Double.POSITIVE_INFINITY;
            return this;
        }

        public Builder norm(Normalize.Norm value) {
            norm = value;
            return this;
        }

        public Builder baseC(boolean value) {
            baseC = value;
            return this;
        }

        public Builder singlePrecisionWeights(boolean value) {
            singlePrecisionWeights = value;
            return this;
        }

        public ChromaFilterConfig build() {
            return new ChromaFilterConfig(nChroma, centerOctave, octaveWidth, norm, baseC, singlePrecisionWeights);
        }
    }
}
