package dev.ser.datasets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file that was not turned into a result, with the reason. Adapters report names that do not parse,
 * unknown emotion codes and unreadable files this way instead of dropping them silently.
 *
 * @param path   the file (or directory) concerned
 * @param reason a human-readable explanation naming what was wrong
 */
public record SkippedFile(Path path, String reason) {
    public SkippedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
