package dev.ser.core.dsp;

/**
 * Parameters of a short-time Fourier transform, with librosa's defaults.
 *
 * <p>Immutable; build with {@link #builder()}. Defaults: {@code n_fft = 2048},
 * {@code win_length = n_fft}, {@code hop_length = win_length / 4}, Hann window, {@code center = true},
 * {@code pad_mode = 'constant'}.
 *
 * @param nFft      FFT length in samples (any positive size, not only powers of two)
 * @param hopLength samples between successive frames
 * @param winLength window length in samples, at most {@code nFft}; a shorter window is
 *                  zero-padded to {@code nFft} and centred
 * @param window    the analysis window (periodic)
 * @param center    whether frame {@code t} is centred on sample {@code t * hopLength} (the signal
 *                  is padded by {@code nFft / 2} at each end) or starts there
 * @param padMode   how the signal is padded when {@code center} is true
 */
public record StftConfig(int nFft, int hopLength, int winLength, Window window, boolean center,
                         PadMode padMode) {

    /** librosa's defaults: {@code stft(y)}. */
    public static final StftConfig DEFAULT = builder().build();

    public StftConfig {
        if (nFft < 1) {
            throw new IllegalArgumentException("n_fft must be positive, got " + nFft);
        }
        if (hopLength < 1) {
            throw new IllegalArgumentException("hop_length must be positive, got " + hopLength);
        }
        if (winLength < 1 || winLength > nFft) {
            throw new IllegalArgumentException(
                    "win_length must be in [1, n_fft=" + nFft + "], got " + winLength);
        }
        if (window == null || padMode == null) {
            throw new NullPointerException("window and padMode are required");
        }
    }

    /** Number of frequency bins, {@code 1 + nFft / 2}. */
    public int bins() {
        return nFft / 2 + 1;
    }

    /**
     * Number of frames for a signal of {@code length} samples.
     *
     * @throws IllegalArgumentException when {@code center} is false and the signal is shorter than
     *                                  {@code nFft}, as librosa refuses it
     */
    public int frameCount(int length) {
        int padded = center ? length + 2 * (nFft / 2) : length;
        if (padded < nFft) {
            throw new IllegalArgumentException("signal of " + length + " samples is shorter than n_fft="
                    + nFft + (center ? " even after centre padding" : " (center=false)"));
        }
        return 1 + (padded - nFft) / hopLength;
    }

    /** A builder initialised with this configuration's values. */
    public Builder toBuilder() {
        return new Builder().nFft(nFft).hopLength(hopLength).winLength(winLength).window(window)
                .center(center).padMode(padMode);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with librosa's defaults; an unset window length follows {@code nFft}, an unset hop the window length. */
    public static final class Builder {
        private int nFft = 2048;
        private Integer hopLength;
        private Integer winLength;
        private Window window = Window.HANN;
        private boolean center = true;
        private PadMode padMode = PadMode.CONSTANT;

        /** FFT length in samples; default 2048. */
        public Builder nFft(int nFft) {
            this.nFft = nFft;
            return this;
        }

        /** Hop in samples; default {@code winLength / 4}, as librosa. */
        public Builder hopLength(int hopLength) {
            this.hopLength = hopLength;
            return this;
        }

        /** Window length in samples; default {@code nFft}. */
        public Builder winLength(int winLength) {
            this.winLength = winLength;
            return this;
        }

        /** Analysis window; default Hann. */
        public Builder window(Window window) {
            this.window = window;
            return this;
        }

        /** Centre frames on their hop position; default true. */
        public Builder center(boolean center) {
            this.center = center;
            return this;
        }

        /** Padding for centred frames; default {@link PadMode#CONSTANT}. */
        public Builder padMode(PadMode padMode) {
            this.padMode = padMode;
            return this;
        }

        public StftConfig build() {
            int win = winLength != null ? winLength : nFft;
            // librosa: hop_length defaults to win_length // 4 (which is n_fft // 4 unless win_length is set)
            int hop = hopLength != null ? hopLength : Math.max(1, win / 4);
            return new StftConfig(nFft, hop, win, window, center, padMode);
        }
    }
}
