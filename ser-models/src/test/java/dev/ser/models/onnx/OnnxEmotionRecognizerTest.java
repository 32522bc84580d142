package dev.ser.models.onnx;

import dev.ser.models.recognize.Prediction;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.resample.ResampleMode;
import dev.ser.core.resample.ResampleOptions;
import dev.ser.core.resample.Resampler;
import dev.ser.features.FeatureExtractor;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OnnxEmotionRecognizerTest {

    private static Path clip() throws IOException {
        return OnnxFixtures.bundledClips().findFirst().orElseThrow();
    }

    @Test
    void audioIsBroughtToTheContractRateBeforeFeatures() throws IOException {
        ModelContract at22k;
        try (OnnxClassifier c = OnnxClassifier.load(OnnxFixtures.model("pooled_mlp.onnx"))) {
            at22k = c.contract().toBuilder().sampleRate(22050).resampleMode(ResampleMode.POLYPHASE).build();
        }
        AudioSignal native16k = FeatureExtractor.loadAudio(clip(), 0);
        assertEquals(16000, native16k.sampleRate());
        try (OnnxEmotionRecognizer r = new OnnxEmotionRecognizer(
                OnnxClassifier.load(OnnxFixtures.model("pooled_mlp.onnx"), at22k, OnnxOptions.DEFAULT))) {
            Prediction p = r.recognize(clip());
            double[] y = Resampler.resample(native16k.samplesView(), 16000, 22050,
                    ResampleOptions.builder().mode(ResampleMode.POLYPHASE).build());
            double[] expected = r.classifier().predictFeatures(
                    FeatureExtractor.create(at22k.extractorConfig()).extract(AudioSignal.wrap(y, 22050)));
            assertArrayEquals(expected, p.values(), 0.0);
        }
    }

    @Test
    void waveformModelsTakeFilesToo() throws IOException {
        try (OnnxEmotionRecognizer r = OnnxEmotionRecognizer.open(OnnxFixtures.model("waveform_conv.onnx"))) {
            Prediction fromFile = r.recognize(clip());
            Prediction fromSignal = r.recognize(FeatureExtractor.loadAudio(clip(), 0));
            assertEquals(fromFile, fromSignal);
            assertEquals(r.classifier().labels(), fromFile.labels());
        }
    }

    @Test
    void closingTheRecognizerClosesItsClassifier() throws IOException {
        OnnxEmotionRecognizer r = OnnxEmotionRecognizer.open(OnnxFixtures.model("frames_cnn.onnx"),
                OnnxOptions.builder().intraOpThreads(1).build());
        r.recognize(clip());
        r.close();
        assertTrue(r.classifier().isClosed());
        assertThrows(IllegalStateException.class, () -> r.recognize(clip()));
    }
}
