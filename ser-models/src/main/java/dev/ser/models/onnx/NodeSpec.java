package dev.ser.models.onnx;

import java.util.Arrays;
import java.util.Objects;

/**
 * One input or output of an ONNX graph, as ONNX Runtime reports it.
 *
 * @param name        the graph's name for it
 * @param kind        tensor, sequence, map or other
 * @param elementType for a tensor its element type ({@code FLOAT}, {@code INT64}, ...); for a
 *                    sequence of maps {@code MAP<key,value>}; otherwise the runtime's description
 * @param shape       a tensor's dimensions, {@code -1} for a dynamic (symbolic) one; empty otherwise
 */
public record NodeSpec(String name, Kind kind, String elementType, long[] shape) {

    /** What sort of value. */
    public enum Kind {
        TENSOR, SEQUENCE, MAP, OTHER
    }

    public NodeSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(elementType, "elementType");
        shape = shape.clone();
    }

    /** A copy of the dimensions. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The number of dimensions (0 for non-tensors). */
    public int rank() {
        return shape.length;
    }

    /** Dimension {@code i}, {@code -1} when dynamic. */
    public long dim(int i) {
        return shape[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeSpec n && name.equals(n.name) && kind == n.kind && elementType.equals(n.elementType)
                && Arrays.equals(shape, n.shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, elementType, Arrays.hashCode(shape));
    }

    /** For example {@code features: FLOAT[?, 193]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(": ");
        if (kind != Kind.TENSOR) {
            sb.append(kind).append(' ');
        }
        sb.append(elementType);
        if (kind == Kind.TENSOR) {
            sb.append('[');
            for (int i = 0; i < shape.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "?" : Long.toString(shape[i]));
            }
            sb.append(']');
        }
        return sb.toString();
    }
}
