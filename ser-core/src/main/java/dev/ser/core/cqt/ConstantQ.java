package dev.ser.core.cqt;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.dsp.ComplexMatrix;
import dev.ser.core.dsp.Matrix;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code librosa.cqt} as a function of a signal: resolves the tuning (estimating it when the
 * configuration asks) and reuses a cached {@link ConstantQTransform} per
 * {@code (config, sampleRate, tuning)}. Thread-safe.
 */
public final class ConstantQ {
    /** Plans kept before the cache is emptied; estimated tunings come on a 0.01 grid. */
    private static final int MAX_CACHED = 256;
    private static final Map<Key, ConstantQTransform> CACHE = new ConcurrentHashMap<>();

    private record Key(CqtConfig config, double sampleRate, double tuning) {
    }

    private ConstantQ() {
    }

    /** {@code librosa.cqt(y, sr=sampleRate, ...)}: the complex transform, {@code nBins x frames}. */
    public static ComplexMatrix transform(double[] y, double sampleRate, CqtConfig config) {
        return transformFor(config, sampleRate, tuningOf(y, sampleRate, config)).transform(y);
    }

    /** {@code np.abs(librosa.cqt(y, sr=sampleRate, ...))}, {@code nBins x frames}. */
    public static Matrix magnitude(double[] y, double sampleRate, CqtConfig config) {
        return transformFor(config, sampleRate, tuningOf(y, sampleRate, config)).magnitude(y);
    }

    /** {@link #magnitude(double[], double, CqtConfig)} on a signal's samples at its rate. */
    public static Matrix magnitude(AudioSignal signal, CqtConfig config) {
        return magnitude(signal.samplesView(), signal.sampleRate(), config);
    }

    /** The tuning {@code config} implies for {@code y}: its fixed value, or the estimate. */
    public static double tuningOf(double[] y, double sampleRate, CqtConfig config) {
        if (config.tuning().isPresent()) {
            return config.tuning().getAsDouble();
        }
        return config.tuningSource().estimate(y, sampleRate, config.binsPerOctave());
    }

    /** The (cached) precomputed transform for a configuration, rate and tuning. */
    public static ConstantQTransform transformFor(CqtConfig config, double sampleRate, double tuning) {
        Key key = new Key(config, sampleRate, tuning);
        ConstantQTransform t = CACHE.get(key);
        if (t == null) {
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear();
            }
            t = CACHE.computeIfAbsent(key, k -> ConstantQTransform.create(k.config(), k.sampleRate(), k.tuning()));
        }
        return t;
    }
}
