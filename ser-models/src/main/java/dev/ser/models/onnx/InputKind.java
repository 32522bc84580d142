package dev.ser.models.onnx;

import java.util.Locale;

/** What a model's input tensor holds. */
public enum InputKind {
    /**
     * One pooled feature vector per example (the mean over frames of each feature, in
     * {@link dev.ser.features.FeatureVector} order): float tensor {@code [batch, n_features]}.
     */
    POOLED,
    /**
     * One frame-level feature matrix per example (librosa orientation, coefficients x frames):
     * float tensor {@code [batch, coeffs, frames]} or {@code [batch, 1, coeffs, frames]}, the time
     * axis fixed or dynamic.
     */
    FRAMES,
    /**
     * Raw mono samples at the contract's sample rate: float tensor {@code [batch, samples]} (or
     * {@code [batch, 1, samples]}), the time axis fixed or dynamic.
     */
    WAVEFORM;

    /** The lower-case name used in the contract JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #key()} (case-insensitive). */
    public static InputKind parse(String text) {
        for (InputKind k : values()) {
            if (k.name().equalsIgnoreCase(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown input kind '" + text + "'; known: pooled, frames, waveform");
    }
}
