package dev.ser.models.onnx;

/** ONNX Runtime's graph optimisation levels. */
public enum OptimizationLevel {
    /** No graph optimisation. */
    NONE,
    /** Redundant-node removal and constant folding. */
    BASIC,
    /** Basic plus complex node fusions. */
    EXTENDED,
    /** Everything, including layout optimisations (ONNX Runtime's default). */
    ALL
}
