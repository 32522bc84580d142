package dev.ser.datasets.corpus;

import dev.ser.datasets.AudioFiles;
import dev.ser.datasets.Emotion;
import dev.ser.datasets.Sex;
import dev.ser.datasets.SkippedFile;
import dev.ser.datasets.Utterance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CREMA-D (Cao et al. 2014): names {@code AAAA_SSS_EEE_II} such as {@code 1001_DFA_ANG_XX}: actor 1001-1091,
 * one of twelve sentence codes (kept in {@link Utterance#text()}), emotion ANG DIS FEA HAP NEU SAD, intensity
 * LO MD HI or XX (unspecified).
 *
 * <p>Actor sex is not in the name; it comes from the corpus's {@code VideoDemographics.csv} when that file lies
 * in the audio file's folder or one of its ancestors up to the scanned root (the nearest one wins). Without it,
 * or for an actor missing from it, sex is {@link Sex#UNKNOWN}. A malformed demographics file is reported as a
 * skipped file and ignored.
 */
public final class CremaDAdapter extends AbstractCorpusAdapter {
    public static final String NAME = "cremad";
    private static final Logger LOG = LoggerFactory.getLogger(CremaDAdapter.class);
    private static final Pattern NAME_PATTERN = Pattern.compile("(\\d{4})_([A-Z]{3})_([A-Z]{3})_([A-Z]{2})");
    private static final Set<String> SENTENCES = Set.of(
            "IEO", "TIE", "IOM", "IWW", "TAI", "MTI", "IWL", "ITH", "DFA", "ITS", "TSI", "WSI");
    private static final Map<String, Emotion> EMOTIONS = Map.of(
            "ANG", Emotion.ANGRY, "DIS", Emotion.DISGUST, "FEA", Emotion.FEAR, "HAP", Emotion.HAPPY,
            "NEU", Emotion.NEUTRAL, "SAD", Emotion.SAD);
    private static final Set<String> INTENSITIES = Set.of("LO", "MD", "HI", "XX");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected FileParser newParser(Path root, List<SkippedFile> skipped) throws IOException {
        CremaDDemographics demographics = CremaDDemographics.findUnder(root, skipped);
        return file -> parse(file, demographics.sexOf(root, file));
    }

    private static Utterance parse(Path file, Map<String, Sex> sexes) throws UnparseableException {
        Matcher m = NAME_PATTERN.matcher(AudioFiles.stem(file));
        if (!m.matches()) {
            throw new UnparseableException("name does not match CREMA-D AAAA_SSS_EEE_II (e.g. 1001_DFA_ANG_XX)");
        }
        String actor = m.group(1);
        int a = Integer.parseInt(actor);
        if (a < 1001 || a > 1091) {
            throw new UnparseableException("actor " + actor + " outside 1001-1091");
        }
        if (!SENTENCES.contains(m.group(2))) {
            throw new UnparseableException("unknown CREMA-D sentence code " + m.group(2));
        }
        Emotion emotion = EMOTIONS.get(m.group(3));
        if (emotion == null) {
            throw new UnparseableException("unknown CREMA-D emotion code " + m.group(3) + " (ANG DIS FEA HAP NEU SAD)");
        }
        if (!INTENSITIES.contains(m.group(4))) {
            throw new UnparseableException("unknown CREMA-D intensity " + m.group(4) + " (LO MD HI XX)");
        }
        Sex sex = sexes.getOrDefault(actor, Sex.UNKNOWN);
        if (!sexes.isEmpty() && !sexes.containsKey(actor)) {
            LOG.warn("cremad: actor {} of {} is not in the demographics table; sex unknown", actor, file);
        }
        return Utterance.builder(file, NAME)
                .speaker(actor).sex(sex)
                .emotion(emotion, m.group(3))
                .text(m.group(2))
                .intensity(m.group(4))
                .build();
    }
}
