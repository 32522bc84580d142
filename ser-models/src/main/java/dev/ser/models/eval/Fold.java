package dev.ser.models.eval;

import java.util.Arrays;

/**
 * One train/test partition of a table's row indices (supplied by the caller's split).
 *
 * @param train row indices to train on
 * @param test  row indices to evaluate on
 */
public record Fold(int[] train, int[] test) {

    public Fold {
        if (train.length == 0 || test.length == 0) {
            throw new IllegalArgumentException("a fold needs training and test rows, got "
                    + train.length + " and " + test.length);
        }
        train = train.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fold f && Arrays.equals(train, f.train) && Arrays.equals(test, f.test);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Fold[train=" + train.length + " rows, test=" + test.length + " rows]";
    }
}
