package dev.ser.datasets.corpus;

import dev.ser.datasets.CorpusFormatException;
import dev.ser.datasets.ScanResult;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns a corpus directory tree, laid out as the corpus is distributed, into labelled utterances.
 *
 * <p>Audio files are recognised by extension ({@link dev.ser.datasets.AudioFiles}); other files are ignored.
 * Audio files whose names do not follow the convention, carry unknown codes, or cannot be read are reported in
 * {@link ScanResult#skipped()} (lenient mode) or make the scan throw (strict mode).
 */
public interface CorpusAdapter {
    /** The corpus name written into every utterance ({@code "ravdess"}, ...). */
    String name();

    /** Scans {@code root} leniently: problems are reported in the result and the files skipped. */
    default ScanResult scan(Path root) throws IOException {
        return scan(root, false);
    }

    /**
     * Scans {@code root} recursively.
     *
     * @param strict when true, the first unusable audio file throws {@link CorpusFormatException} naming it
     * @throws java.nio.file.NoSuchFileException if {@code root} does not exist
     * @throws CorpusFormatException in strict mode, for the first unusable file
     */
    ScanResult scan(Path root, boolean strict) throws IOException;
}
