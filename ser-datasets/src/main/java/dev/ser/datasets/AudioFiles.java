package dev.ser.datasets;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises audio files by extension. Content sniffing (TESS ships AIFF data in {@code .wav} files) is the
 * decoder's job, not the adapter's.
 */
public final class AudioFiles {
    /** Extensions accepted as audio, lower case, without the dot. */
    public static final Set<String> EXTENSIONS = Set.of("wav", "flac", "aif", "aiff");

    private AudioFiles() {
    }

    /** True when the file name ends in .wav, .flac, .aif or .aiff in any letter case. */
    public static boolean isAudio(Path file) {
        String ext = extension(file);
        return ext != null && EXTENSIONS.contains(ext.toLowerCase(Locale.ROOT));
    }

    /** The file name without its last extension ({@code "03a01Fa"} for {@code 03a01Fa.wav}). */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    /** The last extension without the dot, or {@code null} if the name has none. */
    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? null : name.substring(dot + 1);
    }
}
