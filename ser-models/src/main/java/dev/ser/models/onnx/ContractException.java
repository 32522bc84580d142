package dev.ser.models.onnx;

/**
 * The model's contract (see {@link ModelContract}) is missing or malformed: no
 * {@value ModelContract#METADATA_KEY} metadata entry and no side-car file, unparsable JSON, an
 * unknown field value or inconsistent fields.
 */
public class ContractException extends OnnxModelException {
    private static final long serialVersionUID = 1L;

    public ContractException(String message) {
        super(message);
    }

    public ContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
