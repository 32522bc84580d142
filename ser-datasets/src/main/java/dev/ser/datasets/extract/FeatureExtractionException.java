package dev.ser.datasets.extract;

import java.io.IOException;
import java.nio.file.Path;

/** In strict mode, a file whose features could not be computed; names the file and the reason. */
public class FeatureExtractionException extends IOException {
    private final transient Path path;

    public FeatureExtractionException(Path path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
