package dev.ser.datasets.split;

import java.util.List;
import java.util.Objects;

/**
 * A set of folds; every fold is a {@link Split} of the same {@link #kind()} whose test sides partition the data.
 *
 * @param kind        {@link SplitKind#SPEAKER_GROUPED_KFOLD} or {@link SplitKind#LEAVE_ONE_SPEAKER_OUT}
 * @param description human-readable parameters
 * @param folds       the folds in order, unmodifiable
 */
public record CrossValidation(SplitKind kind, String description, List<Split> folds) {
    public CrossValidation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        folds = List.copyOf(folds);
    }

    public int size() {
        return folds.size();
    }

    public Split fold(int i) {
        return folds.get(i);
    }

    @Override
    public String toString() {
        return kind + " (" + description + "): " + folds.size() + " folds";
    }
}
