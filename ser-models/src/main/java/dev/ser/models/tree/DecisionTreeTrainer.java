package dev.ser.models.tree;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.models.FeatureTable;
import dev.ser.models.Trainer;
import dev.ser.models.TrainingListener;
import dev.ser.models.util.SplitMix64;
import java.util.Arrays;
import java.util.Objects;

/**
 * Trains a CART classification tree ({@link DecisionTreeModel}) with scikit-learn
 * {@code DecisionTreeClassifier} semantics (see {@link TreeBuilder}). Deterministic for a seed.
 */
public final class DecisionTreeTrainer implements Trainer<DecisionTreeModel> {

    /** The model type written to model files. */
    public static final String MODEL_TYPE = "decision_tree";

    private final DecisionTreeConfig config;

    /** A trainer with the given hyper-parameters. */
    public DecisionTreeTrainer(DecisionTreeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The hyper-parameters. */
    public DecisionTreeConfig config() {
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
    public DecisionTreeModel fit(FeatureTable table, TrainingListener listener) {
        Presorted data = Presorted.of(table.rawData(), table.rows(), table.cols());
        double[] weight = new double[table.rows()];
        Arrays.fill(weight, 1.0);
        Tree tree = TreeBuilder.classification(data, table.labels(), table.numClasses(), weight, config.criterion(),
                config.limits(table.cols()), new SplitMix64(config.seed()));
        return new DecisionTreeModel(table.labelNames(), table.cols(), tree, config);
    }
}
