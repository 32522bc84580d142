package dev.ser.datasets.corpus;

/** Internal signal from a name parser: this file cannot be used, for the given reason. */
final class UnparseableException extends Exception {
    UnparseableException(String reason) {
        super(reason, null, false, false); // no stack trace: this is an expected outcome, not a bug
    }
}
