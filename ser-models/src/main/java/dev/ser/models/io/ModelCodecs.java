package dev.ser.models.io;

import dev.ser.models.Classifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry of {@link ModelCodec}s by model type; the built-in codecs (MLP and the classic models)
 * are always present.
 */
public final class ModelCodecs {

    private static final Map<String, ModelCodec<?>> BY_TYPE = new ConcurrentHashMap<>();

    static {
        register(new MlpCodec());
        // the classic models (branch classic)
        register(new dev.ser.models.svm.SvmCodec());
        register(new dev.ser.models.tree.DecisionTreeCodec());
        register(new dev.ser.models.ensemble.ForestCodec());
        register(new dev.ser.models.ensemble.GradientBoostingCodec());
        register(new BaggingCodec());
        register(new dev.ser.models.knn.KnnCodec());
        register(new dev.ser.models.linear.LogisticRegressionCodec());
    }

    private ModelCodecs() {
    }

    /**
     * Registers a codec.
     *
     * @throws IllegalStateException when another codec already has its model type
     */
    public static void register(ModelCodec<?> codec) {
        ModelCodec<?> previous = BY_TYPE.putIfAbsent(codec.modelType(), codec);
        if (previous != null && previous != codec) {
            throw new IllegalStateException("model type " + codec.modelType() + " already registered by "
                    + previous.getClass().getName());
        }
    }

    /** The codec of a model type. */
    public static Optional<ModelCodec<?>> forType(String modelType) {
        return Optional.ofNullable(BY_TYPE.get(modelType));
    }

    /** The codec whose model class is exactly {@code model}'s class. */
    @SuppressWarnings("unchecked")
    public static <M extends Classifier> ModelCodec<M> forModel(M model) {
        for (ModelCodec<?> c : BY_TYPE.values()) {
            if (c.modelClass() == model.getClass()) {
                return (ModelCodec<M>) c;
            }
        }
        throw new IllegalArgumentException("no model codec registered for " + model.getClass().getName());
    }
}
