package dev.ser.datasets.split;

import dev.ser.datasets.Utterance;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One train/test division.
 *
 * @param kind        what kind of split this is (always reported with any result)
 * @param description human-readable parameters, e.g. {@code "test fraction 0.2, seed 42"}
 * @param fold        fold index within a cross-validation, or -1 for a single split
 * @param train       training utterances in their original relative order, unmodifiable
 * @param test        test utterances in their original relative order, unmodifiable
 */
public record Split(SplitKind kind, String description, int fold, List<Utterance> train, List<Utterance> test) {
    public Split {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /** Speaker keys ({@link Utterance#speakerKey()}) of the training side, sorted. */
    public Set<String> trainSpeakers() {
        return speakers(train);
    }

    /** Speaker keys of the test side, sorted. */
    public Set<String> testSpeakers() {
        return speakers(test);
    }

    /** Speakers present on both sides; empty for every speaker-independent kind. */
    public Set<String> sharedSpeakers() {
        Set<String> s = trainSpeakers();
        s.retainAll(testSpeakers());
        return s;
    }

    /** True when no speaker appears on both sides (checked on the data, whatever the kind). */
    public boolean isSpeakerIndependent() {
        return sharedSpeakers().isEmpty();
    }

    private static Set<String> speakers(List<Utterance> us) {
        Set<String> s = new TreeSet<>();
        us.forEach(u -> s.add(u.speakerKey()));
        return s;
    }

    @Override
    public String toString() {
        return kind + (fold >= 0 ? " fold " + fold : "") + " (" + description + "): train " + train.size()
                + " utterances / " + trainSpeakers().size() + " speakers, test " + test.size() + " utterances / "
                + testSpeakers().size() + " speakers";
    }
}
