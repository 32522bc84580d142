package dev.ser.datasets.extract;

import dev.ser.datasets.SkippedFile;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a corpus extraction.
 *
 * @param table        one row per successfully processed utterance, in input order
 * @param failures     files whose features could not be computed (path + reason), in input order
 * @param cancelled    true if the run was cancelled; the table then holds only the files finished before
 * @param notProcessed files never started because of cancellation
 * @param cacheHits    rows served from the feature cache
 * @param computed     rows computed by the feature function
 */
public record ExtractionResult(FeatureTable table, List<SkippedFile> failures, boolean cancelled, int notProcessed,
                               int cacheHits, int computed) {
    public ExtractionResult {
        Objects.requireNonNull(table, "table");
        failures = List.copyOf(failures);
    }

    @Override
    public String toString() {
        return table.rowCount() + " rows (" + computed + " computed, " + cacheHits + " from cache), "
                + failures.size() + " failed" + (cancelled ? ", cancelled with " + notProcessed + " not processed" : "");
    }
}
