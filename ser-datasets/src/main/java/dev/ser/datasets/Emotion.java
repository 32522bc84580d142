package dev.ser.datasets;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The common emotion label set shared by every corpus adapter.
 *
 * <p>Each corpus has its own codes (RAVDESS numbers, EMO-DB German letters, TESS words); adapters map them
 * onto these labels and keep the original code in {@link Utterance#corpusLabel()}. The mapping of every
 * corpus is documented in {@code docs/datasets.md}.
 */
public enum Emotion {
    NEUTRAL, CALM, HAPPY, SAD, ANGRY, FEAR, DISGUST,
    /** Surprise; TESS's "pleasant surprise" ({@code ps}) maps here. */
    SURPRISE,
    BOREDOM;

    /** Spellings accepted by {@link #fromName(String)} besides the labels themselves. */
    private static final Map<String, Emotion> ALIASES = Map.ofEntries(
            Map.entry("happiness", HAPPY), Map.entry("joy", HAPPY),
            Map.entry("sadness", SAD),
            Map.entry("anger", ANGRY), Map.entry("angry", ANGRY),
            Map.entry("fearful", FEAR), Map.entry("afraid", FEAR),
            Map.entry("disgusted", DISGUST),
            Map.entry("surprised", SURPRISE), Map.entry("ps", SURPRISE),
            Map.entry("pleasant_surprise", SURPRISE), Map.entry("pleasant_surprised", SURPRISE),
            Map.entry("bored", BOREDOM));

    /** The lower-case label used in exported tables and on the command line, e.g. {@code "happy"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a label or a common spelling of it (case-insensitive): the labels themselves plus
     * happiness, joy, sadness, anger, fearful, afraid, disgusted, surprised, ps, pleasant_surprise(d), bored.
     *
     * @return the emotion, or empty when the name is not recognised
     */
    public static Optional<Emotion> fromName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (Emotion e : values()) {
            if (e.label().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.ofNullable(ALIASES.get(key));
    }

    /** Like {@link #fromName(String)} but throws {@link IllegalArgumentException} naming the bad value. */
    public static Emotion parse(String name) {
        return fromName(name).orElseThrow(() -> new IllegalArgumentException("unknown emotion label '" + name + "'"));
    }

    @Override
    public String toString() {
        return label();
    }
}
