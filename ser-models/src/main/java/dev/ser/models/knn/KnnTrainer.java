package dev.ser.models.knn;

import dev.ser.models.ConfiguredTrainer;
import dev.ser.models.FeatureTable;
import dev.ser.models.TrainingListener;

/** "Trains" a {@link KnnModel}: stores the training rows. Features should be standardised first. */
public final class KnnTrainer extends ConfiguredTrainer<KnnConfig, KnnModel> {

    /** The model type written to model files. */
    public static final String MODEL_TYPE = "knn";

    /** A trainer with the given hyper-parameters. */
    public KnnTrainer(KnnConfig config) {
        super(MODEL_TYPE, config);
    }

    @Override
    public KnnModel fit(FeatureTable table, TrainingListener listener) {
        return new KnnModel(table.labelNames(), config, table.rawData(), table.labels(), table.cols());
    }
}
