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
 * EMO-DB, the Berlin Database of Emotional Speech (Burkhardt et al. 2005): names {@code SSTTTEv}, usually in
 * {@code wav/}: speaker SS, text TTT (a01-a07, b01-b10), German emotion letter E, version letter v (kept as
 * attribute {@code version}).
 *
 * <p>Letters: W Ärger anger, L Langeweile boredom, E Ekel disgust, A Angst fear, F Freude happiness, T Trauer
 * sadness, N neutral. Speaker sex from the corpus documentation: male 03 10 11 12 15, female 08 09 13 14 16.
 */
public final class EmoDbAdapter extends AbstractCorpusAdapter {
    public static final String NAME = "emodb";
    private static final Pattern NAME_PATTERN = Pattern.compile("(\\d{2})([ab]\\d{2})([A-Za-z])([a-z])");
    private static final Map<Character, Emotion> LETTERS = Map.of(
            'W', Emotion.ANGRY, 'L', Emotion.BOREDOM, 'E', Emotion.DISGUST, 'A', Emotion.FEAR,
            'F', Emotion.HAPPY, 'T', Emotion.SAD, 'N', Emotion.NEUTRAL);
    private static final Set<String> MALE = Set.of("03", "10", "11", "12", "15");
    private static final Set<String> FEMALE = Set.of("08", "09", "13", "14", "16");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected FileParser newParser(Path root, List<SkippedFile> skipped) {
        return EmoDbAdapter::parse;
    }

    private static Utterance parse(Path file) throws UnparseableException {
        Matcher m = NAME_PATTERN.matcher(AudioFiles.stem(file));
        if (!m.matches()) {
            throw new UnparseableException("name does not match EMO-DB SSTTTEv (e.g. 03a01Wa)");
        }
        String speaker = m.group(1);
        Sex sex = MALE.contains(speaker) ? Sex.MALE : FEMALE.contains(speaker) ? Sex.FEMALE : null;
        if (sex == null) {
            throw new UnparseableException("unknown EMO-DB speaker " + speaker);
        }
        String text = m.group(2);
        int n = Integer.parseInt(text.substring(1));
        int max = text.charAt(0) == 'a' ? 7 : 10;
        if (n < 1 || n > max) {
            throw new UnparseableException("unknown text code " + text + " (a01-a07, b01-b10)");
        }
        char letter = m.group(3).charAt(0);
        Emotion emotion = LETTERS.get(letter);
        if (emotion == null) {
            throw new UnparseableException("unknown emotion letter " + letter + " (W L E A F T N)");
        }
        return Utterance.builder(file, NAME)
                .speaker(speaker).sex(sex)
                .emotion(emotion, String.valueOf(letter))
                .text(text)
                .attribute("version", m.group(4))
                .build();
    }
}
