package dev.ser.core.audio;

import java.io.IOException;
import java.util.Objects;

/**
 * An audio input that cannot be decoded: a malformed, truncated or unsupported file.
 *
 * <p>Every instance names its {@linkplain #source() source} (usually the file name) and carries a
 * {@linkplain #reason() reason} that callers can branch on, for example to skip unsupported files in
 * a corpus while still failing on corrupt ones. The message always starts with the source name.
 */
public class AudioFormatException extends IOException {

    /** Why an input was rejected. */
    public enum Reason {
        /** The data ends before the header or the audio it declares is complete. */
        TRUNCATED,
        /** A header declares a size larger than the input that is actually there. */
        SIZE_EXCEEDS_INPUT,
        /** A required header field is malformed or inconsistent (bad magic, reserved value, bad chunk). */
        INVALID_HEADER,
        /** The header declares zero channels. */
        ZERO_CHANNELS,
        /** The header declares a sample rate of zero (or one that is not a positive finite number). */
        ZERO_SAMPLE_RATE,
        /** The container is recognised but its codec or sample format is not supported. */
        UNSUPPORTED_ENCODING,
        /** The audio data is present but holds no sample frames. */
        EMPTY_DATA,
        /** The bytes are not any container this library reads. */
        UNRECOGNISED_CONTAINER,
        /** A CRC-8/CRC-16 or MD5 check of the coded data failed. */
        CHECKSUM_MISMATCH,
        /** The coded stream violates its specification (FLAC frame or subframe syntax). */
        CORRUPT_STREAM,
        /** Samples are NaN or infinite and the decoder was asked to reject them. */
        NON_FINITE_SAMPLES,
        /** The input or its decoded signal exceeds the configured size limits. */
        TOO_LARGE
    }

    private final String source;
    private final Reason reason;

    /**
     * @param source the input's name, usually its file name
     * @param reason the category of the problem
     * @param problem a description of the problem, without the source name
     */
    public AudioFormatException(String source, Reason reason, String problem) {
        super(Objects.requireNonNull(source, "source") + ": " + problem);
        this.source = source;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** As {@link #AudioFormatException(String, Reason, String)}, with an underlying cause. */
    public AudioFormatException(String source, Reason reason, String problem, Throwable cause) {
        this(source, reason, problem);
        initCause(cause);
    }

    /** The name of the input that failed, usually its file name. */
    public String source() {
        return source;
    }

    /** The category of the problem. */
    public Reason reason() {
        return reason;
    }
}
