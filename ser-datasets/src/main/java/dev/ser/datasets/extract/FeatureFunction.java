package dev.ser.datasets.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes one fixed-length feature vector per audio file; the seam between corpus handling and the feature
 * extractor (the real implementation lives in ser-features).
 *
 * <p>Implementations must be thread-safe: {@link CorpusExtractor} calls {@link #extract(Path)} from several
 * threads at once.
 */
public interface FeatureFunction {
    /**
     * A stable string that changes whenever anything that affects the output changes (feature set, every
     * parameter, library version where numbers may differ). The feature cache keys entries by it, so two
     * functions with equal keys must compute equal vectors for equal audio bytes.
     */
    String configurationKey();

    /**
     * Decodes the file and computes its feature vector.
     *
     * @throws IOException if the file cannot be read or decoded; the extractor records it as a per-file failure
     */
    double[] extract(Path audio) throws IOException;

    /**
     * Column names for a vector of the given length, used as the header of exported tables. The default is
     * {@code f0, f1, ...}; real extractors should name their features ({@code mfcc_mean_0}, ...).
     */
    default List<String> featureNames(int dimension) {
        List<String> names = new ArrayList<>(dimension);
        for (int i = 0; i < dimension; i++) {
            names.add("f" + i);
        }
        return names;
    }
}
