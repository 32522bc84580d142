package dev.ser.datasets.corpus;

import dev.ser.datasets.AudioFiles;
import dev.ser.datasets.Emotion;
import dev.ser.datasets.Sex;
import dev.ser.datasets.SkippedFile;
import dev.ser.datasets.Utterance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SAVEE, Surrey Audio-Visual Expressed Emotion (Haq &amp; Jackson): four male speakers DC, JE, JK, KL; emotion
 * codes a anger, d disgust, f fear, h happiness, n neutral, sa sadness, su surprise, followed by a two-digit
 * sentence number. Both published layouts are read: flat {@code DC_a01.wav} and per-speaker
 * {@code AudioData/DC/a01.wav} (the speaker then comes from the folder).
 *
 * <p>The sentence number is kept in {@link Utterance#text()}; it counts within an emotion, so equal numbers of
 * different emotions are not necessarily the same sentence.
 */
public final class SaveeAdapter extends AbstractCorpusAdapter {
    public static final String NAME = "savee";
    private static final Set<String> SPEAKERS = Set.of("DC", "JE", "JK", "KL");
    private static final Pattern FLAT = Pattern.compile("([A-Za-z]{2})_([a-z]+)(\\d{2})");
    private static final Pattern BARE = Pattern.compile("([a-z]+)(\\d{2})");
    private static final Map<String, Emotion> CODES = Map.of(
            "a", Emotion.ANGRY, "d", Emotion.DISGUST, "f", Emotion.FEAR, "h", Emotion.HAPPY,
            "n", Emotion.NEUTRAL, "sa", Emotion.SAD, "su", Emotion.SURPRISE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected FileParser newParser(Path root, List<SkippedFile> skipped) {
        return SaveeAdapter::parse;
    }

    private static Utterance parse(Path file) throws UnparseableException {
        String stem = AudioFiles.stem(file);
        String speaker;
        String code;
        String number;
        Matcher flat = FLAT.matcher(stem);
        Matcher bare = BARE.matcher(stem);
        if (flat.matches()) {
            speaker = flat.group(1);
            code = flat.group(2);
            number = flat.group(3);
        } else if (bare.matches() && file.getParent() != null && file.getParent().getFileName() != null) {
            speaker = file.getParent().getFileName().toString();
            code = bare.group(1);
            number = bare.group(2);
        } else {
            throw new UnparseableException("name does not match SAVEE SS_eNN (e.g. DC_a01) or SS/eNN");
        }
        if (!SPEAKERS.contains(speaker)) {
            throw new UnparseableException("unknown SAVEE speaker '" + speaker + "' (DC JE JK KL)");
        }
        Emotion emotion = CODES.get(code);
        if (emotion == null) {
            throw new UnparseableException("unknown SAVEE emotion code '" + code + "' (a d f h n sa su)");
        }
        return Utterance.builder(file, NAME)
                .speaker(speaker).sex(Sex.MALE)
                .emotion(emotion, code)
                .text(number)
                .build();
    }
}
