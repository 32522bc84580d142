package dev.ser.core.audio;

/** The container formats this package reads, recognised from their leading bytes (never the file name). */
public enum Container {
    /** RIFF/WAVE. */
    WAV,
    /** RF64/WAVE (EBU Tech 3306), WAV with 64-bit sizes. */
    RF64,
    /** Audio Interchange File Format (uncompressed, big-endian). */
    AIFF,
    /** AIFF-C, AIFF with a compression type (only uncompressed flavours are supported). */
    AIFF_C,
    /** Free Lossless Audio Codec native stream (RFC 9639). */
    FLAC
}
