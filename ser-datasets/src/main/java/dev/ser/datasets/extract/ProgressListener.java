package dev.ser.datasets.extract;

import java.nio.file.Path;

/**
 * Receives extraction progress. Calls are serialised (never concurrent) and {@code done} increases by one per
 * call, but they arrive on worker threads: keep them short.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total, current) -> { };

    /**
     * @param done    files finished so far (extracted, served from cache, or failed), 1..total
     * @param total   files in this run
     * @param current the file just finished
     */
    void onProgress(int done, int total, Path current);
}
