package dev.ser.models.ensemble;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.io.ModelCodec;
import dev.ser.models.io.NamedArray;
import dev.ser.models.io.StoredArrays;
import dev.ser.models.tree.StoredInts;
import dev.ser.models.tree.TreeArrays;
import java.util.List;

/**
 * Model-file codec of {@link ForestModel}. Description: {@code params}, {@code n_trees}. Arrays:
 * {@code forest.*} as {@link TreeArrays}, one value per class.
 */
public final class ForestCodec implements ModelCodec<ForestModel> {

    @Override
    public String modelType() {
        return RandomForestTrainer.MODEL_TYPE;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<ForestModel> modelClass() {
        return ForestModel.class;
    }

    @Override
    public ObjectNode describe(ForestModel model) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("params", model.config().toJson());
        o.put("n_trees", model.trees().size());
        return o;
    }

    @Override
    public List<NamedArray> arrays(ForestModel model) {
        return TreeArrays.encode("forest", model.trees(), model.labels().size());
    }

    @Override
    public ForestModel read(ObjectNode d, List<String> labels, int numFeatures, StoredArrays arrays, int version) {
        RandomForestConfig config = RandomForestConfig.fromJson(d.path("params"));
        int n = StoredInts.count(d, "n_trees", 1, 1_000_000);
        return new ForestModel(labels, numFeatures, TreeArrays.decode(arrays, "forest", n, labels.size(), numFeatures),
                config);
    }
}
