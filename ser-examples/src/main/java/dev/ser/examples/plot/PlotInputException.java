package dev.ser.examples.plot;

import java.io.IOException;
import java.nio.file.Path;

/** A file given to plot (a CSV table) is malformed; the message names the file and the line. */
public final class PlotInputException extends IOException {
    private static final long serialVersionUID = 1L;

    public PlotInputException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
