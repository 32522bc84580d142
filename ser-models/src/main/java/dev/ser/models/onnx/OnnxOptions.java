package dev.ser.models.onnx;

import java.util.Objects;

/**
 * ONNX Runtime session settings. Immutable; {@link #DEFAULT} leaves every choice to ONNX Runtime.
 *
 * @param intraOpThreads threads used inside one operator (0, the default, lets ONNX Runtime pick:
 *                       one per physical core); 1 makes each prediction single-threaded, which is
 *                       usually best when many threads predict concurrently
 * @param interOpThreads threads running independent operators in parallel (0, the default, lets
 *                       ONNX Runtime pick); only used with {@code parallelExecution}
 * @param optimization   graph optimisation level; default {@link OptimizationLevel#ALL}
 * @param parallelExecution run independent branches of the graph in parallel (default false:
 *                       sequential, which suits the small graphs of emotion models)
 */
public record OnnxOptions(int intraOpThreads, int interOpThreads, OptimizationLevel optimization,
                          boolean parallelExecution) {

    /** ONNX Runtime's own defaults. */
    public static final OnnxOptions DEFAULT = builder().build();

    public OnnxOptions {
        Objects.requireNonNull(optimization, "optimization");
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be 0 (runtime's choice) or positive, got intra "
                    + intraOpThreads + ", inter " + interOpThreads);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().intraOpThreads(intraOpThreads).interOpThreads(interOpThreads)
                .optimization(optimization).parallelExecution(parallelExecution);
    }

    /** Builder with ONNX Runtime's defaults. */
    public static final class Builder {
        private int intraOpThreads;
        private int interOpThreads;
        private OptimizationLevel optimization = OptimizationLevel.ALL;
        private boolean parallelExecution;

        /** Threads per operator; default 0 (runtime's choice). */
        public Builder intraOpThreads(int n) {
            this.intraOpThreads = n;
            return this;
        }

        /** Threads across operators (parallel execution only); default 0 (runtime's choice). */
        public Builder interOpThreads(int n) {
            this.interOpThreads = n;
            return this;
        }

        /** Default {@link OptimizationLevel#ALL}. */
        public Builder optimization(OptimizationLevel level) {
            this.optimization = level;
            return this;
        }

        /** Default false (sequential execution). */
        public Builder parallelExecution(boolean on) {
            this.parallelExecution = on;
            return this;
        }

        public OnnxOptions build() {
            return new OnnxOptions(intraOpThreads, interOpThreads, optimization, parallelExecution);
        }
    }
}
