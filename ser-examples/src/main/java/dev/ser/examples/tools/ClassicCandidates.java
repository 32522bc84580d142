package dev.ser.examples.tools;

import dev.ser.models.ScaledTrainer;
import dev.ser.models.ensemble.RandomForestConfig;
import dev.ser.models.ensemble.RandomForestTrainer;
import dev.ser.models.svm.Gamma;
import dev.ser.models.svm.Kernel;
import dev.ser.models.svm.SvmConfig;
import dev.ser.models.svm.SvmTrainer;
import java.util.List;

/**
 * The classic models of the accuracy study, configured as the scikit-learn reference runs:
 * {@code SVC(kernel='rbf', C=10, gamma='scale', probability=True)} and
 * {@code RandomForestClassifier(n_estimators=300)}, both on standardised features.
 */
final class ClassicCandidates {
    private ClassicCandidates() {
    }

    static List<AccuracyStudy.Candidate> all(long seed) {
        return List.of(
                new AccuracyStudy.Candidate("SVM rbf C=10", () -> ScaledTrainer.of(new SvmTrainer(SvmConfig.builder()
                        .c(10).kernel(Kernel.RBF).gamma(Gamma.SCALE).probability(true).seed(seed).build()))),
                new AccuracyStudy.Candidate("random forest 300", () -> ScaledTrainer.of(new RandomForestTrainer(
                        RandomForestConfig.builder().nEstimators(300).seed(seed).threads(1).build()))));
    }
}
