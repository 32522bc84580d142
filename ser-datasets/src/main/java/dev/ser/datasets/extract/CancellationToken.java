package dev.ser.datasets.extract;

/**
 * Cooperative cancellation of a running extraction: after {@link #cancel()}, no further file is started and
 * the run returns a partial result flagged {@link ExtractionResult#cancelled()}. Files already being extracted
 * finish. Thread-safe; a token cannot be reset.
 */
public final class CancellationToken {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
