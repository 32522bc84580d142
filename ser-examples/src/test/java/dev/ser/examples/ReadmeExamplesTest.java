package dev.ser.examples;

import static dev.ser.features.Feature.CHROMA;
import static dev.ser.features.Feature.MEL;
import static dev.ser.features.Feature.MFCC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ser.core.dsp.Matrix;
import dev.ser.core.dsp.StftConfig;
import dev.ser.features.FeatureConfig;
import dev.ser.features.FeatureExtractor;
import dev.ser.features.FeatureResult;
import dev.ser.features.FeatureVector;
import dev.ser.models.recognize.Prediction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The README's Java snippets, run on a bundled clip, so that they keep compiling and working. */
class ReadmeExamplesTest {
    private static final Path CLIP = Path.of("..", "docs", "samples", "ravdess", "03-01-05-01-02-01-09.flac");

    @Test
    void fiveLinesOfJava() throws IOException {
        FeatureVector v = FeatureExtractor.extract(CLIP, MFCC, CHROMA, MEL);
        assertEquals(180, v.size());
        assertEquals("mfcc_0", v.layout().columnNames().get(0));
        assertEquals("chroma_C", v.layout().columnNames().get(40));
        assertEquals("mel_127", v.layout().columnNames().get(179));
        assertEquals(40, v.values(MFCC).length);
        assertEquals(193, FeatureExtractor.classic().extract(CLIP).pooled().size());
    }

    @Test
    void configuredExtractor() throws IOException {
        FeatureExtractor extractor = FeatureExtractor.create(FeatureConfig.builder()
                .features(EnumSet.of(MFCC, MEL))
                .nMfcc(20)
                .stft(StftConfig.builder().nFft(512).hopLength(160).winLength(400).build())
                .build());
        FeatureResult r = extractor.extract(CLIP);
        Matrix mfccFrames = r.frames(MFCC);
        assertEquals(20, mfccFrames.rows());
        assertEquals(r.frameCount(), mfccFrames.cols());
        assertEquals(148, r.pooled().size());
    }

    @Test
    void recognisingEmotion() throws IOException {
        Prediction p = DefaultModel.recognizer().recognize(CLIP);
        assertEquals(DefaultModel.recognizer().labels().size(), p.probabilities().size());
    }
}
