package dev.ser.examples.listen;

import dev.ser.core.audio.AudioLoader;
import dev.ser.core.audio.AudioSignal;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams a decoded recording as if it came from a microphone: either at the pace of a clock
 * ({@code realTime}, for demos) or as fast as the reader pulls (for tests and batch use). The samples
 * are exactly the file's, mixed down to mono at the file's own rate.
 */
public final class FileSource implements AudioSource {
    private final double[] samples;
    private final int sampleRate;
    private final boolean realTime;
    private int position;
    private long startNanos = -1;
    private boolean closed;

    /**
     * @param signal   the audio to stream (not copied; do not modify it while streaming)
     * @param realTime whether {@link #read} waits so that samples come no faster than the signal's rate
     */
    public FileSource(AudioSignal signal, boolean realTime) {
        this.samples = signal.samplesView();
        this.sampleRate = signal.sampleRate();
        this.realTime = realTime;
    }

    /**
     * Decodes a WAV, AIFF or FLAC file (mono mix, native rate) and streams it.
     *
     * @throws IOException if the file cannot be read or decoded
     */
    public static FileSource open(Path file, boolean realTime) throws IOException {
        return new FileSource(new AudioLoader(AudioLoader.Options.defaults()).load(file), realTime);
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public boolean realTime() {
        return realTime;
    }

    /** The total number of samples in the stream. */
    public int length() {
        return samples.length;
    }

    @Override
    public int read(double[] buffer) throws IOException {
        if (closed) {
            throw new IOException("the file source is closed");
        }
        if (position >= samples.length) {
            return -1;
        }
        int n = Math.min(buffer.length, samples.length - position);
        if (realTime) {
            waitUntilPlayed(position + n);
        }
        System.arraycopy(samples, position, buffer, 0, n);
        position += n;
        return n;
    }

    /** Sleeps until the clock reaches the moment the sample {@code end} would have been recorded. */
    private void waitUntilPlayed(long end) throws IOException {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
        long due = startNanos + end * 1_000_000_000L / sampleRate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while streaming a file in real time");
            }
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
