package dev.ser.datasets.split;

/** A split cannot be made from the given data (too few speakers, missing predefined partition, bad fraction). */
public class SplitException extends IllegalArgumentException {
    public SplitException(String message) {
        super(message);
    }
}
