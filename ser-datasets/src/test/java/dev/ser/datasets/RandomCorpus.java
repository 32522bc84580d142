package dev.ser.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random in-memory corpora for split properties (paths need not exist). */
public final class RandomCorpus {
    private RandomCorpus() {
    }

    /**
     * @param corpora  how many corpora (speaker ids repeat across corpora on purpose: "01" of two corpora are
     *                 different people)
     * @param speakers speakers per corpus
     * @param maxPerSpeaker utterances per speaker, 1..max
     */
    public static List<Utterance> generate(long seed, int corpora, int speakers, int maxPerSpeaker, int emotions) {
        Random rnd = new Random(seed);
        Emotion[] all = Emotion.values();
        List<Utterance> out = new ArrayList<>();
        for (int c = 0; c < corpora; c++) {
            for (int s = 0; s < speakers; s++) {
                int n = 1 + rnd.nextInt(maxPerSpeaker);
                for (int i = 0; i < n; i++) {
                    Emotion e = all[rnd.nextInt(emotions)];
                    String speaker = String.format("%02d", s);
                    out.add(Utterance.builder(Path.of("c" + c, speaker, i + "_" + e.label() + ".wav"), "c" + c)
                            .speaker(speaker).emotion(e, e.label()).build());
                }
            }
        }
        // Shuffle so that input order is not grouped by speaker.
        java.util.Collections.shuffle(out, rnd);
        return out;
    }
}
