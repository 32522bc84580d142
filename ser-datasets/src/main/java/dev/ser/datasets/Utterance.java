package dev.ser.datasets;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One labelled recording of a corpus.
 *
 * <p>The optional codes are {@code null} where the corpus has no such thing (for example EMO-DB has no
 * intensity, TESS no repetition). Codes are kept as the corpus writes them ({@code "01"}, {@code "a05"},
 * {@code "HI"}) so that nothing is lost in translation; the common {@link #emotion()} is what classifiers use.
 *
 * @param path        the audio file
 * @param corpus      the corpus name, lower case ({@code "ravdess"}, {@code "tess"}, {@code "emodb"},
 *                    {@code "savee"}, {@code "cremad"}, {@code "custom"})
 * @param speaker     the speaker id within the corpus ({@code "07"}, {@code "OAF"}, {@code "1001"})
 * @param sex         the speaker's sex where the corpus documents it, else {@link Sex#UNKNOWN}
 * @param emotion     the label in the common set
 * @param corpusLabel the corpus's own emotion code or word ({@code "03"}, {@code "W"}, {@code "ps"})
 * @param intensity   emotional intensity code (RAVDESS 01/02, CREMA-D LO/MD/HI/XX) or {@code null}
 * @param statement   statement code (RAVDESS 01/02) or {@code null}
 * @param repetition  repetition code (RAVDESS 01/02) or {@code null}
 * @param text        text code (EMO-DB a01, CREMA-D sentence DFA, TESS target word, SAVEE sentence number)
 *                    or {@code null}
 * @param partition   predefined partition from the corpus layout, or {@code null} where there is none
 * @param attributes  further corpus-specific metadata (RAVDESS {@code modality}, {@code vocal_channel},
 *                    EMO-DB {@code version}); sorted, unmodifiable
 */
public record Utterance(Path path, String corpus, String speaker, Sex sex, Emotion emotion, String corpusLabel,
                        String intensity, String statement, String repetition, String text, Partition partition,
                        Map<String, String> attributes) {

    public Utterance {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(corpusLabel, "corpusLabel");
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /**
     * A speaker id unique across corpora ({@code corpus + "/" + speaker}); splits group by this, so that
     * speaker "03" of EMO-DB is never confused with actor "03" of RAVDESS.
     */
    public String speakerKey() {
        return corpus + "/" + speaker;
    }

    /** A copy with another predefined partition; everything else is kept. */
    public Utterance withPartition(Partition newPartition) {
        return new Utterance(path, corpus, speaker, sex, emotion, corpusLabel, intensity, statement, repetition,
                text, newPartition, attributes);
    }

    /** Starts a builder; {@code sex} defaults to {@link Sex#UNKNOWN}. */
    public static Builder builder(Path path, String corpus) {
        return new Builder(path, corpus);
    }

    /** Builder for {@link Utterance}; required: path, corpus, speaker, emotion, corpusLabel. */
    public static final class Builder {
        private final Path path;
        private final String corpus;
        private String speaker;
        private Sex sex = Sex.UNKNOWN;
        private Emotion emotion;
        private String corpusLabel;
        private String intensity;
        private String statement;
        private String repetition;
        private String text;
        private Partition partition;
        private final Map<String, String> attributes = new TreeMap<>();

        private Builder(Path path, String corpus) {
            this.path = path;
            this.corpus = corpus;
        }

        public Builder speaker(String v) { this.speaker = v; return this; }
        public Builder sex(Sex v) { this.sex = v; return this; }
        /** Sets both the common label and the corpus's own code. */
        public Builder emotion(Emotion v, String corpusCode) { this.emotion = v; this.corpusLabel = corpusCode; return this; }
        public Builder intensity(String v) { this.intensity = v; return this; }
        public Builder statement(String v) { this.statement = v; return this; }
        public Builder repetition(String v) { this.repetition = v; return this; }
        public Builder text(String v) { this.text = v; return this; }
        public Builder partition(Partition v) { this.partition = v; return this; }
        public Builder attribute(String key, String value) { this.attributes.put(key, value); return this; }

        public Utterance build() {
            return new Utterance(path, corpus, speaker, sex, emotion, corpusLabel, intensity, statement, repetition,
                    text, partition, attributes);
        }
    }
}
