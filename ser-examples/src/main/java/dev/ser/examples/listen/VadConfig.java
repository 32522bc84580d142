package dev.ser.examples.listen;

/**
 * Settings of the energy {@link VoiceActivityDetector}. Levels are in dB relative to full scale
 * (a full-scale square wave is 0 dB; frame energy is {@code 10·log10(mean(x²))}).
 *
 * @param frameSeconds        analysis frame length in seconds; default 0.02
 * @param thresholdDb         a frame is voiced when its energy exceeds the noise floor by more than this,
 *                            in dB; default 10
 * @param minFloorDb          the noise floor never drops below this, in dBFS, so digital silence does not
 *                            make every faint sound speech; default -60
 * @param startFrames         consecutive voiced frames that start an utterance (N); default 3
 * @param endFrames           consecutive unvoiced frames that end one (M); default 15 (0.3 s)
 * @param preRollSeconds      audio kept before the first voiced frame so the onset is not cut, in
 *                            seconds; default 0.2
 * @param minUtteranceSeconds utterances whose voiced part (first to last voiced frame) is shorter are
 *                            dropped as clicks, in seconds; default 0.3
 * @param maxUtteranceSeconds longer speech is split into pieces of at most this length (pre-roll
 *                            included), in seconds; default 10
 * @param floorRiseSeconds    time constant with which the noise floor follows louder unvoiced frames, in
 *                            seconds; default 1
 * @param floorFallSeconds    time constant with which it follows quieter frames, in seconds; default 0.05
 */
public record VadConfig(double frameSeconds, double thresholdDb, double minFloorDb, int startFrames,
                        int endFrames, double preRollSeconds, double minUtteranceSeconds,
                        double maxUtteranceSeconds, double floorRiseSeconds, double floorFallSeconds) {
    public VadConfig {
        requirePositive("frameSeconds", frameSeconds);
        requirePositive("floorRiseSeconds", floorRiseSeconds);
        requirePositive("floorFallSeconds", floorFallSeconds);
        requirePositive("maxUtteranceSeconds", maxUtteranceSeconds);
        if (!Double.isFinite(thresholdDb) || thresholdDb < 0 || !Double.isFinite(minFloorDb)) {
            throw new IllegalArgumentException("threshold must be >= 0 dB and the floor finite, got "
                    + thresholdDb + " dB, " + minFloorDb + " dB");
        }
        if (startFrames < 1 || endFrames < 1) {
            throw new IllegalArgumentException("start and end frame counts must be >= 1, got "
                    + startFrames + ", " + endFrames);
        }
        if (!(preRollSeconds >= 0) || !(minUtteranceSeconds >= 0) || Double.isInfinite(preRollSeconds)) {
            throw new IllegalArgumentException("pre-roll and minimum length must be >= 0 s, got "
                    + preRollSeconds + ", " + minUtteranceSeconds);
        }
        if (maxUtteranceSeconds <= preRollSeconds + startFrames * frameSeconds) {
            throw new IllegalArgumentException("maximum utterance " + maxUtteranceSeconds
                    + " s must exceed pre-roll plus start frames");
        }
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
        }
    }

    /** The defaults listed above. */
    public static VadConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().frameSeconds(frameSeconds).thresholdDb(thresholdDb).minFloorDb(minFloorDb)
                .startFrames(startFrames).endFrames(endFrames).preRollSeconds(preRollSeconds)
                .minUtteranceSeconds(minUtteranceSeconds).maxUtteranceSeconds(maxUtteranceSeconds)
                .floorRiseSeconds(floorRiseSeconds).floorFallSeconds(floorFallSeconds);
    }

    /** Builder starting from the defaults. */
    public static final class Builder {
        private double frameSeconds = 0.02;
        private double thresholdDb = 10;
        private double minFloorDb = -60;
        private int startFrames = 3;
        private int endFrames = 15;
        private double preRollSeconds = 0.2;
        private double minUtteranceSeconds = 0.3;
        private double maxUtteranceSeconds = 10;
        private double floorRiseSeconds = 1;
        private double floorFallSeconds = 0.05;

        private Builder() {
        }

        public Builder frameSeconds(double v) {
            frameSeconds = v;
            return this;
        }

        public Builder thresholdDb(double v) {
            thresholdDb = v;
            return this;
        }

        public Builder minFloorDb(double v) {
            minFloorDb = v;
            return this;
        }

        public Builder startFrames(int v) {
            startFrames = v;
            return this;
        }

        public Builder endFrames(int v) {
            endFrames = v;
            return this;
        }

        public Builder preRollSeconds(double v) {
            preRollSeconds = v;
            return this;
        }

        public Builder minUtteranceSeconds(double v) {
            minUtteranceSeconds = v;
            return this;
        }

        public Builder maxUtteranceSeconds(double v) {
            maxUtteranceSeconds = v;
            return this;
        }

        public Builder floorRiseSeconds(double v) {
            floorRiseSeconds = v;
            return this;
        }

        public Builder floorFallSeconds(double v) {
            floorFallSeconds = v;
            return this;
        }

        public VadConfig build() {
            return new VadConfig(frameSeconds, thresholdDb, minFloorDb, startFrames, endFrames, preRollSeconds,
                    minUtteranceSeconds, maxUtteranceSeconds, floorRiseSeconds, floorFallSeconds);
        }
    }
}
