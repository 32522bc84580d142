package dev.ser.models.onnx;

import ai.onnxruntime.OnnxJavaType;
import java.util.List;

/**
 * The graph input a model is fed through, checked against its contract: which layout the tensor
 * has, whether its batch and time axes are fixed, and whether it takes floats or doubles.
 */
final class InputBinding {
    final NodeSpec spec;
    final boolean doubles;
    /** Whether the tensor has a singleton channel axis after the batch axis. */
    final boolean channelAxis;
    /** Values per time step (features for POOLED, coefficients for FRAMES, 1 for WAVEFORM). */
    final int valuesPerStep;
    /** The fixed time-axis length, or -1 when dynamic (always -1 for POOLED, which has no time axis). */
    final int fixedSteps;
    /** Whether the batch axis accepts more than one example. */
    final boolean batchable;

    private InputBinding(NodeSpec spec, boolean doubles, boolean channelAxis, int valuesPerStep, int fixedSteps,
                         boolean batchable) {
        this.spec = spec;
        this.doubles = doubles;
        this.channelAxis = channelAxis;
        this.valuesPerStep = valuesPerStep;
        this.fixedSteps = fixedSteps;
        this.batchable = batchable;
    }

    static InputBinding bind(List<NodeSpec> inputs, ModelContract contract, String source) {
        NodeSpec spec = select(inputs, contract.inputName(), source);
        if (spec.kind() != NodeSpec.Kind.TENSOR) {
            throw mismatch(source, "input '" + spec.name() + "' must be a tensor, but it is " + spec);
        }
        boolean doubles = spec.elementType().equals(OnnxJavaType.DOUBLE.name());
        if (!doubles && !spec.elementType().equals(OnnxJavaType.FLOAT.name())) {
            throw mismatch(source, "input '" + spec.name() + "' must take FLOAT (or DOUBLE) values, but it takes "
                    + spec.elementType());
        }
        int n = contract.valuesPerStep();
        InputKind kind = contract.inputKind();
        String expected = switch (kind) {
            case POOLED -> "[batch, " + n + "]";
            case FRAMES -> "[batch, " + n + ", frames] or [batch, 1, " + n + ", frames]";
            case WAVEFORM -> "[batch, samples] or [batch, 1, samples]";
        };
        int rank = spec.rank();
        boolean channel = switch (kind) {
            case POOLED -> false;
            case FRAMES -> rank == 4;
            case WAVEFORM -> rank == 3;
        };
        int expectedRank = switch (kind) {
            case POOLED -> 2;
            case FRAMES -> channel ? 4 : 3;
            case WAVEFORM -> channel ? 3 : 2;
        };
        if (rank != expectedRank) {
            throw mismatch(source, "a " + kind.key() + " model takes " + expected + ", but input " + spec
                    + " has rank " + rank);
        }
        if (channel && spec.dim(1) != 1 && spec.dim(1) != -1) {
            throw mismatch(source, "input " + spec + ": the channel axis (dimension 1) must be 1 for " + expected);
        }
        long batch = spec.dim(0);
        if (batch != -1 && batch != 1) {
            throw mismatch(source, "input " + spec + ": the batch axis is fixed at " + batch
                    + "; it must be dynamic or 1");
        }
        int stepAxis = channel ? 2 : 1;
        int fixedSteps = -1;
        if (kind != InputKind.WAVEFORM) {
            long perStep = spec.dim(stepAxis);
            if (perStep != -1 && perStep != n) {
                throw mismatch(source, describeCountMismatch(contract, spec, perStep, expected));
            }
        }
        if (kind != InputKind.POOLED) {
            long t = spec.dim(rank - 1);
            fixedSteps = t > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) t;
        }
        return new InputBinding(spec, doubles, channel, n, fixedSteps, batch == -1);
    }

    private static String describeCountMismatch(ModelContract c, NodeSpec spec, long got, String expected) {
        if (c.inputKind() == InputKind.POOLED) {
            return "input " + spec + " takes " + got + " features per example, but the contract's feature "
                    + "configuration gives " + c.valuesPerStep() + " (" + c.features().features() + "); expected "
                    + expected;
        }
        return "input " + spec + " takes " + got + " coefficients per frame, but the contract's "
                + c.frameFeature().key() + " has " + c.valuesPerStep() + "; expected " + expected;
    }

    private static NodeSpec select(List<NodeSpec> inputs, String name, String source) {
        if (name != null) {
            for (NodeSpec s : inputs) {
                if (s.name().equals(name)) {
                    return s;
                }
            }
            throw mismatch(source, "the contract names input '" + name + "', but the graph's inputs are " + inputs);
        }
        if (inputs.size() != 1) {
            throw mismatch(source, "the graph has " + inputs.size() + " inputs " + inputs
                    + "; name the one to feed in the contract's input.name");
        }
        return inputs.get(0);
    }

    /** The tensor shape for {@code batch} examples of {@code steps} time steps each. */
    long[] shape(InputKind kind, int batch, int steps) {
        return switch (kind) {
            case POOLED -> new long[] {batch, valuesPerStep};
            case FRAMES -> channelAxis ? new long[] {batch, 1, valuesPerStep, steps}
                    : new long[] {batch, valuesPerStep, steps};
            case WAVEFORM -> channelAxis ? new long[] {batch, 1, steps} : new long[] {batch, steps};
        };
    }

    static ContractMismatchException mismatch(String source, String message) {
        return new ContractMismatchException(source + ": " + message);
    }
}
