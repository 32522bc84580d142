package dev.ser.models.onnx;

/**
 * The bytes are not a model ONNX Runtime can load (not ONNX at all, truncated, an unsupported
 * operator or opset), or the runtime failed while running it.
 */
public class InvalidModelException extends OnnxModelException {
    private static final long serialVersionUID = 1L;

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
