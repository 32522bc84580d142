package dev.ser.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown in strict mode when a corpus file cannot be used: its name does not follow the corpus's
 * convention, it carries an unknown code, or it cannot be read.
 */
public class CorpusFormatException extends IOException {
    private final transient Path path;

    public CorpusFormatException(Path path, String reason) {
        super(path + ": " + reason);
        this.path = path;
    }

    /** The offending file. */
    public Path path() {
        return path;
    }
}
