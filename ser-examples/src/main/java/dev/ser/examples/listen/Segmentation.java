package dev.ser.examples.listen;

import java.util.function.Consumer;

/** How {@link LiveRecognizer} cuts the stream: by voice activity, or in sliding windows. */
public sealed interface Segmentation {
    /** A segmenter for a stream at {@code sampleRate} Hz that emits to {@code sink}. */
    Segmenter create(int sampleRate, Consumer<Segment> sink);

    /** Utterances found by the energy voice activity detector. */
    record Vad(VadConfig config) implements Segmentation {
        @Override
        public Segmenter create(int sampleRate, Consumer<Segment> sink) {
            return new VoiceActivityDetector(config, sampleRate, sink);
        }
    }

    /**
     * The last {@code windowSeconds} of audio every {@code hopSeconds}.
     *
     * @param windowSeconds window length W, in seconds
     * @param hopSeconds    time between windows H, in seconds
     */
    record Sliding(double windowSeconds, double hopSeconds) implements Segmentation {
        public Sliding {
            if (!(windowSeconds > 0) || !(hopSeconds > 0) || Double.isInfinite(windowSeconds)
                    || Double.isInfinite(hopSeconds)) {
                throw new IllegalArgumentException("window and hop must be positive and finite, got "
                        + windowSeconds + " s and " + hopSeconds + " s");
            }
        }

        @Override
        public Segmenter create(int sampleRate, Consumer<Segment> sink) {
            return new SlidingWindowSegmenter(windowSeconds, hopSeconds, sampleRate, sink);
        }
    }
}
