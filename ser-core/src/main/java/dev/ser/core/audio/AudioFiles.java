package dev.ser.core.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Shortcuts to {@link AudioDecoder#standard()}. */
public final class AudioFiles {
    private AudioFiles() {
    }

    /** Decodes a file with the default options. @see AudioDecoder#read(Path) */
    public static DecodedAudio read(Path file) throws IOException {
        return AudioDecoder.standard().read(file);
    }

    /** Decodes a stream with the default options. @see AudioDecoder#read(InputStream, String) */
    public static DecodedAudio read(InputStream stream, String sourceName) throws IOException {
        return AudioDecoder.standard().read(stream, sourceName);
    }

    /** Decodes bytes with the default options. @see AudioDecoder#read(byte[], String) */
    public static DecodedAudio read(byte[] bytes, String sourceName) throws AudioFormatException {
        return AudioDecoder.standard().read(bytes, sourceName);
    }
}
