package dev.ser.models.linear;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.io.ModelCodec;
import dev.ser.models.io.NamedArray;
import dev.ser.models.io.StoredArrays;
import java.util.List;

/**
 * Model-file codec of {@link LogisticRegressionModel}. Description: {@code params}. Arrays:
 * {@code logreg.weights} ({@code n_features x n_classes}), {@code logreg.intercepts}.
 */
public final class LogisticRegressionCodec implements ModelCodec<LogisticRegressionModel> {

    @Override
    public String modelType() {
        return LogisticRegressionTrainer.MODEL_TYPE;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<LogisticRegressionModel> modelClass() {
        return LogisticRegressionModel.class;
    }

    @Override
    public ObjectNode describe(LogisticRegressionModel model) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("params", model.config().toJson());
        return o;
    }

    @Override
    public List<NamedArray> arrays(LogisticRegressionModel model) {
        return List.of(new NamedArray("logreg.weights", new int[] {model.numFeatures(), model.labels().size()},
                model.weights()), NamedArray.vector("logreg.intercepts", model.intercepts()));
    }

    @Override
    public LogisticRegressionModel read(ObjectNode d, List<String> labels, int numFeatures, StoredArrays arrays,
                                        int version) {
        LogisticRegressionConfig config = LogisticRegressionConfig.fromJson(d.path("params"));
        return new LogisticRegressionModel(labels, numFeatures,
                arrays.get("logreg.weights", numFeatures, labels.size()),
                arrays.get("logreg.intercepts", labels.size()), config);
    }
}
