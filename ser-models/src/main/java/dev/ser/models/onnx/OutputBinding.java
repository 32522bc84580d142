package dev.ser.models.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The graph output holding the class scores and how to read it: a float tensor
 * {@code [batch, classes]}, or scikit-learn's (skl2onnx's) sequence of {class: probability} maps.
 */
final class OutputBinding {
    /** Slack for float32 probabilities: per value, and per class for the sum. */
    private static final double PROBABILITY_TOLERANCE = 1e-4;
    private static final List<String> PROBABILITY_NAMES = List.of("probabilities", "output_probability", "probs");

    final NodeSpec spec;
    private final boolean sequenceOfMaps;
    private final List<String> labels;
    private final Map<String, Integer> labelIndex = new HashMap<>();
    private final boolean logits;
    private final String source;

    private OutputBinding(NodeSpec spec, boolean sequenceOfMaps, ModelContract contract, String source) {
        this.spec = spec;
        this.sequenceOfMaps = sequenceOfMaps;
        this.labels = contract.labels();
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.put(labels.get(i), i);
        }
        this.logits = contract.outputKind() == OutputKind.LOGITS;
        this.source = source;
    }

    static OutputBinding bind(List<NodeSpec> outputs, ModelContract contract, String source) {
        NodeSpec spec = select(outputs, contract.outputName(), source);
        if (spec.kind() == NodeSpec.Kind.SEQUENCE) {
            String el = spec.elementType();
            boolean ok = el.startsWith("MAP<") && (el.contains("STRING,") || el.contains("INT64,"))
                    && (el.endsWith("FLOAT>") || el.endsWith("DOUBLE>"));
            if (!ok) {
                throw InputBinding.mismatch(source, "output " + spec + " is a sequence, but not of "
                        + "{label or class index: probability} maps");
            }
            return new OutputBinding(spec, true, contract, source);
        }
        if (spec.kind() != NodeSpec.Kind.TENSOR || !isFloating(spec)) {
            throw InputBinding.mismatch(source, "output " + spec + " must be a FLOAT tensor [batch, "
                    + contract.labels().size() + "] or a sequence of maps");
        }
        if (spec.rank() != 2) {
            throw InputBinding.mismatch(source, "output " + spec + " must have rank 2 [batch, classes], not "
                    + spec.rank());
        }
        long classes = spec.dim(1);
        if (classes != -1 && classes != contract.labels().size()) {
            throw InputBinding.mismatch(source, "output " + spec + " has " + classes + " classes, but the contract "
                    + "has " + contract.labels().size() + " labels " + contract.labels());
        }
        return new OutputBinding(spec, false, contract, source);
    }

    private static boolean isFloating(NodeSpec s) {
        return s.elementType().equals(OnnxJavaType.FLOAT.name()) || s.elementType().equals(OnnxJavaType.DOUBLE.name());
    }

    private static NodeSpec select(List<NodeSpec> outputs, String name, String source) {
        if (name != null) {
            for (NodeSpec s : outputs) {
                if (s.name().equals(name)) {
                    return s;
                }
            }
            throw InputBinding.mismatch(source, "the contract names output '" + name + "', but the graph's outputs are "
                    + outputs);
        }
        for (NodeSpec s : outputs) {
            if (s.kind() == NodeSpec.Kind.SEQUENCE) {
                return s;
            }
        }
        for (NodeSpec s : outputs) {
            if (PROBABILITY_NAMES.contains(s.name().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        List<NodeSpec> floats = outputs.stream().filter(s -> s.kind() == NodeSpec.Kind.TENSOR && isFloating(s)).toList();
        if (floats.size() == 1) {
            return floats.get(0);
        }
        throw InputBinding.mismatch(source, "cannot tell which of the outputs " + outputs
                + " holds the class scores; name it in the contract's output.name");
    }

    /** Probabilities per example, {@code batch} rows of {@code labels.size()} values. */
    double[][] read(OnnxValue value, int batch) throws OrtException {
        double[][] out = sequenceOfMaps ? readMaps((OnnxSequence) value, batch) : readTensor((OnnxTensor) value, batch);
        for (double[] row : out) {
            if (logits) {
                softmaxInPlace(row);
            } else {
                checkProbabilities(row);
            }
        }
        return out;
    }

    /**
     * Scores declared as probabilities must look like them (float32 rounding aside): a model
     * that really returns logits would otherwise give meaningless "probabilities" silently.
     */
    private void checkProbabilities(double[] row) {
        double sum = 0;
        for (double v : row) {
            if (!(v >= -PROBABILITY_TOLERANCE) || v > 1 + PROBABILITY_TOLERANCE) {
                throw notProbabilities(row, "a value " + v + " outside [0, 1]");
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE * row.length) {
            throw notProbabilities(row, "values summing to " + sum);
        }
    }

    private ContractMismatchException notProbabilities(double[] row, String what) {
        return new ContractMismatchException(source + ": output '" + spec.name() + "' is declared as probabilities, "
                + "but it gave " + what + " " + java.util.Arrays.toString(row)
                + "; if the model returns unnormalised scores, set output.kind to logits");
    }

    private double[][] readTensor(OnnxTensor t, int batch) {
        int n = labels.size();
        long[] shape = t.getInfo().getShape();
        if (shape.length != 2 || shape[0] != batch || shape[1] != n) {
            throw new ContractMismatchException(source + ": output '" + spec.name() + "' came out with shape "
                    + java.util.Arrays.toString(shape) + "; expected [" + batch + ", " + n + "] (one score per label "
                    + labels + ")");
        }
        double[][] out = new double[batch][n];
        if (t.getInfo().type == OnnxJavaType.DOUBLE) {
            DoubleBuffer b = t.getDoubleBuffer();
            for (double[] row : out) {
                b.get(row);
            }
        } else {
            FloatBuffer b = t.getFloatBuffer();
            for (double[] row : out) {
                for (int j = 0; j < n; j++) {
                    row[j] = b.get();
                }
            }
        }
        return out;
    }

    private double[][] readMaps(OnnxSequence seq, int batch) throws OrtException {
        // The sequence hands out native map values that it does not own: close each one here.
        List<? extends OnnxValue> maps = seq.getValue();
        try {
            if (maps.size() != batch) {
                throw new ContractMismatchException(source + ": output '" + spec.name() + "' holds " + maps.size()
                        + " maps for a batch of " + batch);
            }
            double[][] out = new double[batch][];
            for (int i = 0; i < batch; i++) {
                out[i] = fromMap(((OnnxMap) maps.get(i)).getValue());
            }
            return out;
        } finally {
            maps.forEach(OnnxValue::close);
        }
    }

    private double[] fromMap(Map<?, ?> map) {
        double[] row = new double[labels.size()];
        if (map.size() != labels.size()) {
            throw new ContractMismatchException(source + ": output '" + spec.name() + "' has " + map.size()
                    + " classes " + map.keySet() + ", but the contract has " + labels.size() + " labels " + labels);
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            row[indexOf(e.getKey())] = ((Number) e.getValue()).doubleValue();
        }
        return row;
    }

    private int indexOf(Object key) {
        if (key instanceof String s) {
            Integer i = labelIndex.get(s);
            if (i == null) {
                throw new ContractMismatchException(source + ": output '" + spec.name() + "' has class '" + s
                        + "', which is not among the contract's labels " + labels);
            }
            return i;
        }
        long k = ((Number) key).longValue();
        if (k < 0 || k >= labels.size()) {
            throw new ContractMismatchException(source + ": output '" + spec.name() + "' has class index " + k
                    + ", outside the contract's " + labels.size() + " labels");
        }
        return (int) k;
    }

    /** Numerically stable softmax: subtracting the maximum keeps exp from overflowing. */
    static void softmaxInPlace(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = 0; i < z.length; i++) {
            z[i] /= sum;
        }
    }
}
