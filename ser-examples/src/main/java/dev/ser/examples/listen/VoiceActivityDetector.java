package dev.ser.examples.listen;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Energy voice activity detector: cuts a stream into utterances.
 *
 * <p>Each frame's energy (dBFS) is compared with an adaptive noise floor: a frame is voiced when it
 * exceeds the floor by {@link VadConfig#thresholdDb()}. The floor follows unvoiced frames, quickly
 * downwards and slowly upwards, and never drops below {@link VadConfig#minFloorDb()}; it starts at the
 * first frame's energy. Hysteresis: {@code startFrames} voiced frames in a row start an utterance (which
 * then begins {@code preRollSeconds} before the first of them), {@code endFrames} unvoiced frames in a
 * row end it (at the end of its last voiced frame). Utterances whose voiced part is shorter than
 * {@code minUtteranceSeconds} are dropped; speech longer than {@code maxUtteranceSeconds} is emitted in
 * pieces of that length. A final incomplete frame is analysed on its own at {@link #flush()}.
 */
public final class VoiceActivityDetector implements Segmenter {
    private final VadConfig config;
    private final int sampleRate;
    private final Consumer<Segment> sink;
    private final int frameLength;
    private final int preRoll;
    private final int minVoiced;
    private final int maxLength;
    private final double riseAlpha;
    private final double fallAlpha;

    private final double[] frame;
    private int frameFill;
    private long frameStart;

    /** The most recent samples, for the pre-roll: capacity pre-roll plus the start frames. */
    private final double[] history;
    private long historyEnd;

    private double floorDb = Double.NaN;
    private boolean inSpeech;
    private int voicedRun;
    private int silentRun;
    private long candidateStart;
    private long utteranceStart;
    private long voicedStart;
    private long lastVoicedEnd;
    /** Pre-roll never reaches back into an utterance already emitted. */
    private long earliestNextStart;
    private double[] utterance = new double[0];
    private int utteranceLength;

    public VoiceActivityDetector(VadConfig config, int sampleRate, Consumer<Segment> sink) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        this.config = config;
        this.sampleRate = sampleRate;
        this.sink = sink;
        this.frameLength = Math.max(1, (int) Math.round(config.frameSeconds() * sampleRate));
        this.preRoll = (int) Math.round(config.preRollSeconds() * sampleRate);
        this.minVoiced = (int) Math.round(config.minUtteranceSeconds() * sampleRate);
        this.maxLength = Math.max(preRoll + (config.startFrames() + 1) * frameLength,
                (int) Math.round(config.maxUtteranceSeconds() * sampleRate));
        double frameSec = (double) frameLength / sampleRate;
        this.riseAlpha = 1 - Math.exp(-frameSec / config.floorRiseSeconds());
        this.fallAlpha = 1 - Math.exp(-frameSec / config.floorFallSeconds());
        this.frame = new double[frameLength];
        this.history = new double[preRoll + config.startFrames() * frameLength];
    }

    /** Frame length in samples. */
    public int frameLength() {
        return frameLength;
    }

    /** The current noise floor estimate in dBFS (NaN before the first frame). */
    public double noiseFloorDb() {
        return floorDb;
    }

    /** Whether an utterance is in progress. */
    public boolean inSpeech() {
        return inSpeech;
    }

    /** The settings. */
    public VadConfig config() {
        return config;
    }

    @Override
    public void accept(double[] samples, int count) {
        int i = 0;
        while (i < count) {
            int n = Math.min(count - i, frameLength - frameFill);
            System.arraycopy(samples, i, frame, frameFill, n);
            frameFill += n;
            i += n;
            if (frameFill == frameLength) {
                processFrame(frameLength);
            }
        }
    }

    @Override
    public void flush() {
        if (frameFill > 0) {
            processFrame(frameFill);
        }
        if (inSpeech) {
            endUtterance();
        }
    }

    private void processFrame(int n) {
        double energy = energyDb(frame, n);
        if (Double.isNaN(floorDb)) {
            floorDb = Math.max(config.minFloorDb(), energy);
        }
        boolean voiced = energy > floorDb + config.thresholdDb();
        if (!voiced) {
            adaptFloor(energy);
        }
        remember(n);
        if (inSpeech) {
            speechFrame(n, voiced);
        } else {
            silenceFrame(n, voiced);
        }
        frameStart += n;
        frameFill = 0;
    }

    private void adaptFloor(double energy) {
        double alpha = energy > floorDb ? riseAlpha : fallAlpha;
        floorDb = Math.max(config.minFloorDb(), floorDb + alpha * (energy - floorDb));
    }

    private void silenceFrame(int n, boolean voiced) {
        if (!voiced) {
            voicedRun = 0;
            return;
        }
        if (voicedRun++ == 0) {
            candidateStart = frameStart;
        }
        if (voicedRun >= config.startFrames()) {
            beginUtterance(Math.max(Math.max(0, candidateStart - preRoll),
                    Math.max(earliestNextStart, historyEnd - history.length)), candidateStart);
            lastVoicedEnd = frameStart + n;
        }
    }

    private void speechFrame(int n, boolean voiced) {
        append(frame, 0, n);
        if (voiced) {
            silentRun = 0;
            lastVoicedEnd = frameStart + n;
        } else if (++silentRun >= config.endFrames()) {
            endUtterance();
            return;
        }
        long end = frameStart + n;
        if (end - utteranceStart >= maxLength) {
            // Long speech: emit this piece whole and carry on in a new one from here.
            lastVoicedEnd = end;
            emit(end);
            beginUtterance(end, end);
            lastVoicedEnd = end;
        }
    }

    /** Starts an utterance at {@code start}, filling it from the history up to the current frame's end. */
    private void beginUtterance(long start, long firstVoiced) {
        inSpeech = true;
        silentRun = 0;
        utteranceStart = start;
        voicedStart = firstVoiced;
        utteranceLength = 0;
        int k = (int) (historyEnd - start);
        ensureCapacity(k);
        for (long s = start; s < historyEnd; s++) {
            utterance[utteranceLength++] = history[(int) (s % history.length)];
        }
    }

    private void endUtterance() {
        inSpeech = false;
        voicedRun = 0;
        if (lastVoicedEnd - voicedStart >= minVoiced && lastVoicedEnd > utteranceStart) {
            emit(lastVoicedEnd);
        }
    }

    private void emit(long end) {
        int len = (int) (end - utteranceStart);
        sink.accept(new Segment(utteranceStart, Arrays.copyOf(utterance, len), sampleRate));
        earliestNextStart = end;
    }

    private void remember(int n) {
        if (history.length == 0) {
            historyEnd += n;
            return;
        }
        for (int j = 0; j < n; j++) {
            history[(int) ((historyEnd + j) % history.length)] = frame[j];
        }
        historyEnd += n;
    }

    private void append(double[] src, int off, int n) {
        ensureCapacity(utteranceLength + n);
        System.arraycopy(src, off, utterance, utteranceLength, n);
        utteranceLength += n;
    }

    private void ensureCapacity(int needed) {
        if (utterance.length < needed) {
            utterance = Arrays.copyOf(utterance, Math.max(needed, Math.min(maxLength + frameLength, 2 * utterance.length + frameLength)));
        }
    }

    /** Mean-square energy of {@code x[0..n)} in dBFS, floored at -200 dB for digital silence. */
    static double energyDb(double[] x, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i] * x[i];
        }
        return 10 * Math.log10(sum / n + 1e-20);
    }
}
