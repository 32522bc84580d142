package dev.ser.datasets.corpus;

import dev.ser.datasets.AudioFiles;
import dev.ser.datasets.Emotion;
import dev.ser.datasets.Sex;
import dev.ser.datasets.SkippedFile;
import dev.ser.datasets.Utterance;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TESS, the Toronto Emotional Speech Set (Pichora-Fuller &amp; Dupuis 2020): names
 * {@code <OAF|YAF>_<word>_<emotion>}, usually in folders {@code <OAF|YAF>_<emotion>}. Both speakers are female.
 *
 * <p>Quirks of the real distribution handled here: one file is named {@code OA_bite_neutral} (read as speaker
 * OAF, attribute {@code name_quirk}); folders spell the surprise class {@code Pleasant_surprise} and
 * {@code pleasant_surprised} while file names use {@code ps}; folder and token case varies ({@code OAF_Fear}).
 * When the parent folder names a speaker and a known emotion it must agree with the file name. AIFF data in
 * {@code .wav} files and the single 96 kHz file are the decoder's business and pass through unchanged.
 */
public final class TessAdapter extends AbstractCorpusAdapter {
    public static final String NAME = "tess";
    private static final Pattern NAME_PATTERN = Pattern.compile("(?i)(OAF|YAF|OA)_([a-z]+)_([a-z]+)");
    private static final Pattern FOLDER_PATTERN = Pattern.compile("(?i)(OAF|YAF)_(.+)");
    private static final Map<String, Emotion> TOKENS = Map.of(
            "angry", Emotion.ANGRY, "disgust", Emotion.DISGUST, "fear", Emotion.FEAR, "happy", Emotion.HAPPY,
            "neutral", Emotion.NEUTRAL, "ps", Emotion.SURPRISE, "sad", Emotion.SAD);
    /** Folder spellings of the emotion, lower-cased, that differ from the file-name token. */
    private static final Map<String, String> FOLDER_SPELLINGS = Map.of(
            "pleasant_surprise", "ps", "pleasant_surprised", "ps");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected FileParser newParser(Path root, List<SkippedFile> skipped) {
        return TessAdapter::parse;
    }

    private static Utterance parse(Path file) throws UnparseableException {
        Matcher m = NAME_PATTERN.matcher(AudioFiles.stem(file));
        if (!m.matches()) {
            throw new UnparseableException("name does not match TESS <OAF|YAF>_<word>_<emotion>");
        }
        String rawSpeaker = m.group(1).toUpperCase(Locale.ROOT);
        String speaker = rawSpeaker.equals("OA") ? "OAF" : rawSpeaker;
        String token = m.group(3).toLowerCase(Locale.ROOT);
        Emotion emotion = TOKENS.get(token);
        if (emotion == null) {
            throw new UnparseableException("unknown TESS emotion token '" + m.group(3)
                    + "' (angry disgust fear happy neutral ps sad)");
        }
        checkFolder(file, speaker, token);
        Utterance.Builder b = Utterance.builder(file, NAME)
                .speaker(speaker).sex(Sex.FEMALE)
                .emotion(emotion, token)
                .text(m.group(2).toLowerCase(Locale.ROOT))
                .attribute("age_group", speaker.equals("OAF") ? "older" : "younger");
        if (!rawSpeaker.equals(speaker)) {
            b.attribute("name_quirk", rawSpeaker + "_ prefix read as " + speaker);
        }
        return b.build();
    }

    private static void checkFolder(Path file, String speaker, String token) throws UnparseableException {
        Path parent = file.getParent();
        if (parent == null || parent.getFileName() == null) {
            return;
        }
        Matcher f = FOLDER_PATTERN.matcher(parent.getFileName().toString());
        if (!f.matches()) {
            return;
        }
        String folderSpeaker = f.group(1).toUpperCase(Locale.ROOT);
        String folderEmotion = f.group(2).toLowerCase(Locale.ROOT);
        folderEmotion = FOLDER_SPELLINGS.getOrDefault(folderEmotion, folderEmotion);
        if (!TOKENS.containsKey(folderEmotion)) {
            return; // not an emotion folder; nothing to cross-check
        }
        if (!folderSpeaker.equals(speaker) || !folderEmotion.equals(token)) {
            throw new UnparseableException("file name says " + speaker + "/" + token + " but folder "
                    + parent.getFileName() + " says " + folderSpeaker + "/" + folderEmotion);
        }
    }
}
