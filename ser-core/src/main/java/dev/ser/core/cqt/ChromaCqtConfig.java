package dev.ser.core.cqt;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Parameters of a constant-Q chromagram, with the defaults of
 * {@code librosa.feature.chroma_cqt} (0.11.0).
 *
 * <p>Immutable; build with {@link #builder()}. Defaults: {@code hop_length = 512},
 * {@code fmin = C1}, {@code norm = inf} (each frame scaled to maximum 1), {@code threshold = 0},
 * {@code tuning = None} (estimated from each signal at {@code bins_per_octave} resolution),
 * {@code n_chroma = 12}, {@code n_octaves = 7}, {@code bins_per_octave = 36},
 * {@code cqt_mode = 'full'}, {@code window = None}; the underlying CQT uses {@code librosa.cqt}'s
 * remaining defaults ({@code soxr_hq} resampling: {@link Decimators#highQuality()}).
 *
 * @param hopLength       samples between frames
 * @param fmin            lowest CQT bin centre in Hz before tuning; also the pitch the chroma
 *                        folding starts from
 * @param norm            per-frame normalisation: {@code p > 0} or {@code +Infinity} (maximum);
 *                        empty for none
 * @param threshold       chroma values below this are set to 0 before normalisation;
 *                        {@code Double.NEGATIVE_INFINITY} disables it (librosa's {@code None})
 * @param tuning          tuning offset in fractions of a CQT bin; empty to estimate it
 * @param nChroma         chroma bins per octave
 * @param nOctaves        octaves of CQT analysed
 * @param binsPerOctave   CQT resolution; a multiple of {@code nChroma}
 * @param decimator       the CQT's halving resampler
 * @param tuningSource used when {@code tuning} is empty
 */
public record ChromaCqtConfig(int hopLength, double fmin, OptionalDouble norm, double threshold,
                              OptionalDouble tuning, int nChroma, int nOctaves, int binsPerOctave,
                              Decimator decimator, TuningSource tuningSource) {

    public ChromaCqtConfig {
        Objects.requireNonNull(norm, "norm (use OptionalDouble.empty() for none)");
        Objects.requireNonNull(tuning, "tuning (use OptionalDouble.empty() to estimate)");
        Objects.requireNonNull(decimator, "decimator");
        Objects.requireNonNull(tuningSource, "tuningSource");
        if (nChroma < 1 || nOctaves < 1 || binsPerOctave < 1) {
            throw new IllegalArgumentException("n_chroma, n_octaves and bins_per_octave must be positive, got "
                    + nChroma + ", " + nOctaves + ", " + binsPerOctave);
        }
        if (binsPerOctave % nChroma != 0) {
            throw new IllegalArgumentException("bins_per_octave=" + binsPerOctave
                    + " must be a multiple of n_chroma=" + nChroma);
        }
        if (norm.isPresent() && !(norm.getAsDouble() > 0)) {
            throw new IllegalArgumentException("norm must be > 0 or +Infinity, got " + norm.getAsDouble());
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        // The remaining checks (hop, fmin, tuning) are the CQT's.
        cqtConfig(hopLength, fmin, tuning, nOctaves, binsPerOctave, decimator, tuningSource);
    }

    /** {@code librosa.feature.chroma_cqt}'s defaults. */
    public static ChromaCqtConfig defaults() {
        return builder().build();
    }

    /** The constant-Q transform this chromagram folds: {@code nOctaves * binsPerOctave} bins. */
    public CqtConfig cqtConfig() {
        return cqtConfig(hopLength, fmin, tuning, nOctaves, binsPerOctave, decimator, tuningSource);
    }

    private static CqtConfig cqtConfig(int hop, double fmin, OptionalDouble tuning, int nOctaves, int bpo,
                                       Decimator decimator, TuningSource estimator) {
        CqtConfig.Builder b = CqtConfig.builder().hopLength(hop).fmin(fmin).nBins(nOctaves * bpo).binsPerOctave(bpo)
                .decimator(decimator).tuningSource(estimator);
        if (tuning.isPresent()) {
            b.tuning(tuning.getAsDouble());
        } else {
            b.estimateTuning();
        }
        return b.build();
    }

    /** A builder initialised with this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder().hopLength(hopLength).fmin(fmin).threshold(threshold).nChroma(nChroma)
                .nOctaves(nOctaves).binsPerOctave(binsPerOctave).decimator(decimator).tuningSource(tuningSource);
        b.norm = norm;
        b.tuning = tuning;
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with {@code chroma_cqt}'s defaults. */
    public static final class Builder {
        private int hopLength = 512;
        private double fmin = CqtConfig.C1_HZ;
        private OptionalDouble norm = OptionalDouble.of(Double.POSITIVE_INFINITY);
        private double threshold = 0.0;
        private OptionalDouble tuning = OptionalDouble.empty();
        private int nChroma = 12;
        private int nOctaves = 7;
        private int binsPerOctave = 36;
        private Decimator decimator;
        private TuningSource tuningSource;

        private Builder() {
        }

        /** Samples between frames; default 512. */
        public Builder hopLength(int hopLength) {
            this.hopLength = hopLength;
            return this;
        }

        /** Lowest CQT bin in Hz before tuning; default C1. */
        public Builder fmin(double fmin) {
            this.fmin = fmin;
            return this;
        }

        /** Per-frame {@code L_p} normalisation ({@code +Infinity} for max); default max. */
        public Builder norm(double norm) {
            this.norm = OptionalDouble.of(norm);
            return this;
        }

        /** No per-frame normalisation (librosa's {@code norm=None}). */
        public Builder noNorm() {
            this.norm = OptionalDouble.empty();
            return this;
        }

        /** Values below this are zeroed; default 0. */
        public Builder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /** A fixed tuning offset in fractions of a CQT bin; default: estimated. */
        public Builder tuning(double tuning) {
            this.tuning = OptionalDouble.of(tuning);
            return this;
        }

        /** Estimate the tuning from each signal (the default). */
        public Builder estimateTuning() {
            this.tuning = OptionalDouble.empty();
            return this;
        }

        /** Chroma bins per octave; default 12. */
        public Builder nChroma(int nChroma) {
            this.nChroma = nChroma;
            return this;
        }

        /** Octaves of CQT; default 7. */
        public Builder nOctaves(int nOctaves) {
            this.nOctaves = nOctaves;
            return this;
        }

        /** CQT bins per octave; default 36. */
        public Builder binsPerOctave(int binsPerOctave) {
            this.binsPerOctave = binsPerOctave;
            return this;
        }

        /** The CQT's halving resampler; default {@link Decimators#highQuality()}. */
        public Builder decimator(Decimator decimator) {
            this.decimator = decimator;
            return this;
        }

        /** The tuning estimator; default {@link TuningSources#librosa()}. */
        public Builder tuningSource(TuningSource tuningSource) {
            this.tuningSource = tuningSource;
            return this;
        }

        public ChromaCqtConfig build() {
            Decimator d = decimator != null ? decimator : Decimators.highQuality();
            TuningSource t = tuningSource != null ? tuningSource : TuningSources.librosa();
            return new ChromaCqtConfig(hopLength, fmin, norm, threshold, tuning, nChroma, nOctaves, binsPerOctave,
                    d, t);
        }
    }
}
