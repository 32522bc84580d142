package dev.ser.features;

import dev.ser.core.dsp.Matrix;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The features of one signal: a frame-level matrix per feature (librosa orientation, one row per
 * coefficient and one column per frame) and the pooled vector (mean over frames) with its layout.
 *
 * <p>The matrices are shared with the result, not copied: treat them as read-only.
 */
public final class FeatureResult {
    private final Map<Feature, Matrix> frames;
    private final FeatureVector pooled;
    private final int sampleRate;

    FeatureResult(Map<Feature, Matrix> frames, FeatureLayout layout, int sampleRate) {
        this.frames = Collections.unmodifiableMap(new EnumMap<>(frames));
        this.sampleRate = sampleRate;
        double[] values = new double[layout.size()];
        for (FeatureLayout.Segment s : layout.segments()) {
            Matrix m = frames.get(s.feature());
            if (m == null || m.rows() != s.length()) {
                throw new IllegalStateException("feature " + s.feature() + " has "
                        + (m == null ? "no matrix" : m.rows() + " rows") + ", layout expects " + s.length());
            }
            System.arraycopy(m.rowMeans(), 0, values, s.offset(), s.length());
        }
        this.pooled = new FeatureVector(values, layout);
    }

    /** The frame-level matrix of {@code feature} (rows x frames; read-only). */
    public Matrix frames(Feature feature) {
        Matrix m = frames.get(feature);
        if (m == null) {
            throw new IllegalArgumentException(feature + " was not computed; have " + frames.keySet());
        }
        return m;
    }

    /** All frame-level matrices, in feature order. */
    public Map<Feature, Matrix> allFrames() {
        return frames;
    }

    /** The mean over frames of each feature, concatenated in {@link Feature} order. */
    public FeatureVector pooled() {
        return pooled;
    }

    /** Which columns of {@link #pooled()} hold which feature. */
    public FeatureLayout layout() {
        return pooled.layout();
    }

    /** The sample rate the features were computed at, in Hz. */
    public int sampleRate() {
        return sampleRate;
    }

    /** The number of STFT frames. */
    public int frameCount() {
        return frames.values().iterator().next().cols();
    }
}
