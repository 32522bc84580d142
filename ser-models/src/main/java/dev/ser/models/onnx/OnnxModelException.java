package dev.ser.models.onnx;

/**
 * An ONNX model cannot be used: the base of the typed failures of this package. Messages say
 * what was expected and what was found, and name the model's source (file or bytes).
 */
public class OnnxModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OnnxModelException(String message) {
        super(message);
    }

    public OnnxModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
