package dev.ser.datasets;

/** A partition predefined by the corpus layout (for example {@code train/} and {@code test/} folders). */
public enum Partition {
    TRAIN, TEST
}
