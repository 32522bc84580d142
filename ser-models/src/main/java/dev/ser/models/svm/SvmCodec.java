package dev.ser.models.svm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.io.ModelCodec;
import dev.ser.models.io.NamedArray;
import dev.ser.models.io.StoredArrays;
import dev.ser.models.tree.Json;
import dev.ser.models.tree.StoredInts;
import java.util.ArrayList;
import java.util.List;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;

/**
 * Model-file codec of {@link SvmModel}: LIBSVM's model as arrays. Description: {@code params},
 * {@code gamma} (resolved), {@code n_classes} (classes present), {@code n_sv} (total support
 * vectors), {@code probability}. Arrays: {@code svm.sv} ({@code n_sv x n_features}),
 * {@code svm.sv_coef} ({@code (n_classes-1) x n_sv}), {@code svm.rho}, and with probability
 * {@code svm.prob_a}, {@code svm.prob_b} (one per class pair), {@code svm.label} (class index per
 * LIBSVM class), {@code svm.n_sv} (support vectors per LIBSVM class).
 */
public final class SvmCodec implements ModelCodec<SvmModel> {

    @Override
    public String modelType() {
        return SvmTrainer.MODEL_TYPE;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<SvmModel> modelClass() {
        return SvmModel.class;
    }

    @Override
    public ObjectNode describe(SvmModel model) {
        svm_model m = model.libsvmModel();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("params", model.config().toJson());
        o.put("gamma", model.gamma());
        o.put("n_classes", m.nr_class);
        o.put("n_sv", m.l);
        o.put("probability", model.hasProbabilityModel());
        return o;
    }

    @Override
    public List<NamedArray> arrays(SvmModel model) {
        svm_model m = model.libsvmModel();
        int d = model.numFeatures();
        int k = m.nr_class;
        double[] sv = new double[m.l * d];
        for (int i = 0; i < m.l; i++) {
            for (svm_node node : m.SV[i]) {
                sv[i * d + node.index - 1] = node.value;
            }
        }
        double[] coef = new double[(k - 1) * m.l];
        for (int r = 0; r < k - 1; r++) {
            System.arraycopy(m.sv_coef[r], 0, coef, r * m.l, m.l);
        }
        int pairs = k * (k - 1) / 2;
        List<NamedArray> out = new ArrayList<>();
        out.add(new NamedArray("svm.sv", new int[] {m.l, d}, sv));
        out.add(new NamedArray("svm.sv_coef", new int[] {k - 1, m.l}, coef));
        out.add(NamedArray.vector("svm.rho", java.util.Arrays.copyOf(m.rho, pairs)));
        if (model.hasProbabilityModel()) {
            out.add(NamedArray.vector("svm.prob_a", java.util.Arrays.copyOf(m.probA, pairs)));
            out.add(NamedArray.vector("svm.prob_b", java.util.Arrays.copyOf(m.probB, pairs)));
        }
        out.add(NamedArray.vector("svm.label", StoredInts.toDoubles(m.label)));
        out.add(NamedArray.vector("svm.n_sv", StoredInts.toDoubles(m.nSV)));
        return out;
    }

    @Override
    public SvmModel read(ObjectNode d, List<String> labels, int numFeatures, StoredArrays arrays, int version) {
        SvmConfig config = SvmConfig.fromJson(d.path("params"));
        double gamma = Json.doubleOr(d, "gamma", Double.NaN);
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
        }
        int k = StoredInts.count(d, "n_classes", 1, labels.size());
        int l = StoredInts.count(d, "n_sv", 0, Integer.MAX_VALUE);
        boolean probability = Json.boolOr(d, "probability", false);
        int pairs = k * (k - 1) / 2;
        int[] label = StoredInts.of(arrays.get("svm.label", k), "svm.label", 0, labels.size() - 1);
        for (int i = 1; i < k; i++) {
            if (label[i] <= label[i - 1]) {
                throw new IllegalArgumentException("svm.label must be strictly increasing class indices");
            }
        }
        int[] nSv = StoredInts.of(arrays.get("svm.n_sv", k), "svm.n_sv", 0, l);
        long sum = 0;
        for (int c : nSv) {
            sum += c;
        }
        if (sum != l) {
            throw new IllegalArgumentException("svm.n_sv sums to " + sum + ", n_sv is " + l);
        }
        double[] sv = arrays.get("svm.sv", l, numFeatures);
        double[] coef = arrays.get("svm.sv_coef", k - 1, l);
        double[] rho = arrays.get("svm.rho", pairs);
        requireFinite(sv, "svm.sv");
        requireFinite(coef, "svm.sv_coef");
        requireFinite(rho, "svm.rho");
        svm_model m = new svm_model();
        m.param = new svm_parameter();
        m.param.svm_type = svm_parameter.C_SVC;
        m.param.kernel_type = config.kernel().libsvmType();
        m.param.degree = config.degree();
        m.param.gamma = gamma;
        m.param.coef0 = config.coef0();
        m.nr_class = k;
        m.l = l;
        m.SV = new svm_node[l][];
        for (int i = 0; i < l; i++) {
            m.SV[i] = SvmModel.nodes(sv, i * numFeatures, numFeatures);
        }
        m.sv_coef = new double[k - 1][];
        for (int r = 0; r < k - 1; r++) {
            m.sv_coef[r] = java.util.Arrays.copyOfRange(coef, r * l, (r + 1) * l);
        }
        m.rho = rho;
        if (probability) {
            m.probA = arrays.get("svm.prob_a", pairs);
            m.probB = arrays.get("svm.prob_b", pairs);
            requireFinite(m.probA, "svm.prob_a");
            requireFinite(m.probB, "svm.prob_b");
        }
        m.label = label;
        m.nSV = nSv;
        return new SvmModel(labels, numFeatures, m, config, gamma);
    }

    private static void requireFinite(double[] a, String name) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("array " + name + " holds " + v);
            }
        }
    }
}
