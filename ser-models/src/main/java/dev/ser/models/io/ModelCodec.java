package dev.ser.models.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.Classifier;
import java.util.List;

/**
 * Converts one model type to and from the parts of a model file: a JSON description (small
 * metadata such as layer sizes) and named float64 arrays (the parameters). Register
 * implementations with {@link ModelCodecs#register}.
 *
 * @param <M> the model class
 */
public interface ModelCodec<M extends Classifier> {

    /** The model type written to and matched in files, e.g. {@code "mlp"}. */
    String modelType();

    /** Version of this type's layout; files with a higher version are refused. */
    int version();

    /** The model class. */
    Class<M> modelClass();

    /** Metadata of {@code model} as JSON (labels and features are stored by the container). */
    ObjectNode describe(M model);

    /** The arrays of {@code model}; names unique, conventionally prefixed with the model type. */
    List<NamedArray> arrays(M model);

    /**
     * Rebuilds a model.
     *
     * @param description {@link #describe}'s output as read back
     * @param labels      the class names
     * @param numFeatures the number of input features
     * @param arrays      the stored arrays
     * @param version     the type version the file was written with ({@code <= version()})
     * @throws IllegalArgumentException when the description or arrays are inconsistent (the caller
     *                                  reports it as {@link ModelFileException.Problem#MALFORMED})
     */
    M read(ObjectNode description, List<String> labels, int numFeatures, StoredArrays arrays, int version);
}
