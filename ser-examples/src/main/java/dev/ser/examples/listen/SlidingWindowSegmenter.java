package dev.ser.examples.listen;

import java.util.function.Consumer;

/**
 * Emits the last W seconds of the stream every H seconds. The first window ends at sample W (once W
 * seconds have been heard), the k-th at W + k·H, so a stream of N samples gives
 * {@code floor((N - W) / H) + 1} windows when N ≥ W and none otherwise; nothing is emitted at
 * {@link #flush()} (a partial window would be judged on less audio than the others).
 */
public final class SlidingWindowSegmenter implements Segmenter {
    private final int window;
    private final int hop;
    private final int sampleRate;
    private final Consumer<Segment> sink;
    private final double[] ring;
    private long total;
    private long nextEnd;

    /**
     * @param windowSeconds W in seconds (at least one sample)
     * @param hopSeconds    H in seconds (at least one sample)
     */
    public SlidingWindowSegmenter(double windowSeconds, double hopSeconds, int sampleRate, Consumer<Segment> sink) {
        this.window = Math.max(1, (int) Math.round(windowSeconds * sampleRate));
        this.hop = Math.max(1, (int) Math.round(hopSeconds * sampleRate));
        this.sampleRate = sampleRate;
        this.sink = sink;
        this.ring = new double[window];
        this.nextEnd = window;
    }

    /** Window length in samples. */
    public int windowSamples() {
        return window;
    }

    /** Hop in samples. */
    public int hopSamples() {
        return hop;
    }

    @Override
    public void accept(double[] samples, int count) {
        int i = 0;
        while (i < count) {
            // Copy up to the next window end, so each emission sees exactly the right samples.
            int n = (int) Math.min(count - i, nextEnd - total);
            write(samples, i, n);
            i += n;
            if (total == nextEnd) {
                emit();
                nextEnd += hop;
            }
        }
    }

    private void write(double[] samples, int off, int n) {
        // Only the last W samples of a long block can ever be part of a window.
        int skip = Math.max(0, n - window);
        long at = total + skip;
        int len = n - skip;
        int pos = (int) (at % window);
        int first = Math.min(len, window - pos);
        System.arraycopy(samples, off + skip, ring, pos, first);
        System.arraycopy(samples, off + skip + first, ring, 0, len - first);
        total += n;
    }

    private void emit() {
        double[] out = new double[window];
        int pos = (int) (total % window);
        System.arraycopy(ring, pos, out, 0, window - pos);
        System.arraycopy(ring, 0, out, window - pos, pos);
        sink.accept(new Segment(total - window, out, sampleRate));
    }

    @Override
    public void flush() {
        // By design nothing: see the class comment.
    }
}
