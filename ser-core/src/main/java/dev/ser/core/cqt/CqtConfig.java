package dev.ser.core.cqt;

import dev.ser.core.dsp.PadMode;
import dev.ser.core.dsp.Window;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Parameters of a constant-Q transform, with the defaults of {@code librosa.cqt} (0.11.0).
 *
 * <p>Immutable; build with {@link #builder()}. Defaults: {@code hop_length = 512},
 * {@code fmin = C1 ~ 32.703 Hz}, {@code n_bins = 84}, {@code bins_per_octave = 12},
 * {@code tuning = 0.0} (librosa 0.11's default for {@code cqt}; {@link Builder#estimateTuning()}
 * selects {@code tuning=None}), {@code filter_scale = 1}, {@code norm = 1},
 * {@code sparsity = 0.01}, Hann window, {@code scale = true}, {@code pad_mode = 'constant'},
 * {@code res_type = 'soxr_hq'} ({@link Decimators#highQuality()}).
 *
 * @param hopLength       samples between successive output frames, at the input rate
 * @param fmin            centre frequency of the lowest bin in Hz, before the tuning correction
 * @param nBins           number of bins
 * @param binsPerOctave   bins per octave
 * @param tuning          offset of the bin centres in fractions of a bin (the lowest centre is
 *                        {@code fmin * 2^(tuning / binsPerOctave)}); empty to estimate it from
 *                        each signal with {@link #tuningSource()}
 * @param filterScale     filter length multiplier; smaller values give shorter filters
 * @param norm            the {@code p} of the {@code L_p} norm each time-domain filter is
 *                        normalised to (any {@code p > 0}, or {@code +Infinity} for the maximum)
 * @param sparsity        fraction of each frequency-domain filter's L1 mass that may be dropped,
 *                        in {@code [0, 1)}; 0 keeps every coefficient
 * @param window          the window that shapes each filter
 * @param scale           whether the response is divided by {@code sqrt(filter length)}
 *                        (librosa's {@code scale=True}, like an orthonormal FFT)
 * @param padMode         how each octave's STFT pads the signal ends
 * @param decimator       the halving resampler between octaves (librosa's {@code res_type})
 * @param tuningSource used only when {@code tuning} is empty
 */
public record CqtConfig(int hopLength, double fmin, int nBins, int binsPerOctave, OptionalDouble tuning,
                        double filterScale, double norm, double sparsity, Window window, boolean scale,
                        PadMode padMode, Decimator decimator, TuningSource tuningSource) {

    /** Frequency of C1 in Hz: {@code 440 * 2^((24 - 69) / 12)}, librosa's default {@code fmin}. */
    public static final double C1_HZ = 440.0 * Math.pow(2.0, (24 - 69) / 12.0);

    public CqtConfig {
        Objects.requireNonNull(tuning, "tuning (use OptionalDouble.empty() to estimate)");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(padMode, "padMode");
        Objects.requireNonNull(decimator, "decimator");
        if (hopLength < 1) {
            throw new IllegalArgumentException("hop_length must be positive, got " + hopLength);
        }
        if (!(fmin > 0) || Double.isInfinite(fmin)) {
            throw new IllegalArgumentException("fmin must be a positive frequency in Hz, got " + fmin);
        }
        if (nBins < 1) {
            throw new IllegalArgumentException("n_bins must be positive, got " + nBins);
        }
        if (binsPerOctave < 1) {
            throw new IllegalArgumentException("bins_per_octave must be positive, got " + binsPerOctave);
        }
        if (!(filterScale > 0) || Double.isInfinite(filterScale)) {
            throw new IllegalArgumentException("filter_scale must be positive, got " + filterScale);
        }
        if (!(norm > 0)) {
            throw new IllegalArgumentException("norm must be > 0 or +Infinity, got " + norm);
        }
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1), got " + sparsity);
        }
        if (tuning.isPresent() && !Double.isFinite(tuning.getAsDouble())) {
            throw new IllegalArgumentException("tuning must be finite, got " + tuning.getAsDouble());
        }
        if (tuning.isEmpty() && tuningSource == null) {
            throw new IllegalArgumentException("tuning is to be estimated but no tuning estimator is set");
        }
    }

    /** {@code librosa.cqt}'s defaults. */
    public static CqtConfig defaults() {
        return builder().build();
    }

    /** Number of octaves the bins span, {@code ceil(nBins / binsPerOctave)}. */
    public int octaves() {
        return (nBins + binsPerOctave - 1) / binsPerOctave;
    }

    /** A builder initialised with this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder().hopLength(hopLength).fmin(fmin).nBins(nBins).binsPerOctave(binsPerOctave)
                .filterScale(filterScale).norm(norm).sparsity(sparsity).window(window).scale(scale)
                .padMode(padMode).decimator(decimator).tuningSource(tuningSource);
        if (tuning.isPresent()) {
            b.tuning(tuning.getAsDouble());
        } else {
            b.estimateTuning();
        }
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with {@code librosa.cqt}'s defaults. */
    public static final class Builder {
        private int hopLength = 512;
        private double fmin = C1_HZ;
        private int nBins = 84;
        private int binsPerOctave = 12;
        private OptionalDouble tuning = OptionalDouble.of(0.0);
        private double filterScale = 1.0;
        private double norm = 1.0;
        private double sparsity = 0.01;
        private Window window = Window.HANN;
        private boolean scale = true;
        private PadMode padMode = PadMode.CONSTANT;
        private Decimator decimator;
        private TuningSource tuningSource;

        private Builder() {
        }

        /** Samples between frames at the input rate; default 512. */
        public Builder hopLength(int hopLength) {
            this.hopLength = hopLength;
            return this;
        }

        /** Lowest bin centre in Hz before tuning; default C1 ({@link #C1_HZ}). */
        public Builder fmin(double fmin) {
            this.fmin = fmin;
            return this;
        }

        /** Number of bins; default 84. */
        public Builder nBins(int nBins) {
            this.nBins = nBins;
            return this;
        }

        /** Bins per octave; default 12. */
        public Builder binsPerOctave(int binsPerOctave) {
            this.binsPerOctave = binsPerOctave;
            return this;
        }

        /** A fixed tuning offset in fractions of a bin; default 0. */
        public Builder tuning(double tuning) {
            this.tuning = OptionalDouble.of(tuning);
            return this;
        }

        /** Estimate the tuning from each signal (librosa's {@code tuning=None}). */
        public Builder estimateTuning() {
            this.tuning = OptionalDouble.empty();
            return this;
        }

        /** Filter length multiplier; default 1. */
        public Builder filterScale(double filterScale) {
            this.filterScale = filterScale;
            return this;
        }

        /** {@code p} of the filter normalisation ({@code +Infinity} for max); default 1. */
        public Builder norm(double norm) {
            this.norm = norm;
            return this;
        }

        /** Fraction of each filter's spectral L1 mass that may be dropped; default 0.01. */
        public Builder sparsity(double sparsity) {
            this.sparsity = sparsity;
            return this;
        }

        /** Filter window; default Hann. */
        public Builder window(Window window) {
            this.window = window;
            return this;
        }

        /** Divide responses by {@code sqrt(filter length)}; default true. */
        public Builder scale(boolean scale) {
            this.scale = scale;
            return this;
        }

        /** Padding of each octave's STFT; default constant (zeros). */
        public Builder padMode(PadMode padMode) {
            this.padMode = padMode;
            return this;
        }

        /** The resampler between octaves; default {@link Decimators#highQuality()} (soxr_hq). */
        public Builder decimator(Decimator decimator) {
            this.decimator = decimator;
            return this;
        }

        /** The estimator for {@link #estimateTuning()}; default {@link TuningSources#librosa()}. */
        public Builder tuningSource(TuningSource tuningSource) {
            this.tuningSource = tuningSource;
            return this;
        }

        public CqtConfig build() {
            Decimator d = decimator != null ? decimator : Decimators.highQuality();
            TuningSource t = tuningSource != null ? tuningSource : TuningSources.librosa();
            return new CqtConfig(hopLength, fmin, nBins, binsPerOctave, tuning, filterScale, norm, sparsity,
                    window, scale, padMode, d, t);
        }
    }
}
