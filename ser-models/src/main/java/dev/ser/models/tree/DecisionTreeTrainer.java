package dev.ser.models.tree;

import dev.ser.models.ConfiguredTrainer;
import dev.ser.models.FeatureTable;
import dev.ser.models.TrainingListener;
import dev.ser.models.util.SplitMix64;
import java.util.Arrays;

/**
 * Trains a CART classification tree ({@link DecisionTreeModel}) with scikit-learn
 * {@code DecisionTreeClassifier} semantics (see {@link TreeBuilder}). Deterministic for a seed.
 */
public final class DecisionTreeTrainer extends ConfiguredTrainer<DecisionTreeConfig, DecisionTreeModel> {

    /** The model type written to model files. */
    public static final String MODEL_TYPE = "decision_tree";

    /** A trainer with the given hyper-parameters. */
    public DecisionTreeTrainer(DecisionTreeConfig config) {
        super(MODEL_TYPE, config);
    }

    @Override
    public DecisionTreeModel fit(FeatureTable table, TrainingListener listener) {
        Presorted data = Presorted.of(table.rawData(), table.rows(), table.cols());
        double[] weight = new double[table.rows()];
        Arrays.fill(weight, 1.0);
        Tree tree = TreeBuilder.classification(data, table.labels(), table.numClasses(), weight, config.criterion(),
                config.limits(table.cols()), new SplitMix64(config.seed()));
        return new DecisionTreeModel(table.labelNames(), table.cols(), tree, config);
    }
}
