package dev.ser.examples.listen;

import dev.ser.core.audio.AudioSignal;

/**
 * A stretch of the stream chosen for classification: an utterance or a sliding window.
 *
 * @param startSample index of the first sample in the stream (0 = the first sample read)
 * @param samples     the audio (owned by the segment)
 * @param sampleRate  the rate in Hz
 */
public record Segment(long startSample, double[] samples, int sampleRate) {
    public Segment {
        if (startSample < 0 || sampleRate <= 0) {
            throw new IllegalArgumentException("bad segment: start " + startSample + ", rate " + sampleRate);
        }
    }

    /** Index one past the last sample. */
    public long endSample() {
        return startSample + samples.length;
    }

    /** Start time in seconds from the beginning of the stream. */
    public double startSeconds() {
        return (double) startSample / sampleRate;
    }

    /** End time in seconds from the beginning of the stream. */
    public double endSeconds() {
        return (double) endSample() / sampleRate;
    }

    /** The audio as a signal (shares the samples). */
    public AudioSignal signal() {
        return AudioSignal.wrap(samples, sampleRate);
    }
}
