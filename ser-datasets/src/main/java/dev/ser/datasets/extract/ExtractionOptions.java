package dev.ser.datasets.extract;

import java.util.Objects;

/**
 * How {@link CorpusExtractor} runs.
 *
 * @param threads  worker threads, at least 1; default {@link Runtime#availableProcessors()}
 * @param strict   when true the first failing file aborts the run with {@link FeatureExtractionException};
 *                 default false (failures are collected and the file skipped)
 * @param cache    persistent feature cache, or {@code null} (default) for none
 * @param progress progress callback; default {@link ProgressListener#NONE}
 */
public record ExtractionOptions(int threads, boolean strict, FeatureCache cache, ProgressListener progress) {
    public ExtractionOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Objects.requireNonNull(progress, "progress");
    }

    /** All defaults: every core, lenient, no cache, no progress. */
    public static ExtractionOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean strict;
        private FeatureCache cache;
        private ProgressListener progress = ProgressListener.NONE;

        public Builder threads(int v) { this.threads = v; return this; }
        public Builder strict(boolean v) { this.strict = v; return this; }
        public Builder cache(FeatureCache v) { this.cache = v; return this; }
        public Builder progress(ProgressListener v) { this.progress = v; return this; }

        public ExtractionOptions build() {
            return new ExtractionOptions(threads, strict, cache, progress);
        }
    }
}
