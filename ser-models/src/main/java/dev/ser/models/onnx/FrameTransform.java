package dev.ser.models.onnx;

import java.util.Locale;

/**
 * What is done to the frame-level matrix a {@link dev.ser.features.FeatureExtractor} computes
 * before it is scaled and handed to a {@link InputKind#FRAMES} model.
 */
public enum FrameTransform {
    /** The matrix as extracted (MFCC, chroma, contrast, tonnetz, or the mel power spectrogram). */
    NONE,
    /**
     * {@code librosa.power_to_db(S, ref=1.0, amin=1e-10, top_db=config.top_db)}: the usual
     * log-mel input of a CNN when applied to {@link dev.ser.features.Feature#MEL}.
     */
    POWER_TO_DB;

    /** The lower-case name used in the contract JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #key()} (case-insensitive). */
    public static FrameTransform parse(String text) {
        for (FrameTransform t : values()) {
            if (t.name().equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown frame transform '" + text + "'; known: none, power_to_db");
    }
}
