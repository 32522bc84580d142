package dev.ser.models.io;

import java.io.IOException;

/** A model file that cannot be read: names the file (or stream) and the problem. */
public class ModelFileException extends IOException {

    /** What is wrong with the file. */
    public enum Problem {
        /** The file does not start with the ser model magic bytes. */
        NOT_A_MODEL_FILE,
        /** Written by a newer format (or model-type) version than this library reads. */
        UNSUPPORTED_VERSION,
        /** Shorter than its recorded length: an interrupted write or copy. */
        TRUNCATED,
        /** The checksum does not match the content (or bytes follow the recorded end). */
        CORRUPTED,
        /** Checksum intact but the content violates the format (a faulty writer). */
        MALFORMED,
        /** No reader is registered for the file's model type. */
        UNKNOWN_MODEL_TYPE,
        /** The file holds another model type than the caller asked for. */
        WRONG_MODEL_TYPE,
        /** Larger than this library reads (2 GiB). */
        TOO_LARGE
    }

    private final transient Problem problem;
    private final String source;

    /**
     * @param source  the file name (or stream description)
     * @param problem the kind of problem
     * @param detail  what exactly is wrong
     */
    public ModelFileException(String source, Problem problem, String detail) {
        this(source, problem, detail, null);
    }

    /** With a cause. */
    public ModelFileException(String source, Problem problem, String detail, Throwable cause) {
        super("model file " + source + ": " + problem + ": " + detail, cause);
        this.problem = problem;
        this.source = source;
    }

    /** The kind of problem. */
    public Problem problem() {
        return problem;
    }

    /** The file name or stream description. */
    public String source() {
        return source;
    }
}
