package dev.ser.models.tree;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.io.ModelCodec;
import dev.ser.models.io.NamedArray;
import dev.ser.models.io.StoredArrays;
import java.util.List;

/**
 * Model-file codec of {@link DecisionTreeModel}. Description: {@code params} (the hyper-parameters).
 * Arrays: {@code tree.*} as {@link TreeArrays} with one tree and one value per class.
 */
public final class DecisionTreeCodec implements ModelCodec<DecisionTreeModel> {

    @Override
    public String modelType() {
        return DecisionTreeTrainer.MODEL_TYPE;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<DecisionTreeModel> modelClass() {
        return DecisionTreeModel.class;
    }

    @Override
    public ObjectNode describe(DecisionTreeModel model) {
        ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.set("params", model.config().toJson());
        return o;
    }

    @Override
    public List<NamedArray> arrays(DecisionTreeModel model) {
        return TreeArrays.encode("tree", List.of(model.tree()), model.labels().size());
    }

    @Override
    public DecisionTreeModel read(ObjectNode d, List<String> labels, int numFeatures, StoredArrays arrays,
                                  int version) {
        DecisionTreeConfig config = DecisionTreeConfig.fromJson(d.path("params"));
        Tree tree = TreeArrays.decode(arrays, "tree", 1, labels.size(), numFeatures).get(0);
        return new DecisionTreeModel(labels, numFeatures, tree, config);
    }
}
