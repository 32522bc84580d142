package dev.ser.datasets.split;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Files with byte-identical content found on both sides of a split.
 *
 * @param sha256 the shared content hash (lower-case hex)
 * @param train  the copies on the training side, sorted
 * @param test   the copies on the test side, sorted
 */
public record DuplicateGroup(String sha256, List<Path> train, List<Path> test) {
    public DuplicateGroup {
        Objects.requireNonNull(sha256, "sha256");
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    @Override
    public String toString() {
        return "identical audio " + sha256.substring(0, 12) + "...: train " + train + " / test " + test;
    }
}
