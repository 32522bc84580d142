package dev.ser.datasets;

/** A speaker's sex as documented by the corpus; {@link #UNKNOWN} where the corpus does not say. */
public enum Sex {
    MALE, FEMALE, UNKNOWN
}
