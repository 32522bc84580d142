package dev.ser.datasets.corpus;

import dev.ser.datasets.AudioFiles;
import dev.ser.datasets.Emotion;
import dev.ser.datasets.Partition;
import dev.ser.datasets.SkippedFile;
import dev.ser.datasets.Utterance;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A user's own recordings: any folder of {@code <anything>_<emotion>.<ext>} such as
 * {@code 20190616_125714_happy.wav}. The emotion is the text after the last underscore, read with
 * {@link Emotion#fromName(String)} (labels and common spellings: happy, happiness, sad, angry, fearful, ps, ...).
 *
 * <p>Optional {@code train/} and {@code test/} folders (any case, at any depth; the first one on the path wins)
 * become the predefined {@link Partition}. The speaker is the first folder on the path below the root that is not
 * {@code train}/{@code test} (so {@code root/train/alice/x_sad.wav} is speaker {@code alice}); files with no such
 * folder belong to speaker {@value #UNKNOWN_SPEAKER}. Sex is unknown.
 */
public final class CustomAdapter extends AbstractCorpusAdapter {
    public static final String NAME = "custom";
    public static final String UNKNOWN_SPEAKER = "unknown";
    private final String corpusName;

    /** A custom corpus named {@value #NAME}. */
    public CustomAdapter() {
        this(NAME);
    }

    /** A custom corpus with its own name, so that several user corpora can be merged and told apart. */
    public CustomAdapter(String corpusName) {
        if (corpusName == null || corpusName.isBlank()) {
            throw new IllegalArgumentException("corpus name must not be blank");
        }
        this.corpusName = corpusName;
    }

    @Override
    public String name() {
        return corpusName;
    }

    @Override
    protected FileParser newParser(Path root, List<SkippedFile> skipped) {
        return file -> parse(root, file);
    }

    private Utterance parse(Path root, Path file) throws UnparseableException {
        String stem = AudioFiles.stem(file);
        int us = stem.lastIndexOf('_');
        if (us <= 0 || us == stem.length() - 1) {
            throw new UnparseableException("name does not match <anything>_<emotion>");
        }
        String token = stem.substring(us + 1);
        Optional<Emotion> emotion = Emotion.fromName(token);
        if (emotion.isEmpty()) {
            throw new UnparseableException("unknown emotion '" + token + "'");
        }
        Partition partition = null;
        String speaker = null;
        for (String folder : folders(root, file)) {
            String f = folder.toLowerCase(Locale.ROOT);
            if (partition == null && (f.equals("train") || f.equals("test"))) {
                partition = f.equals("train") ? Partition.TRAIN : Partition.TEST;
            } else if (speaker == null && !f.equals("train") && !f.equals("test")) {
                speaker = folder;
            }
        }
        return Utterance.builder(file, corpusName)
                .speaker(speaker == null ? UNKNOWN_SPEAKER : speaker)
                .emotion(emotion.get(), token)
                .partition(partition)
                .build();
    }
}
