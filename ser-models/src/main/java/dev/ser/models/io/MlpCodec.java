package dev.ser.models.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.mlp.Activation;
import dev.ser.models.mlp.MlpModel;
import dev.ser.models.mlp.MlpTrainer;
import java.util.ArrayList;
import java.util.List;

/**
 * Model-file codec of {@link MlpModel}. Description: {@code layer_sizes}, {@code activation},
 * {@code epochs}, {@code converged}. Arrays: {@code mlp.coefs.<l>} ({@code in x out}),
 * {@code mlp.intercepts.<l>} ({@code out}), {@code mlp.loss_curve}, {@code mlp.validation_scores}.
 */
public final class MlpCodec implements ModelCodec<MlpModel> {

    @Override
    public String modelType() {
        return MlpTrainer.MODEL_TYPE;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<MlpModel> modelClass() {
        return MlpModel.class;
    }

    @Override
    public ObjectNode describe(MlpModel model) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        var sizes = o.putArray("layer_sizes");
        for (int s : model.layerSizes()) {
            sizes.add(s);
        }
        o.put("activation", model.activation().sklearnName());
        o.put("epochs", model.history().epochs());
        o.put("converged", model.history().converged());
        return o;
    }

    @Override
    public List<NamedArray> arrays(MlpModel model) {
        int[] sizes = model.layerSizes();
        List<NamedArray> out = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            out.add(new NamedArray("mlp.coefs." + l, new int[] {sizes[l], sizes[l + 1]}, model.coefs(l)));
            out.add(NamedArray.vector("mlp.intercepts." + l, model.intercepts(l)));
        }
        out.add(NamedArray.vector("mlp.loss_curve", model.history().lossCurve()));
        out.add(NamedArray.vector("mlp.validation_scores", model.history().validationScores()));
        return out;
    }

    @Override
    public MlpModel read(ObjectNode d, List<String> labels, int numFeatures, StoredArrays arrays, int version) {
        JsonNode sizesNode = d.get("layer_sizes");
        if (sizesNode == null || !sizesNode.isArray() || sizesNode.size() < 2 || sizesNode.size() > 1000) {
            throw new IllegalArgumentException("layer_sizes must be an array of 2 to 1000 sizes");
        }
        int[] sizes = new int[sizesNode.size()];
        for (int i = 0; i < sizes.length; i++) {
            JsonNode s = sizesNode.get(i);
            if (!s.isIntegralNumber() || !s.canConvertToInt() || s.intValue() < 1) {
                throw new IllegalArgumentException("layer size " + s + " is not a positive int");
            }
            sizes[i] = s.intValue();
        }
        if (sizes[0] != numFeatures || sizes[sizes.length - 1] != labels.size()) {
            throw new IllegalArgumentException("layer_sizes " + java.util.Arrays.toString(sizes) + " do not match "
                    + numFeatures + " features and " + labels.size() + " labels");
        }
        Activation act = Activation.fromSklearnName(d.path("activation").asText("?"));
        long total = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            total += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("network too large");
        }
        double[] params = new double[(int) total];
        int off = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            double[] w = arrays.get("mlp.coefs." + l, sizes[l], sizes[l + 1]);
            System.arraycopy(w, 0, params, off, w.length);
            off += w.length;
            double[] b = arrays.get("mlp.intercepts." + l, sizes[l + 1]);
            System.arraycopy(b, 0, params, off, b.length);
            off += b.length;
        }
        double[] loss = arrays.array("mlp.loss_curve").data();
        double[] val = arrays.array("mlp.validation_scores").data();
        MlpModel.History h = new MlpModel.History(loss, val, d.path("epochs").asInt(loss.length),
                d.path("converged").asBoolean(false));
        return new MlpModel(labels, sizes, act, params, h);
    }
}
