package dev.ser.examples;

import dev.ser.datasets.Dataset;
import dev.ser.datasets.Emotion;
import dev.ser.datasets.SkippedFile;
import dev.ser.datasets.Utterance;
import dev.ser.datasets.corpus.Corpora;
import dev.ser.datasets.extract.CorpusExtractor;
import dev.ser.datasets.extract.ExtractionOptions;
import dev.ser.datasets.extract.ExtractionResult;
import dev.ser.datasets.extract.ExtractorFeatureFunction;
import dev.ser.datasets.extract.FeatureCache;
import dev.ser.datasets.extract.ProgressListener;
import dev.ser.features.FeatureConfig;
import dev.ser.models.FeatureTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Corpora on disk to a model-ready {@link FeatureTable}: scan each corpus with its adapter, keep
 * the chosen emotions, extract the features in parallel (through a cache when given), and label
 * rows with the common emotion names and group them by speaker ({@code corpus/speaker}).
 */
public final class CorpusTables {
    /** A table and every file that could not be used, with the reason. */
    public record Loaded(FeatureTable table, List<Utterance> rows, List<SkippedFile> skipped) {
    }

    private CorpusTables() {
    }

    /**
     * @param corpora  corpus type (ravdess, tess, emodb, savee, cremad, custom) to root folder
     * @param emotions the emotions to keep, or {@code null} for every one present; label order
     *                 follows {@link Emotion}'s declaration order
     * @param cache    feature cache folder, or {@code null}
     * @param threads  extraction threads, 0 for all cores
     */
    public static Loaded load(Map<String, Path> corpora, Set<Emotion> emotions, FeatureConfig config, Path cache,
                              int threads, ProgressListener progress) throws IOException {
        List<Dataset> parts = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (Map.Entry<String, Path> e : corpora.entrySet()) {
            var scan = Corpora.adapter(e.getKey()).scan(e.getValue());
            parts.add(scan.dataset());
            skipped.addAll(scan.skipped());
        }
        Dataset dataset = Dataset.merge(parts.toArray(Dataset[]::new));
        if (emotions != null) {
            dataset = dataset.selectEmotions(emotions);
        }
        if (dataset.size() == 0) {
            throw new IllegalArgumentException("no utterances found" + (emotions != null ? " with emotions " + emotions : "")
                    + " under " + corpora.values());
        }
        ExtractionOptions.Builder options = ExtractionOptions.builder()
                .threads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors())
                .progress(progress != null ? progress : ProgressListener.NONE);
        if (cache != null) {
            options.cache(new FeatureCache(cache));
        }
        ExtractionResult result = new CorpusExtractor(ExtractorFeatureFunction.of(config), options.build())
                .extract(dataset.utterances());
        skipped.addAll(result.failures());
        List<Utterance> rows = result.table().rows();
        List<String> labels = rows.stream().map(Utterance::emotion).distinct()
                .sorted(Comparator.naturalOrder()).map(Emotion::label).toList();
        int[] y = new int[rows.size()];
        String[] groups = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            y[i] = labels.indexOf(rows.get(i).emotion().label());
            groups[i] = rows.get(i).speakerKey();
        }
        FeatureTable table = new FeatureTable(result.table().values(), rows.size(), result.table().dimension(), y,
                labels, groups, result.table().columns());
        return new Loaded(table, rows, skipped);
    }
}
