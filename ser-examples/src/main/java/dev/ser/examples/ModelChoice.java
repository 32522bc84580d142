package dev.ser.examples;

import dev.ser.features.FeatureConfig;
import dev.ser.models.ScaledTrainer;
import dev.ser.models.Trainer;
import dev.ser.models.ensemble.RandomForestConfig;
import dev.ser.models.ensemble.RandomForestTrainer;
import dev.ser.models.mlp.LearningRate;
import dev.ser.models.mlp.MlpConfig;
import dev.ser.models.mlp.MlpTrainer;
import dev.ser.models.recognize.EmotionRecognizer;
import dev.ser.models.svm.Gamma;
import dev.ser.models.svm.Kernel;
import dev.ser.models.svm.SvmConfig;
import dev.ser.models.svm.SvmTrainer;

/**
 * The models the command line trains, each with the settings of the classic scikit-learn recipes,
 * standardised inside every fit and carrying the feature configuration into the model file.
 */
public enum ModelChoice {
    /** {@code MLPClassifier((300,), alpha=0.01, batch_size=256, learning_rate='adaptive', max_iter=500)}. */
    MLP,
    /** {@code SVC(kernel='rbf', C=10, gamma='scale', probability=True)}. */
    SVM,
    /** {@code RandomForestClassifier(n_estimators=300)}. */
    FOREST;

    /** The recipe's MLP settings. */
    public static MlpConfig.Builder recipeMlp(long seed) {
        return MlpConfig.builder().hiddenLayerSizes(300).alpha(0.01).batchSize(256)
                .learningRate(LearningRate.ADAPTIVE).maxIter(500).seed(seed);
    }

    /** A standardising trainer of this model for features made with {@code config}. */
    public Trainer<?> trainer(FeatureConfig config, long seed) {
        var features = EmotionRecognizer.featureConfigJson(config);
        return switch (this) {
            case MLP -> new ScaledTrainer<>(new MlpTrainer(recipeMlp(seed).build()), features, true);
            case SVM -> new ScaledTrainer<>(new SvmTrainer(SvmConfig.builder().c(10).kernel(Kernel.RBF)
                    .gamma(Gamma.SCALE).probability(true).seed(seed).build()), features, true);
            case FOREST -> new ScaledTrainer<>(new RandomForestTrainer(RandomForestConfig.builder().nEstimators(300)
                    .seed(seed).threads(Runtime.getRuntime().availableProcessors()).build()), features, true);
        };
    }
}
