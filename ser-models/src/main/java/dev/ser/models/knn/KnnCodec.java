package dev.ser.models.knn;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.io.ModelCodec;
import dev.ser.models.io.NamedArray;
import dev.ser.models.io.StoredArrays;
import dev.ser.models.tree.StoredInts;
import java.util.List;

/**
 * Model-file codec of {@link KnnModel}. Description: {@code params}, {@code n_samples}. Arrays:
 * {@code knn.x} ({@code n_samples x n_features}), {@code knn.y} (class indices).
 */
public final class KnnCodec implements ModelCodec<KnnModel> {

    @Override
    public String modelType() {
        return KnnTrainer.MODEL_TYPE;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<KnnModel> modelClass() {
        return KnnModel.class;
    }

    @Override
    public ObjectNode describe(KnnModel model) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("params", model.config().toJson());
        o.put("n_samples", model.trainingLabels().length);
        return o;
    }

    @Override
    public List<NamedArray> arrays(KnnModel model) {
        int[] y = model.trainingLabels();
        return List.of(new NamedArray("knn.x", new int[] {y.length, model.numFeatures()}, model.trainingData()),
                NamedArray.vector("knn.y", StoredInts.toDoubles(y)));
    }

    @Override
    public KnnModel read(ObjectNode d, List<String> labels, int numFeatures, StoredArrays arrays, int version) {
        KnnConfig config = KnnConfig.fromJson(d.path("params"));
        int n = StoredInts.count(d, "n_samples", 1, Integer.MAX_VALUE);
        double[] x = arrays.get("knn.x", n, numFeatures);
        int[] y = StoredInts.of(arrays.get("knn.y", n), "knn.y", 0, labels.size() - 1);
        return new KnnModel(labels, config, x, y, numFeatures);
    }
}
