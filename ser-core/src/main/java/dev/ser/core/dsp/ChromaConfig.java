package dev.ser.core.dsp;

import java.util.OptionalDouble;

/**
 * Parameters of {@link ChromaStft}, {@code librosa.feature.chroma_stft}'s arguments with its
 * defaults.
 *
 * <p>Immutable; build with {@link #builder()}.
 *
 * @param stft   the STFT used when computing from a signal (default {@link StftConfig#DEFAULT});
 *               unused for a given spectrogram, whose FFT length is {@code 2 * (rows - 1)}
 * @param tuning tuning deviation from A440 in fractions of a chroma bin; empty (the default,
 *               {@code tuning=None}) estimates it from the spectrogram with
 *               {@code bins_per_octave = n_chroma}
 * @param filter the chroma filter bank's shape (default {@link ChromaFilterConfig#DEFAULT}, 12
 *               chroma bins)
 * @param norm   normalisation of each frame's chroma vector (default {@link Normalize.Norm#INF},
 *               maximum 1); frames whose norm is below the smallest normal double are left as
 *               they are
 */
public record ChromaConfig(StftConfig stft, OptionalDouble tuning, ChromaFilterConfig filter, Normalize.Norm norm) {

    /** librosa's defaults: {@code chroma_stft(y=y, sr=sr)} or {@code chroma_stft(S=S, sr=sr)}. */
    public static final ChromaConfig DEFAULT = builder().build();

    public ChromaConfig {
        if (stft == null || tuning == null || filter == null || norm == null) {
            throw new NullPointerException("stft, tuning, filter and norm are required (use OptionalDouble.empty(), "
                    + "Normalize.Norm.NONE)");
        }
        if (tuning.isPresent() && !Double.isFinite(tuning.getAsDouble())) {
            throw new IllegalArgumentException("tuning must be finite, got " + tuning.getAsDouble());
        }
    }

    /** Number of chroma bins per octave. */
    public int nChroma() {
        return filter.nChroma();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with librosa's defaults. */
    public static final class Builder {
        private StftConfig stft = StftConfig.DEFAULT;
        private OptionalDouble tuning = OptionalDouble.empty();
        private ChromaFilterConfig filter = ChromaFilterConfig.DEFAULT;
        private Normalize.Norm norm = Normalize.Norm.INF;

        private Builder() {
        }

        public Builder stft(StftConfig value) {
            stft = value;
            return this;
        }

        /** A fixed tuning in fractions of a chroma bin. */
        public Builder tuning(double value) {
            tuning = OptionalDouble.of(value);
            return this;
        }

        /** Estimate the tuning from each spectrogram (the default). */
        public Builder estimateTuning() {
            tuning = OptionalDouble.empty();
            return this;
        }

        public Builder filter(ChromaFilterConfig value) {
            filter = value;
            return this;
        }

        /** Shorthand for a filter with {@code n} chroma bins and otherwise the current filter shape. */
        public Builder nChroma(int n) {
            filter = filter.toBuilder().nChroma(n).build();
            return this;
        }

        public Builder norm(Normalize.Norm value) {
            norm = value;
            return this;
        }

        public ChromaConfig build() {
            return new ChromaConfig(stft, tuning, filter, norm);
        }
    }
}
