package dev.ser.datasets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable, ordered collection of utterances, possibly from several corpora, with the usual preparation
 * steps: selecting emotions, merging corpora and balancing classes. Every operation returns a new dataset and
 * keeps the relative order of the utterances it keeps, so results are reproducible.
 */
public final class Dataset {
    private final List<Utterance> utterances;

    private Dataset(List<Utterance> utterances) {
        this.utterances = List.copyOf(utterances);
    }

    public static Dataset of(Collection<Utterance> utterances) {
        return new Dataset(new ArrayList<>(utterances));
    }

    /** Concatenates datasets (for example RAVDESS + TESS + EMO-DB) in the given order. */
    public static Dataset merge(Dataset... parts) {
        List<Utterance> all = new ArrayList<>();
        for (Dataset d : parts) {
            all.addAll(d.utterances);
        }
        return new Dataset(all);
    }

    public List<Utterance> utterances() {
        return utterances;
    }

    public int size() {
        return utterances.size();
    }

    /** Keeps only utterances whose label is in {@code emotions} (for example sad, neutral, happy). */
    public Dataset selectEmotions(Set<Emotion> emotions) {
        return new Dataset(utterances.stream().filter(u -> emotions.contains(u.emotion())).toList());
    }

    /** Keeps only utterances of the named corpora. */
    public Dataset selectCorpora(Set<String> corpora) {
        return new Dataset(utterances.stream().filter(u -> corpora.contains(u.corpus())).toList());
    }

    /**
     * Balances classes by seeded down-sampling: every emotion present keeps as many utterances as the rarest
     * one has, chosen uniformly at random with {@code seed}. The kept utterances stay in their original order.
     */
    public Dataset balanceByDownsampling(long seed) {
        Map<Emotion, List<Integer>> byLabel = indicesByEmotion();
        if (byLabel.isEmpty()) {
            return this;
        }
        int min = byLabel.values().stream().mapToInt(List::size).min().orElseThrow();
        Random rnd = new Random(seed);
        boolean[] keep = new boolean[utterances.size()];
        for (List<Integer> idx : byLabel.values()) { // EnumMap: fixed iteration order, so seeded results are stable
            List<Integer> shuffled = new ArrayList<>(idx);
            Collections.shuffle(shuffled, rnd);
            for (int i = 0; i < min; i++) {
                keep[shuffled.get(i)] = true;
            }
        }
        List<Utterance> kept = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                kept.add(utterances.get(i));
            }
        }
        return new Dataset(kept);
    }

    /** Number of utterances per emotion, in the enum's order; emotions with none are absent. */
    public Map<Emotion, Integer> countsByEmotion() {
        Map<Emotion, Integer> counts = new EnumMap<>(Emotion.class);
        for (Utterance u : utterances) {
            counts.merge(u.emotion(), 1, Integer::sum);
        }
        return counts;
    }

    /** The emotions present, in the enum's order. */
    public Set<Emotion> emotions() {
        return countsByEmotion().keySet();
    }

    /** The distinct {@link Utterance#speakerKey()}s, sorted. */
    public Set<String> speakers() {
        Set<String> s = new TreeSet<>();
        utterances.forEach(u -> s.add(u.speakerKey()));
        return s;
    }

    /** The distinct corpus names in order of first appearance. */
    public Set<String> corpora() {
        Set<String> s = new LinkedHashSet<>();
        utterances.forEach(u -> s.add(u.corpus()));
        return s;
    }

    private Map<Emotion, List<Integer>> indicesByEmotion() {
        Map<Emotion, List<Integer>> m = new EnumMap<>(Emotion.class);
        for (int i = 0; i < utterances.size(); i++) {
            m.computeIfAbsent(utterances.get(i).emotion(), k -> new ArrayList<>()).add(i);
        }
        return m;
    }

    @Override
    public String toString() {
        return "Dataset[" + utterances.size() + " utterances, " + speakers().size() + " speakers, " + countsByEmotion() + "]";
    }
}
