package dev.ser.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a corpus scan found: the utterances in a stable order (sorted by path relative to the root) and every
 * audio file that was skipped, with the reason.
 *
 * @param corpus     the corpus name
 * @param root       the directory that was scanned
 * @param utterances the parsed utterances, unmodifiable
 * @param skipped    files that could not be used (unparseable name, unknown code, unreadable), unmodifiable
 */
public record ScanResult(String corpus, Path root, List<Utterance> utterances, List<SkippedFile> skipped) {
    public ScanResult {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(root, "root");
        utterances = List.copyOf(utterances);
        skipped = List.copyOf(skipped);
    }

    /** The utterances as a {@link Dataset}. */
    public Dataset dataset() {
        return Dataset.of(utterances);
    }

    @Override
    public String toString() {
        return corpus + " at " + root + ": " + utterances.size() + " utterances, " + skipped.size() + " skipped";
    }
}
