package dev.ser.core.audio;

/** How samples are coded inside a container. */
public enum SampleEncoding {
    /** Unsigned integer PCM (offset binary), e.g. 8-bit WAV; scaled as {@code (v - 2^(b-1)) / 2^(b-1)}. */
    PCM_UNSIGNED,
    /** Two's-complement integer PCM; scaled as {@code v / 2^(b-1)} where b is the container width. */
    PCM_SIGNED,
    /** IEEE 754 floating point (32 or 64 bit); values are passed on unchanged. */
    IEEE_FLOAT,
    /** G.711 mu-law, 8 bits expanded to 16-bit linear values, then {@code / 32768}. */
    MU_LAW,
    /** G.711 A-law, 8 bits expanded to 16-bit linear values, then {@code / 32768}. */
    A_LAW,
    /** FLAC-coded integers; scaled as {@code v / 2^(b-1)} where b is the stream's bits per sample. */
    FLAC
}
