package dev.ser.examples.serve;

/** A request the server refuses, with the HTTP status and the message sent as {@code {"error": ...}}. */
final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
