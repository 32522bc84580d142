package dev.ser.core.dsp;

/**
 * Parameters of {@link TuningEstimator}, {@code librosa.estimate_tuning}'s arguments with its
 * defaults.
 *
 * <p>Immutable; build with {@link #builder()}.
 *
 * @param resolution    histogram resolution in fractions of a bin (default 0.01, i.e. cents when
 *                      bins are semitones); the estimate is a multiple of {@code 1 / ceil(1 /
 *                      resolution)} offset by -0.5
 * @param binsPerOctave bins per octave the tuning is measured in (default 12)
 * @param piptrack      peak picking (default {@link PiptrackConfig#DEFAULT})
 * @param stft          the STFT used when estimating from a signal (default
 *                      {@link StftConfig#DEFAULT}: n_fft 2048, hop 512, Hann, centred, zero
 *                      padding); unused for a given spectrogram
 */
public record TuningConfig(double resolution, int binsPerOctave, PiptrackConfig piptrack, StftConfig stft) {

    /** librosa's defaults. */
    public static final TuningConfig DEFAULT = builder().build();

    public TuningConfig {
        if (!(resolution > 0 && resolution < 1)) {
            throw new IllegalArgumentException("resolution must be in (0, 1), got " + resolution);
        }
        if (binsPerOctave < 1) {
            throw new IllegalArgumentException("bins_per_octave must be positive, got " + binsPerOctave);
        }
        if (piptrack == null || stft == null) {
            throw new NullPointerException("piptrack and stft configurations are required");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with librosa's defaults. */
    public static final class Builder {
        private double resolution = 0.01;
        private int binsPerOctave = 12;
        private PiptrackConfig piptrack = PiptrackConfig.DEFAULT;
        private StftConfig stft = StftConfig.DEFAULT;

        private Builder() {
        }

        public Builder resolution(double value) {
            resolution = value;
            return this;
        }

        public Builder binsPerOctave(int value) {
            binsPerOctave = value;
            return this;
        }

        public Builder piptrack(PiptrackConfig value) {
            piptrack = value;
            return this;
        }

        public Builder stft(StftConfig value) {
            stft = value;
            return this;
        }

        public TuningConfig build() {
            return new TuningConfig(resolution, binsPerOctave, piptrack, stft);
        }
    }
}
