package dev.ser.models.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.audio.WavSampleFormat;
import dev.ser.core.audio.WavWriter;
import dev.ser.features.Feature;
import dev.ser.features.FeatureConfig;
import dev.ser.features.FeatureExtractor;
import dev.ser.models.FeatureTable;
import dev.ser.models.ScaledModel;
import dev.ser.models.ScaledTrainer;
import dev.ser.models.io.ModelFileException;
import dev.ser.models.io.ModelFiles;
import dev.ser.models.mlp.MlpConfig;
import dev.ser.models.mlp.MlpModel;
import dev.ser.models.mlp.MlpTrainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recognizer trained on two synthetic "emotions": low and high voices. */
class EmotionRecognizerTest {
    private static final FeatureConfig CONFIG = FeatureConfig.builder().features(Feature.MFCC).nMfcc(13).build();
    private static ScaledModel<MlpModel> model;

    static AudioSignal voice(double f0, long seed) {
        Random r = new Random(seed);
        double[] y = new double[8000];
        for (int i = 0; i < y.length; i++) {
            double t = i / 16000.0;
            y[i] = 0.3 * Math.sin(2 * Math.PI * f0 * t) + 0.15 * Math.sin(2 * Math.PI * 2 * f0 * t)
                    + 0.01 * r.nextGaussian();
        }
        return AudioSignal.wrap(y, 16000);
    }

    @BeforeAll
    static void train() {
        FeatureExtractor extractor = FeatureExtractor.create(CONFIG);
        List<double[]> rows = new ArrayList<>();
        int n = 24;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double f0 = labels[i] == 0 ? 110 + 5 * (i / 2) : 330 + 5 * (i / 2);
            rows.add(extractor.extract(voice(f0, i)).pooled().values());
        }
        FeatureTable table = new FeatureTable(rows.stream().flatMapToDouble(java.util.Arrays::stream).toArray(), n,
                rows.get(0).length, labels, List.of("sad", "happy"), null, extractor.layout().columnNames());
        ScaledTrainer<MlpModel> trainer = new ScaledTrainer<>(new MlpTrainer(MlpConfig.builder()
                .hiddenLayerSizes(16).maxIter(300).seed(7).build()), EmotionRecognizer.featureConfigJson(CONFIG), true);
        model = trainer.fit(table);
    }

    @Test
    void recognisesFromSignalsAndFilesAfterASaveLoadRoundTrip(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.ser");
        ModelFiles.save(model, file);
        EmotionRecognizer recognizer = EmotionRecognizer.load(file);
        assertEquals(CONFIG, recognizer.extractor().config());
        assertEquals(List.of("sad", "happy"), recognizer.labels());

        Prediction low = recognizer.recognize(voice(120, 99));
        assertEquals("sad", low.label());
        Prediction high = recognizer.recognize(voice(345, 98));
        assertEquals("happy", high.label());
        assertEquals(1.0, high.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        assertEquals(List.of("happy", "sad"), high.ranking());

        Path wav = dir.resolve("clip.wav");
        WavWriter.write(wav, voice(345, 98), WavSampleFormat.PCM_16);
        assertEquals("happy", recognizer.recognize(wav).label());
    }

    @Test
    void loadsFromAStream() throws IOException {
        byte[] bytes = ModelFiles.toBytes(model);
        EmotionRecognizer r = EmotionRecognizer.load(new ByteArrayInputStream(bytes), "bundled");
        assertEquals("sad", r.recognize(voice(115, 5)).label());
    }

    @Test
    void aModelWithoutMatchingFeatureConfigurationIsRefused() {
        FeatureConfig other = FeatureConfig.builder().features(Feature.MFCC).nMfcc(20).build();
        ScaledModel<MlpModel> mismatched = new ScaledModel<>(model.scaler(), model.model(),
                EmotionRecognizer.featureConfigJson(other), model.featureNames(), model.provenance());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EmotionRecognizer(mismatched));
        assertTrue(e.getMessage().contains("13 columns") && e.getMessage().contains("20 columns"), e.getMessage());

        ScaledModel<MlpModel> none = new ScaledModel<>(model.scaler(), model.model(), null, model.featureNames(),
                model.provenance());
        ModelFileException fe = assertThrows(ModelFileException.class,
                () -> EmotionRecognizer.load(new ByteArrayInputStream(ModelFiles.toBytes(none)), "nofeatures.ser"));
        assertTrue(fe.getMessage().contains("nofeatures.ser") && fe.getMessage().contains("no feature configuration"),
                fe.getMessage());
    }

    @Test
    void predictionPicksTheFirstMaximumAndValidates() {
        Prediction p = Prediction.of(List.of("a", "b", "c"), new double[] {0.2, 0.4, 0.4});
        assertEquals("b", p.label());
        assertEquals(0.4, p.confidence());
        assertThrows(IllegalArgumentException.class, () -> Prediction.of(List.of("a"), new double[] {0.5, 0.5}));
    }
}
