package dev.ser.features;

/**
 * The features of the classic speech-emotion vector, in their canonical order.
 *
 * <p>Pooled vectors always concatenate features in this declaration order, whatever order a
 * caller names them in, so that a vector's layout depends only on the set of features and the
 * configuration: MFCC, CHROMA, MEL, CONTRAST, TONNETZ (40 + 12 + 128 + 7 + 6 = 193 values with the
 * classic configuration).
 */
public enum Feature {
    /** Mel-frequency cepstral coefficients ({@code librosa.feature.mfcc}); {@code n_mfcc} rows. */
    MFCC("mfcc"),
    /** Chroma from the magnitude STFT ({@code librosa.feature.chroma_stft(S=|stft|)}); 12 rows. */
    CHROMA("chroma"),
    /** Mel power spectrogram ({@code librosa.feature.melspectrogram}); {@code n_mels} rows. */
    MEL("mel"),
    /** Spectral contrast ({@code librosa.feature.spectral_contrast(S=|stft|)}); {@code n_bands + 1} rows. */
    CONTRAST("contrast"),
    /**
     * Tonal centroids of the harmonic part
     * ({@code librosa.feature.tonnetz(y=librosa.effects.harmonic(y))}); 6 rows.
     */
    TONNETZ("tonnetz");

    private final String key;

    Feature(String key) {
        this.key = key;
    }

    /** The lower-case name used in column names and configuration files. */
    public String key() {
        return key;
    }

    /** Parses a key or an enum name, case-insensitively. */
    public static Feature parse(String text) {
        for (Feature f : values()) {
            if (f.key.equalsIgnoreCase(text) || f.name().equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + text + "'; known: mfcc, chroma, mel, contrast, tonnetz");
    }
}
