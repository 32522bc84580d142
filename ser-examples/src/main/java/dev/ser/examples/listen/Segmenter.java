package dev.ser.examples.listen;

/**
 * Cuts a sample stream into {@link Segment}s, handing each to the consumer given at construction as
 * soon as it is complete. Not thread-safe: one thread feeds it.
 */
public interface Segmenter {
    /** Feeds the next {@code count} samples of the stream. */
    void accept(double[] samples, int count);

    /** Ends the stream: emits what is still pending (an utterance in progress) if it qualifies. */
    void flush();
}
