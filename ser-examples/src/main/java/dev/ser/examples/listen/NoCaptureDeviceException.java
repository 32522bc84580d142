package dev.ser.examples.listen;

import java.io.IOException;

/** There is no audio capture device (microphone) to record from, or it cannot be opened. */
public final class NoCaptureDeviceException extends IOException {
    private static final long serialVersionUID = 1L;

    public NoCaptureDeviceException(String message) {
        super(message);
    }

    public NoCaptureDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
