package dev.ser.models.onnx;

/**
 * The model's graph or an input disagrees with the contract: wrong input rank, wrong feature or
 * coefficient count, an unsupported element type, an output that does not have one value per
 * label, or features whose shape is not what the contract describes.
 */
public class ContractMismatchException extends OnnxModelException {
    private static final long serialVersionUID = 1L;

    public ContractMismatchException(String message) {
        super(message);
    }
}
