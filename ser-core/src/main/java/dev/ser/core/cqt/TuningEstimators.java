package dev.ser.core.cqt;

/**
 * The {@link TuningEstimator}s available to constant-Q configurations.
 */
public final class TuningEstimators {
    private TuningEstimators() {
    }

    /**
     * {@code librosa.estimate_tuning(y=y, sr=sr, bins_per_octave=b)}.
     *
     * @throws UnsupportedOperationException until the tuning estimator is wired in
     */
    public static TuningEstimator librosa() {
        return (y, sr, bpo) -> {
            throw new UnsupportedOperationException("estimate_tuning is not wired in yet");
        };
    }
}
