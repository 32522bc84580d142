package dev.ser.datasets.corpus;

import dev.ser.datasets.AudioFiles;
import dev.ser.datasets.Emotion;
import dev.ser.datasets.Sex;
import dev.ser.datasets.SkippedFile;
import dev.ser.datasets.Utterance;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RAVDESS (Livingstone &amp; Russo 2018): names {@code MM-VC-EE-II-SS-RR-AA}, usually under {@code Actor_NN/}.
 *
 * <ul>
 *   <li>MM modality: 01 full audio-video, 03 audio only (kept as attribute {@code modality}); 02 is video-only
 *       and has no sound, so such a file is reported;</li>
 *   <li>VC vocal channel: 01 speech, 02 song (attribute {@code vocal_channel}: {@code speech}/{@code song});</li>
 *   <li>EE emotion 01-08: neutral, calm, happy, sad, angry, fearful, disgust, surprised;</li>
 *   <li>II intensity 01 normal, 02 strong (neutral has only 01); SS statement 01/02; RR repetition 01/02;</li>
 *   <li>AA actor 01-24, odd male, even female. When the parent folder is {@code Actor_NN} it must agree.</li>
 * </ul>
 */
public final class RavdessAdapter extends AbstractCorpusAdapter {
    public static final String NAME = "ravdess";
    private static final Pattern NAME_PATTERN =
            Pattern.compile("(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})");
    private static final Pattern ACTOR_FOLDER = Pattern.compile("(?i)actor_(\\d{2})");
    private static final Emotion[] EMOTIONS = {Emotion.NEUTRAL, Emotion.CALM, Emotion.HAPPY, Emotion.SAD,
        Emotion.ANGRY, Emotion.FEAR, Emotion.DISGUST, Emotion.SURPRISE};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected FileParser newParser(Path root, List<SkippedFile> skipped) {
        return this::parse;
    }

    private Utterance parse(Path file) throws UnparseableException {
        Matcher m = NAME_PATTERN.matcher(AudioFiles.stem(file));
        if (!m.matches()) {
            throw new UnparseableException("name does not match RAVDESS MM-VC-EE-II-SS-RR-AA");
        }
        String modality = m.group(1);
        String channel = m.group(2);
        String emo = m.group(3);
        String intensity = m.group(4);
        String actor = m.group(7);
        if (!modality.equals("01") && !modality.equals("03")) {
            throw new UnparseableException("modality " + modality + " has no audio (01 audio-video and 03 audio-only do)");
        }
        if (!channel.equals("01") && !channel.equals("02")) {
            throw new UnparseableException("unknown vocal channel " + channel + " (01 speech, 02 song)");
        }
        int e = Integer.parseInt(emo);
        if (e < 1 || e > EMOTIONS.length) {
            throw new UnparseableException("unknown emotion code " + emo + " (01-08)");
        }
        requireOneOrTwo(intensity, "intensity");
        if (e == 1 && intensity.equals("02")) {
            throw new UnparseableException("neutral has no strong intensity (02) in RAVDESS");
        }
        requireOneOrTwo(m.group(5), "statement");
        requireOneOrTwo(m.group(6), "repetition");
        int a = Integer.parseInt(actor);
        if (a < 1 || a > 24) {
            throw new UnparseableException("actor " + actor + " outside 01-24");
        }
        checkActorFolder(file, actor);
        return Utterance.builder(file, NAME)
                .speaker(actor)
                .sex(a % 2 == 1 ? Sex.MALE : Sex.FEMALE)
                .emotion(EMOTIONS[e - 1], emo)
                .intensity(intensity)
                .statement(m.group(5))
                .repetition(m.group(6))
                .attribute("modality", modality.equals("01") ? "audio-video" : "audio-only")
                .attribute("vocal_channel", channel.equals("01") ? "speech" : "song")
                .build();
    }

    private static void requireOneOrTwo(String code, String what) throws UnparseableException {
        if (!code.equals("01") && !code.equals("02")) {
            throw new UnparseableException("unknown " + what + " code " + code + " (01 or 02)");
        }
    }

    private static void checkActorFolder(Path file, String actor) throws UnparseableException {
        Path parent = file.getParent();
        if (parent == null || parent.getFileName() == null) {
            return;
        }
        Matcher f = ACTOR_FOLDER.matcher(parent.getFileName().toString());
        if (f.matches() && !f.group(1).equals(actor)) {
            throw new UnparseableException("actor " + actor + " in the name but folder " + parent.getFileName());
        }
    }
}
