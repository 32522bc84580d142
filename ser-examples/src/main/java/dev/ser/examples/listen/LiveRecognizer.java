package dev.ser.examples.listen;

import dev.ser.models.recognize.EmotionRecognizer;
import dev.ser.models.recognize.Prediction;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live emotion recognition: a capture thread pulls blocks from an {@link AudioSource} and cuts them into
 * segments; a classification thread recognises each segment and tells the {@link LiveListener}. The two
 * are joined by a bounded queue so capture never waits for the model: when a real-time source outruns
 * classification, the oldest pending segment is dropped (and logged); a source that is not real-time
 * (a file read as fast as possible) waits instead, so nothing is lost.
 *
 * <p>Lifecycle: {@link #start()}, then either the source ends or {@link #stop()} is called; the pending
 * segment in progress is flushed, every queued segment is classified, and
 * {@link LiveListener#onFinished()} is called. {@link #close()} also closes the source. Both threads are
 * daemons.
 */
public final class LiveRecognizer implements AutoCloseable {
    /** Segments waiting for classification before a real-time source starts dropping the oldest. */
    public static final int QUEUE_CAPACITY = 16;
    /** Samples read from the source per call, in seconds: bounds how long {@link #stop()} takes. */
    public static final double BLOCK_SECONDS = 0.05;

    private static final Logger LOG = LoggerFactory.getLogger(LiveRecognizer.class);
    private static final Segment END = new Segment(0, new double[0], 1);

    private final AudioSource source;
    private final EmotionRecognizer recognizer;
    private final LiveListener listener;
    private final Segmenter segmenter;
    private final BlockingQueue<Segment> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger dropped = new AtomicInteger();
    private final Thread capture;
    private final Thread worker;
    private volatile boolean stopRequested;
    private volatile boolean started;

    /**
     * @param source       where the audio comes from (closed by {@link #close()})
     * @param recognizer   the model (must be thread-safe, as {@link EmotionRecognizer} is)
     * @param segmentation voice activity or sliding windows
     * @param listener     receives the results, on the classification thread
     */
    public LiveRecognizer(AudioSource source, EmotionRecognizer recognizer, Segmentation segmentation,
                          LiveListener listener) {
        this.source = source;
        this.recognizer = recognizer;
        this.listener = listener;
        this.segmenter = segmentation.create(source.sampleRate(), this::enqueue);
        this.capture = new Thread(this::captureLoop, "ser-listen-capture");
        this.worker = new Thread(this::classifyLoop, "ser-listen-classify");
        capture.setDaemon(true);
        worker.setDaemon(true);
    }

    /**
     * Starts capturing and classifying.
     *
     * @throws IllegalStateException if already started
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("this live recognizer was already started");
        }
        started = true;
        worker.start();
        capture.start();
    }

    /** Asks capture to stop after the current block; pending segments are still classified. Returns at once. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Waits until everything has been classified and {@link LiveListener#onFinished()} has returned.
     *
     * @return whether that happened within the timeout
     */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    /** Starts, then waits until the source ends or {@link #stop()} is called and all is reported. */
    public void run() throws InterruptedException {
        start();
        finished.await();
    }

    /** How many segments were dropped because classification fell behind a real-time source. */
    public int dropped() {
        return dropped.get();
    }

    /** Stops, waits up to 5 s for pending work (interrupting capture if it hangs), and closes the source. */
    @Override
    public void close() throws IOException {
        stop();
        try {
            if (started && !finished.await(1, TimeUnit.SECONDS)) {
                capture.interrupt();
                source.close();
                finished.await(4, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            source.close();
        }
    }

    private void captureLoop() {
        double[] block = new double[Math.max(1, (int) Math.round(BLOCK_SECONDS * source.sampleRate()))];
        try {
            int n;
            while (!stopRequested && (n = source.read(block)) >= 0) {
                segmenter.accept(block, n);
            }
            segmenter.flush();
        } catch (IOException | RuntimeException e) {
            if (!stopRequested) {
                listener.onError(e);
            }
        } finally {
            putUninterruptibly(END);
        }
    }

    private void enqueue(Segment segment) {
        if (!source.realTime()) {
            putUninterruptibly(segment);
            return;
        }
        while (!queue.offer(segment)) {
            if (queue.poll() != null) {
                LOG.warn("classification is falling behind the audio: dropped a pending segment");
                dropped.incrementAndGet();
            }
        }
    }

    private void putUninterruptibly(Segment segment) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(segment);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void classifyLoop() {
        int index = 0;
        try {
            for (Segment s = take(); s != END; s = take()) {
                try {
                    Prediction p = recognizer.recognize(s.signal());
                    listener.onResult(new LiveResult(index++, s.startSeconds(), s.endSeconds(), p));
                } catch (RuntimeException e) {
                    listener.onError(e);
                }
            }
        } finally {
            try {
                listener.onFinished();
            } finally {
                finished.countDown();
            }
        }
    }

    private Segment take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            // Nobody interrupts the worker; if someone does, finish rather than hang.
            Thread.currentThread().interrupt();
            return END;
        }
    }
}
