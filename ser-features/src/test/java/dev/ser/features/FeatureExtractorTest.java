package dev.ser.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.audio.AudioFormatException;
import dev.ser.core.audio.AudioSignal;
import dev.ser.core.audio.WavSampleFormat;
import dev.ser.core.audio.WavWriter;
import dev.ser.core.dsp.Matrix;
import dev.ser.core.dsp.Mfcc;
import dev.ser.core.dsp.MelConfig;
import dev.ser.core.dsp.MfccConfig;
import dev.ser.core.dsp.StftConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureExtractorTest {
    private static AudioSignal tone(int sampleRate, double seconds, double hz) {
        double[] y = new double[(int) (sampleRate * seconds)];
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.4 * Math.sin(2 * Math.PI * hz * i / sampleRate) + 0.1 * Math.sin(2 * Math.PI * 3 * hz * i / sampleRate);
        }
        return AudioSignal.wrap(y, sampleRate);
    }

    @Test
    void framesAndPooledVectorAgreeWithTheLayout() {
        FeatureResult r = FeatureExtractor.classic().extract(tone(16000, 1.0, 220));
        assertEquals(193, r.pooled().size());
        int frames = 1 + 16000 / 512;
        assertEquals(frames, r.frameCount());
        for (FeatureLayout.Segment s : r.layout().segments()) {
            Matrix m = r.frames(s.feature());
            assertEquals(s.length(), m.rows(), s.feature().toString());
            assertEquals(frames, m.cols(), s.feature() + " frames");
            assertArrayEquals(m.rowMeans(), r.pooled().values(s.feature()), 0.0, s.feature().toString());
        }
    }

    @Test
    void mfccFramesEqualTheStandaloneDspPath() {
        AudioSignal y = tone(22050, 0.5, 440);
        FeatureExtractor e = FeatureExtractor.create(FeatureConfig.builder().features(Feature.MFCC).build());
        Matrix expected = Mfcc.compute(y.samplesView(), 22050, StftConfig.DEFAULT, MelConfig.DEFAULT,
                MfccConfig.builder().nMfcc(40).build());
        assertArrayEquals(expected.data(), e.extract(y).frames(Feature.MFCC).data(), 1e-9);
    }

    @Test
    void emptyAndNonFiniteSignalsAreRefusedClearly() {
        FeatureExtractor e = FeatureExtractor.classic();
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> e.extract(AudioSignal.wrap(new double[0], 16000)));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        double[] y = tone(16000, 0.2, 300).samples();
        y[123] = Double.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> e.extract(AudioSignal.wrap(y, 16000)));
        assertTrue(nan.getMessage().contains("sample 123"), nan.getMessage());
    }

    @Test
    void silenceGivesFiniteFeatures() {
        FeatureVector v = FeatureExtractor.classic().extract(AudioSignal.wrap(new double[16000], 16000)).pooled();
        for (int i = 0; i < v.size(); i++) {
            assertTrue(Double.isFinite(v.get(i)), v.layout().columnNames().get(i) + " = " + v.get(i));
        }
    }

    @Test
    void targetRateResamplesBeforeExtraction() {
        FeatureExtractor e = FeatureExtractor.create(FeatureConfig.builder()
                .features(EnumSet.of(Feature.MEL)).targetSampleRate(16000).build());
        FeatureResult r = e.extract(tone(48000, 1.0, 440));
        assertEquals(16000, r.sampleRate());
        assertEquals(1 + 16000 / 512, r.frameCount());
    }

    @Test
    void concurrentExtractionEqualsSequential() throws Exception {
        FeatureExtractor e = FeatureExtractor.create(FeatureConfig.builder()
                .features(EnumSet.of(Feature.MFCC, Feature.CHROMA, Feature.MEL, Feature.CONTRAST)).build());
        List<AudioSignal> signals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            signals.add(tone(i % 2 == 0 ? 16000 : 22050, 0.4, 150 + 40 * i));
        }
        List<double[]> sequential = new ArrayList<>();
        for (AudioSignal s : signals) {
            sequential.add(e.extract(s).pooled().values());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (AudioSignal s : signals) {
                futures.add(pool.submit(() -> e.extract(s).pooled().values()));
            }
            for (int i = 0; i < signals.size(); i++) {
                assertArrayEquals(sequential.get(i), futures.get(i).get(), 0.0);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void filesAreDecodedAndBadFilesNamed(@TempDir Path dir) throws IOException {
        AudioSignal y = tone(16000, 0.5, 330);
        Path wav = dir.resolve("clip.wav");
        WavWriter.write(wav, y, WavSampleFormat.PCM_16);
        FeatureVector fromFile = FeatureExtractor.extract(wav, Feature.MEL, Feature.MFCC);
        assertEquals(168, fromFile.size());
        assertEquals("mfcc_0", fromFile.layout().columnNames().get(0));

        Path bad = dir.resolve("broken.wav");
        Files.write(bad, new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> FeatureExtractor.classic().extract(bad));
        assertTrue(e.getMessage().contains("broken.wav"), e.getMessage());
    }
}
