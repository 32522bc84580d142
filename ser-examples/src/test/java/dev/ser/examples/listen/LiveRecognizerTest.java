package dev.ser.examples.listen;

import static dev.ser.examples.listen.Signals.SR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.core.audio.AudioSignal;
import dev.ser.core.audio.WavSampleFormat;
import dev.ser.core.audio.WavWriter;
import dev.ser.examples.DefaultModel;
import dev.ser.models.recognize.EmotionRecognizer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveRecognizerTest {
    /** Two 0.8 s voiced bursts in quiet noise. */
    static double[] twoBursts() {
        return Signals.bursts(4, 0.001, 0.3, 21, new double[] {0.8, 1.6}, new double[] {2.5, 3.3});
    }

    static final class Recorder implements LiveListener {
        final List<LiveResult> results = new CopyOnWriteArrayList<>();
        final List<Exception> errors = new CopyOnWriteArrayList<>();
        final AtomicInteger finished = new AtomicInteger();

        @Override
        public void onResult(LiveResult result) {
            results.add(result);
        }

        @Override
        public void onError(Exception error) {
            errors.add(error);
        }

        @Override
        public void onFinished() {
            finished.incrementAndGet();
        }
    }

    @TempDir
    Path dir;

    @Test
    void twoUtterancesGiveTwoEventsInOrder() throws Exception {
        EmotionRecognizer model = DefaultModel.recognizer();
        Recorder rec = new Recorder();
        Path wav = dir.resolve("two.wav");
        WavWriter.write(wav, AudioSignal.wrap(twoBursts(), SR), WavSampleFormat.PCM_16);
        FileSource source = FileSource.open(wav, false);
        try (LiveRecognizer live = new LiveRecognizer(source, model, new Segmentation.Vad(VadConfig.defaults()), rec)) {
            live.run();
            assertEquals(0, live.dropped());
        }
        assertEquals(List.of(), rec.errors);
        assertEquals(1, rec.finished.get());
        assertEquals(2, rec.results.size(), rec.results::toString);
        double[][] bursts = {{0.8, 1.6}, {2.5, 3.3}};
        for (int i = 0; i < 2; i++) {
            LiveResult r = rec.results.get(i);
            assertEquals(i, r.index());
            assertEquals(bursts[i][0] - 0.2, r.startSeconds(), 0.05, "start with pre-roll");
            assertEquals(bursts[i][1], r.endSeconds(), 0.05, "end");
            assertEquals(1.0, r.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
            assertEquals(model.labels().size(), r.probabilities().size());
            assertTrue(model.labels().contains(r.label()), r.label());
        }
        assertTrue(rec.results.get(0).endSeconds() < rec.results.get(1).startSeconds());
    }

    @Test
    void slidingWindowsComeAtTheExpectedPace() throws Exception {
        Recorder rec = new Recorder();
        FileSource source = new FileSource(AudioSignal.wrap(twoBursts(), SR), false);
        try (LiveRecognizer live = new LiveRecognizer(source, DefaultModel.recognizer(),
                new Segmentation.Sliding(1.5, 0.5), rec)) {
            live.run();
        }
        // 4 s of audio, 1.5 s windows every 0.5 s: floor((4 - 1.5) / 0.5) + 1 = 6.
        assertEquals(6, rec.results.size(), rec.results::toString);
        for (int k = 0; k < 6; k++) {
            assertEquals(0.5 * k, rec.results.get(k).startSeconds(), 1e-9);
            assertEquals(0.5 * k + 1.5, rec.results.get(k).endSeconds(), 1e-9);
        }
    }

    @Test
    void stopEndsARealTimeStreamPromptly() throws Exception {
        Recorder rec = new Recorder();
        // 60 s of audio played in real time: stop must not wait for it.
        FileSource source = new FileSource(AudioSignal.wrap(new double[60 * SR], SR), true);
        LiveRecognizer live = new LiveRecognizer(source, DefaultModel.recognizer(),
                new Segmentation.Vad(VadConfig.defaults()), rec);
        live.start();
        Thread.sleep(100);
        long t0 = System.nanoTime();
        live.stop();
        assertTrue(live.awaitTermination(5, TimeUnit.SECONDS), "stopped");
        assertTrue((System.nanoTime() - t0) / 1e9 < 3.0, "stop takes about one block, not the 60 s of audio");
        live.close();
        assertEquals(1, rec.finished.get());
        assertEquals(List.of(), rec.errors);
    }
}
