package dev.ser.core.cqt;

import dev.ser.core.dsp.TuningConfig;
import dev.ser.core.dsp.TuningEstimator;

/**
 * The {@link TuningSource}s available to constant-Q configurations.
 */
public final class TuningSources {
    private static final TuningSource LIBROSA = (y, sampleRate, binsPerOctave) ->
            TuningEstimator.estimate(y, sampleRate, TuningConfig.builder().binsPerOctave(binsPerOctave).build());

    private TuningSources() {
    }

    /**
     * {@code librosa.estimate_tuning(y=y, sr=sr, bins_per_octave=b)} with its other defaults
     * (piptrack on a 2048-point Hann STFT, 0.01-bin histogram), as {@code librosa.cqt} calls it for
     * {@code tuning=None}.
     */
    public static TuningSource librosa() {
        return LIBROSA;
    }
}
