package dev.ser.examples.listen;

/**
 * Receives what a {@link LiveRecognizer} finds. Called on its classification thread, one call at a
 * time, results in stream order.
 */
@FunctionalInterface
public interface LiveListener {
    /** A segment was classified. */
    void onResult(LiveResult result);

    /**
     * Something failed: reading the source (the recognizer then stops) or classifying one segment (it
     * carries on with the next).
     */
    default void onError(Exception error) {
    }

    /** The recognizer has stopped and every pending segment has been reported. Called once. */
    default void onFinished() {
    }
}
