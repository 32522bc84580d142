package dev.ser.models.knn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.FeatureTable;
import dev.ser.models.Trainer;
import dev.ser.models.TrainingListener;
import java.util.Objects;

/** "Trains" a {@link KnnModel}: stores the training rows. Features should be standardised first. */
public final class KnnTrainer implements Trainer<KnnModel> {

    /** The model type written to model files. */
    public static final String MODEL_TYPE = "knn";

    private final KnnConfig config;

    /** A trainer with the given hyper-parameters. */
    public KnnTrainer(KnnConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The hyper-parameters. */
    public KnnConfig config() {
        return config;
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public ObjectNode hyperParameters() {
        return config.toJson();
    }

    @Override
    public KnnModel fit(FeatureTable table, TrainingListener listener) {
        return new KnnModel(table.labelNames(), config, table.rawData(), table.labels(), table.cols());
    }
}
