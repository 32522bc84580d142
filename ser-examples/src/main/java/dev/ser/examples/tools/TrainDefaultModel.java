package dev.ser.examples.tools;

import dev.ser.datasets.Emotion;
import dev.ser.examples.CorpusTables;
import dev.ser.examples.ModelChoice;
import dev.ser.features.FeatureConfig;
import dev.ser.models.FeatureTable;
import dev.ser.models.Provenance;
import dev.ser.models.ScaledModel;
import dev.ser.models.ScaledTrainer;
import dev.ser.models.eval.CrossValidationResult;
import dev.ser.models.eval.CrossValidator;
import dev.ser.models.eval.Folds;
import dev.ser.models.eval.Metric;
import dev.ser.models.eval.MetricSummary;
import dev.ser.models.eval.SplitKind;
import dev.ser.models.io.ModelFiles;
import dev.ser.models.mlp.MlpModel;
import dev.ser.models.mlp.MlpTrainer;
import dev.ser.models.recognize.EmotionRecognizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Trains the bundled default model: an MLP on the classic 193-value vector of RAVDESS, TESS and
 * EMO-DB, over the seven emotions all three corpora share, and estimates its accuracy by 5-fold
 * cross-validation grouped by speaker (no speaker in both training and test folds).
 *
 * <p>Usage: {@code TrainDefaultModel DATA_DIR MODEL_OUT [CACHE_DIR]}. Prints the figures and the
 * pooled confusion matrix for {@code docs/default-model.md}.
 */
public final class TrainDefaultModel {
    /** The emotions of all three corpora (RAVDESS calm and EMO-DB boredom have no counterpart elsewhere). */
    static final Set<Emotion> LABELS = EnumSet.of(Emotion.NEUTRAL, Emotion.HAPPY, Emotion.SAD, Emotion.ANGRY,
            Emotion.FEAR, Emotion.DISGUST, Emotion.SURPRISE);

    private TrainDefaultModel() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TrainDefaultModel DATA_DIR MODEL_OUT [CACHE_DIR]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path cache = args.length > 2 ? Path.of(args[2]) : null;
        FeatureConfig config = FeatureConfig.CLASSIC;

        Map<String, Path> corpora = new LinkedHashMap<>();
        for (String corpus : List.of("ravdess", "tess", "emodb")) {
            corpora.put(corpus, data.resolve(corpus));
        }
        CorpusTables.Loaded loaded = CorpusTables.load(corpora, LABELS, config, cache, 0, null);
        FeatureTable table = loaded.table();
        System.out.printf(Locale.ROOT, "%d utterances, %d speakers, labels %s, %d skipped%n", table.rows(),
                Arrays.stream(table.groups().orElseThrow()).distinct().count(), table.labelNames(),
                loaded.skipped().size());

        ScaledTrainer<MlpModel> trainer = new ScaledTrainer<>(new MlpTrainer(ModelChoice.recipeMlp(42).build()),
                EmotionRecognizer.featureConfigJson(config), true);
        CrossValidationResult cv = CrossValidator.run(trainer, table,
                Folds.groupKFold(table.groups().orElseThrow(), 5), SplitKind.SPEAKER_INDEPENDENT,
                Runtime.getRuntime().availableProcessors());
        MetricSummary acc = cv.summary(Metric.ACCURACY);
        MetricSummary uar = cv.summary(Metric.UAR);
        System.out.printf(Locale.ROOT, "5-fold grouped by speaker: accuracy %.1f%% ± %.1f, UAR %.3f ± %.3f%n",
                100 * acc.mean(), 100 * acc.std(), uar.mean(), uar.std());
        System.out.println(cv.toTable());
        System.out.println("Pooled confusion matrix (rows true, columns predicted):");
        System.out.println(cv.pooledConfusion());

        ScaledModel<MlpModel> model = trainer.fit(table);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("cv_speaker_independent_accuracy_mean", acc.mean());
        metrics.put("cv_speaker_independent_accuracy_std", acc.std());
        metrics.put("cv_speaker_independent_uar_mean", uar.mean());
        metrics.put("cv_speaker_independent_uar_std", uar.std());
        Provenance provenance = model.provenance().withMetrics(metrics);
        ModelFiles.save(model.withProvenance(provenance), out);
        System.out.println("wrote " + out);
    }

}
