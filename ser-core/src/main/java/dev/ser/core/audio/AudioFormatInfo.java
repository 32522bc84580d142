package dev.ser.core.audio;

import java.util.Objects;

/**
 * Describes how a decoded input was stored.
 *
 * @param container     the container recognised from the input's leading bytes
 * @param encoding      how samples were coded
 * @param bitsPerSample the significant bits per sample as declared by the file (e.g. 16, 24, 32 for
 *                      float32; for WAV PCM with an unusual depth such as 12, the declared depth,
 *                      while scaling uses the byte container)
 * @param codec         a short human-readable codec label, e.g. {@code "PCM s16le"}, {@code "FLAC"},
 *                      {@code "AIFF-C sowt"}
 */
public record AudioFormatInfo(Container container, SampleEncoding encoding, int bitsPerSample, String codec) {
    public AudioFormatInfo {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(codec, "codec");
    }
}
