package dev.ser.datasets.extract;

import dev.ser.features.FeatureConfig;
import dev.ser.features.FeatureExtractor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@link FeatureFunction} of a {@link FeatureExtractor}: the pooled vector of each file, with
 * the extractor's column names, keyed by the full canonical feature configuration so that the
 * cache recomputes whenever any parameter changes.
 */
public final class ExtractorFeatureFunction implements FeatureFunction {
    private final FeatureExtractor extractor;
    private final String key;

    public ExtractorFeatureFunction(FeatureExtractor extractor) {
        this.extractor = extractor;
        this.key = "ser-features;" + extractor.config().canonicalKey();
    }

    /** The function of an extractor for {@code config}. */
    public static ExtractorFeatureFunction of(FeatureConfig config) {
        return new ExtractorFeatureFunction(FeatureExtractor.create(config));
    }

    @Override
    public String configurationKey() {
        return key;
    }

    @Override
    public double[] extract(Path audio) throws IOException {
        return extractor.extract(audio).pooled().values();
    }

    @Override
    public List<String> featureNames(int dimension) {
        List<String> names = extractor.layout().columnNames();
        if (names.size() != dimension) {
            throw new IllegalArgumentException("the extractor produces " + names.size() + " columns, not " + dimension);
        }
        return names;
    }
}
