package dev.ser.examples.listen;

import java.io.IOException;

/**
 * A stream of mono audio samples, read block by block: a microphone, a file, anything that produces
 * sound over time. Samples are doubles in [-1, 1] at {@link #sampleRate()} Hz.
 */
public interface AudioSource extends AutoCloseable {
    /** The rate of the samples {@link #read} returns, in Hz. */
    int sampleRate();

    /**
     * Fills {@code buffer} from its start with the next samples, blocking until some are available.
     *
     * @return the number of samples written (at least 1, at most {@code buffer.length}), or -1 at the
     *         end of the stream
     * @throws IOException if the source fails
     */
    int read(double[] buffer) throws IOException;

    /**
     * Whether samples arrive at the pace of a clock (a microphone, a file played in real time). A
     * consumer that falls behind a real-time source must drop work rather than stall it; a source that
     * is not real-time can simply wait.
     */
    default boolean realTime() {
        return true;
    }

    /** Releases the device or file; further reads fail. */
    @Override
    void close() throws IOException;
}
