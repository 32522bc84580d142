package dev.ser.models.ensemble;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.io.ModelCodec;
import dev.ser.models.io.NamedArray;
import dev.ser.models.io.StoredArrays;
import dev.ser.models.tree.TreeArrays;
import java.util.ArrayList;
import java.util.List;

/**
 * Model-file codec of {@link GradientBoostingModel}. Description: {@code params}. Arrays:
 * {@code gb.init} (one score per tree column) and {@code gb.*} as {@link TreeArrays}
 * ({@code n_estimators * columns} regression trees, stage-major).
 */
public final class GradientBoostingCodec implements ModelCodec<GradientBoostingModel> {

    @Override
    public String modelType() {
        return GradientBoostingTrainer.MODEL_TYPE;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<GradientBoostingModel> modelClass() {
        return GradientBoostingModel.class;
    }

    @Override
    public ObjectNode describe(GradientBoostingModel model) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("params", model.config().toJson());
        return o;
    }

    @Override
    public List<NamedArray> arrays(GradientBoostingModel model) {
        List<NamedArray> out = new ArrayList<>();
        out.add(NamedArray.vector("gb.init", model.init()));
        out.addAll(TreeArrays.encode("gb", model.trees(), 1));
        return out;
    }

    @Override
    public GradientBoostingModel read(ObjectNode d, List<String> labels, int numFeatures, StoredArrays arrays,
                                      int version) {
        GradientBoostingConfig config = GradientBoostingConfig.fromJson(d.path("params"));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("gradient boosting needs at least two labels");
        }
        int k = GradientBoostingModel.treesPerStage(labels.size());
        double[] init = arrays.get("gb.init", k);
        long trees = (long) config.nEstimators() * k;
        if (trees > 10_000_000) {
            throw new IllegalArgumentException(trees + " boosting trees is too many");
        }
        return new GradientBoostingModel(labels, numFeatures, init,
                TreeArrays.decode(arrays, "gb", (int) trees, 1, numFeatures), config);
    }
}
